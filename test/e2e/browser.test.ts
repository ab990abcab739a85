// The web UI in a real browser: builds it with Vite, serves it over a temporary store of
// hand-made documents, and drives /usr/bin/chromium with playwright-core at a laptop's size
// (1366×768) and a phone's (390×844). Screenshots go to test-artifacts/ (ignored by git).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import {
  fixtureStore,
  N_EVENTS,
  N_USA_KOR,
  NO_URL_DOC,
  type TempStore,
  VISIT_EVIDENCE,
  XSS_DOC,
  XSS_EVIDENCE,
  XSS_IMG,
  XSS_SCRIPT,
} from '../server/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const PLANNED_EVIDENCE = 'Kang Kyung-wha dijadwalkan mengunjungi Washington pada 18 Maret, kata kementerian luar negeri di Seoul.';

const countRows = (page: Page, n: number) =>
  page.waitForFunction((want) => document.querySelectorAll('#view li.ev').length === want, n, { timeout: 10_000 });

/** Month headings without their count badges. */
const monthHeadings = (page: Page) => page.$$eval('.month-title', (hs) => hs.map((h) => h.firstChild?.textContent ?? ''));

/** Pairs of visible network labels whose boxes overlap (should be none). */
const overlappingLabels = (page: Page) =>
  page.$$eval('svg.network text', (els) => {
    const boxes = els
      .filter((e) => e.getAttribute('visibility') !== 'hidden')
      .map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) out.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
      }
    return { overlaps: out, shown: boxes.length, smallest: Math.min(...boxes.map((b) => b.r.height)) };
  });

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('web UI in chromium', { timeout: 180_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`chromium not installed: ${CHROMIUM} is missing (apt-get install chromium), browser test skipped`);
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'kronik-web-dist-'));
  let store: TempStore | null = null;
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  try {
    await build({
      configFile: join(ROOT, 'web', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    assert.ok(existsSync(join(outDir, 'index.html')), 'vite build wrote index.html');

    store = await fixtureStore();
    server = await startServer({ db: store.path, port: 0, host: '127.0.0.1', webRoot: outDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    const base = server.url;
    const dialogs: string[] = [];
    const problems: string[] = [];
    const open = async (size: (typeof SIZES)[number]): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await browser!.newContext({ viewport: { width: size.width, height: size.height }, locale: 'en-GB' });
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${size.name} console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${size.name} page error: ${e.message}`));
      return { context, page };
    };
    const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

    const { page } = await open(SIZES[0]);

    await t.test('timeline: newest first, sortable, statuses visibly different, counts as listed', async () => {
      await page.goto(`${base}/#/`);
      await countRows(page, N_EVENTS);
      assert.deepEqual(await monthHeadings(page), ['May 2020', 'April 2020', 'March 2020', 'February 2020', 'Undated']);
      assert.equal(
        await page.locator('details.filter-panel').evaluate((d) => (d as HTMLDetailsElement).open),
        true,
        'filters open on a laptop',
      );
      const planned = page.locator('li.ev.status-planned');
      assert.equal(await planned.count(), 1);
      assert.equal((await planned.locator('.badge').textContent())?.trim(), 'planned');
      assert.equal(await planned.evaluate((el) => getComputedStyle(el).borderTopStyle), 'dashed');
      const cancelled = page.locator('li.ev.status-cancelled');
      assert.match(await cancelled.locator('.ev-what').evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
      for (const status of ['negated', 'hypothetical']) {
        const color = await page.locator(`li.ev.status-${status} .ev-what`).evaluate((el) => getComputedStyle(el).color);
        assert.equal(color, 'rgb(138, 145, 156)', `${status} row is greyed`);
      }
      const visit = page.locator('li.ev', { hasText: 'Washington' });
      assert.match(
        (await visit.textContent()) ?? '',
        /18 Mar 2020.*Kang Kyung-wha \(KOR\).*consult.*visit.*Mike Pompeo \(USA\).*Washington.*2 articles · 2 outlets/,
      );
      // A page without a known outlet: "1 article", never "0 outlets".
      const noOutlet = page.locator('li.ev', { hasText: 'Tokyo' });
      assert.equal((await noOutlet.locator('.ev-count').textContent())?.trim(), '1 article');
      assert.equal(await page.locator('.ev-count', { hasText: '0 outlets' }).count(), 0);
      await shot(page, 'laptop-timeline');
      await page.selectOption('select[name=sort]', 'asc');
      await page.waitForFunction(() => location.hash.includes('sort=asc'));
      await countRows(page, N_EVENTS);
      assert.deepEqual(await monthHeadings(page), ['February 2020', 'March 2020', 'April 2020', 'May 2020', 'Undated']);
    });

    await t.test('timeline loads more as the reader scrolls', async () => {
      const pages: string[] = [];
      const seen = (r: { url(): string }) => {
        if (r.url().includes('/api/events?')) pages.push(r.url());
      };
      page.on('request', seen);
      await page.goto(`${base}/#/?limit=4`);
      await page.waitForSelector('li.ev');
      assert.match((await page.locator('.result-count').textContent()) ?? '', new RegExp(`^${N_EVENTS} events`));
      for (let i = 0; i < 5 && (await page.locator('li.ev').count()) < N_EVENTS; i++) {
        await page.mouse.wheel(0, 4000);
        await page.waitForTimeout(300);
      }
      await countRows(page, N_EVENTS);
      const ids = await page.$$eval('li.ev', (els) => els.map((e) => e.getAttribute('data-id')));
      assert.equal(new Set(ids).size, N_EVENTS, 'no event twice');
      page.off('request', seen);
      assert.equal(pages.filter((u) => u.includes('cursor=')).length, 2, `three pages of 4: ${pages.join(' ')}`);
      assert.ok(pages.every((u) => u.includes('limit=4')));
    });

    await t.test('filter by a dyad; the downloads give exactly the filtered events', async () => {
      await page.goto(`${base}/#/`);
      await countRows(page, N_EVENTS);
      await page.selectOption('select[name=country]', 'USA');
      await page.selectOption('select[name=with]', 'KOR');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => location.hash.includes('dyad=USA%3AKOR'));
      await countRows(page, N_USA_KOR);
      assert.match((await page.locator('.result-count').textContent()) ?? '', new RegExp(`^${N_USA_KOR} events`));
      const links = await page.$$eval('a.download', (as) => as.map((a) => [a.getAttribute('data-format'), a.getAttribute('href')]));
      assert.deepEqual(
        links.map((l) => l[0]),
        ['csv', 'jsonl', 'gdelt', 'plover'],
      );
      for (const [format, href] of links) {
        const res = await page.request.get(`${base}${href}`);
        assert.equal(res.status(), 200, String(format));
        const lines = (await res.text()).trim().split('\n');
        const expected = format === 'csv' ? N_USA_KOR + 1 : format === 'gdelt' ? N_USA_KOR - 1 + 1 : N_USA_KOR;
        assert.equal(lines.length, expected, `${format}: ${href}`);
      }
    });

    await t.test('event page: opens at its title, evidence, provenance highlighted, source of a page without URL', async () => {
      await page.goto(`${base}/#/?dyad=USA%3AKOR`);
      await countRows(page, N_USA_KOR);
      await page.evaluate(() => window.scrollTo(0, 300));
      await page.locator('li.ev', { hasText: 'Washington' }).locator('a').click();
      await page.waitForSelector('.doc-text mark.evidence');
      assert.match(page.url(), /#\/event\/ev[0-9a-f]{16}$/);
      await page.waitForTimeout(100);
      const top = await page.evaluate(() => ({
        y: window.scrollY,
        h1: document.querySelector('h1')!.getBoundingClientRect().top,
        header: document.getElementById('top')!.getBoundingClientRect().bottom,
      }));
      assert.equal(top.y, 0, 'the page is not scrolled');
      assert.ok(top.h1 >= top.header, `the title is below the sticky header: ${JSON.stringify(top)}`);
      assert.equal(await page.locator('article.mention').count(), 2);
      assert.equal(await page.locator('#mention-0 .doc-text mark.evidence').textContent(), PLANNED_EVIDENCE);
      await page.click('#mention-1 details summary');
      await page.locator('#mention-1 .doc-text mark.evidence').waitFor();
      assert.equal(await page.locator('#mention-1 .doc-text mark.evidence').textContent(), VISIT_EVIDENCE);
      // What produced the event: trigger and date, in the quote and in the article.
      assert.equal(await page.locator('#mention-1 blockquote mark.prov-trigger').textContent(), 'arrived in');
      assert.equal(await page.locator('#mention-1 blockquote mark.prov-date').textContent(), 'on Wednesday');
      assert.equal(await page.locator('#mention-1 .doc-text mark.prov-trigger').textContent(), 'arrived in');
      assert.match(
        (await page.locator('#mention-1 .provenance').textContent()) ?? '',
        /Trigger.*arrived in.*lexicon entry: arrive in.*Date.*on Wednesday.*stated in the sentence/,
      );
      await shot(page, 'laptop-event');

      await page.goto(`${base}/#/?place=Tokyo`);
      await countRows(page, 1);
      await page.locator('li.ev a').click();
      await page.waitForSelector('article.mention');
      assert.equal((await page.locator('.source-origin').textContent())?.trim(), 'Record 3 of feed.jsonl (no web address)');
      assert.match((await page.locator('.fields').textContent()) ?? '', /1 mention in 1 article, outlet unknown/);
      assert.match((await page.locator('.fields').textContent()) ?? '', /Tokyo, JPN \(35[.,]\d+, 139[.,]\d+ · city\)/);
      assert.ok(NO_URL_DOC);
    });

    await t.test('untrusted text renders literally, no script runs', async () => {
      await page.goto(`${base}/#/document/${encodeURIComponent(XSS_DOC)}`);
      await page.waitForSelector('.page-document .doc-text');
      assert.equal(await page.locator('h1.doc-title').textContent(), `Haze statement ${XSS_IMG}`);
      const text = (await page.locator('.page-document .doc-text').textContent()) ?? '';
      assert.ok(text.includes(XSS_SCRIPT) && text.includes(XSS_IMG));
      assert.equal(await page.locator('.page-document .doc-text mark.evidence').textContent(), XSS_EVIDENCE);
      assert.equal(await page.locator('#view script, #view img, #view iframe').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'javascript: URL not linked');
      await page.locator('.doc-events a').click();
      await page.waitForSelector('.doc-text mark.evidence');
      assert.equal(await page.locator('blockquote.evidence').textContent(), XSS_EVIDENCE);
      assert.equal(await page.locator('#view script, #view img').count(), 0);
    });

    await t.test('dyad chart: occurred only by default, other statuses in their own colour, a month opens its events', async () => {
      await page.goto(`${base}/#/dyad/USA/KOR`);
      await page.waitForSelector('.page-dyad canvas');
      assert.equal(await page.locator('.page-dyad canvas').count(), 2);
      const painted = await page
        .locator('.page-dyad canvas')
        .first()
        .evaluate((c) => {
          const cv = c as HTMLCanvasElement;
          const data = cv.getContext('2d')?.getImageData(0, 0, cv.width, cv.height).data;
          return data ? data.some((v, i) => i % 4 === 3 && v > 0) : false;
        });
      assert.ok(painted, 'the chart drew something');
      await page.check('input[name=status][value=planned]');
      await page.waitForFunction(() => location.hash.includes('status=planned'));
      await page.waitForSelector('.page-dyad canvas');
      assert.equal(await page.locator('input[name=status][value=planned]').isChecked(), true);
      await shot(page, 'laptop-dyad');
      const box = (await page.locator('.page-dyad canvas').first().boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => /#\/\?.*dyad=USA%3AKOR.*from=2020-\d\d.*to=2020-\d\d/.test(location.hash));
      await page.waitForSelector('li.ev, .empty');
    });

    await t.test('network: legend, edges by quad class, zoom, drag, labels that do not overlap, title follows the type', async () => {
      await page.goto(`${base}/#/network?type=all`);
      await page.waitForSelector('svg.network circle');
      assert.match((await page.locator('h1').textContent()) ?? '', /Who interacted with whom/);
      assert.equal(await page.locator('.legend .legend-line').count(), 4);
      const classes = await page.$$eval('svg.network line', (ls) => ls.map((l) => l.getAttribute('class')));
      assert.ok(classes.includes('q1') && classes.some((c) => c === 'q3' || c === 'q4'), classes.join(','));
      const labels = await overlappingLabels(page);
      assert.deepEqual(labels.overlaps, []);
      assert.ok(labels.shown >= 4, `labels shown: ${labels.shown}`);
      await shot(page, 'laptop-network');
      // Zoom with the wheel, then drag a node.
      const svgBox = (await page.locator('svg.network').boundingBox())!;
      await page.mouse.move(svgBox.x + svgBox.width / 2, svgBox.y + svgBox.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(() => /scale\(/.test(document.querySelector('svg.network g.content')?.getAttribute('transform') ?? ''));
      const circle = page.locator('svg.network a.node circle').first();
      const before = await circle.getAttribute('cx');
      const c = (await circle.boundingBox())!;
      await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
      await page.mouse.down();
      await page.mouse.move(c.x + c.width / 2 + 60, c.y + c.height / 2 + 30, { steps: 5 });
      await page.mouse.up();
      assert.notEqual(await circle.getAttribute('cx'), before, 'the node moved');
      assert.match(page.url(), /#\/network/, 'a drag is not a click');
      await page.selectOption('select[name=type]', 'ACCUSE');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('accuse'));
    });

    await t.test('map: the chronicle’s places on the right countries, coloured by quad class', async () => {
      await page.goto(`${base}/#/map`);
      await page.waitForSelector('svg.map a.place');
      const places = await page.$$eval('svg.map a.place', (as) => as.map((a) => [a.getAttribute('data-place'), a.getAttribute('class')]));
      assert.deepEqual(places.map((p) => p[0]).sort(), ['Tokyo', 'Washington']);
      assert.ok(places.some((p) => p[0] === 'Washington' && p[1]?.includes('q1')));
      assert.ok(places.some((p) => p[0] === 'Tokyo' && p[1]?.includes('q4')));
      const lit = await page.$$eval('svg.map path.country.lit', (ps) => ps.map((p) => p.getAttribute('data-name')).sort());
      assert.deepEqual(lit, ['Japan', 'United States of America']);
      // The planned Seoul visit is on the map only when planned events are asked for.
      await page.goto(`${base}/#/map?modality=planned`);
      await page.waitForSelector('svg.map a.place[data-place="Seoul"]');
      assert.deepEqual(await page.$$eval('svg.map path.country.lit', (ps) => ps.map((p) => p.getAttribute('data-name'))), ['South Korea']);
      await page.goto(`${base}/#/map`);
      await page.waitForSelector('svg.map a.place');
      await shot(page, 'laptop-map');
    });

    await t.test('codebook and API reference, in both languages', async () => {
      await page.goto(`${base}/#/codebook`);
      await page.waitForSelector('.page-codebook tr[data-type]');
      assert.equal(await page.locator('tr[data-type]').count(), 16);
      assert.match((await page.locator('#statuses').textContent()) ?? '', /Denied: the news says it did not happen/);
      await page.goto(`${base}/#/api`);
      await page.waitForSelector('.api-op');
      assert.ok((await page.locator('.api-op').count()) >= 12);
      assert.match((await page.locator('[data-path="/api/events"]').textContent()) ?? '', /cursor.*Opaque position/s);
      await page.click('button[data-lang=id]');
      await page.waitForFunction(() => document.querySelector('.page-api h1')?.textContent === 'Referensi API');
      await page.goto(`${base}/#/codebook`);
      await page.waitForSelector('.page-codebook h1');
      assert.equal(await page.locator('.page-codebook h1').textContent(), 'Buku kode');
      assert.match((await page.locator('#statuses').textContent()) ?? '', /Disangkal/);
      await shot(page, 'laptop-codebook-id');
    });

    await t.test('language switch: Indonesian labels and dates, remembered', async () => {
      await page.goto(`${base}/#/`);
      await countRows(page, N_EVENTS);
      assert.equal(await page.getAttribute('html', 'lang'), 'id');
      assert.deepEqual(await monthHeadings(page), ['Mei 2020', 'April 2020', 'Maret 2020', 'Februari 2020', 'Tanpa tanggal']);
      assert.equal((await page.locator('li.ev.status-planned .badge').textContent())?.trim(), 'direncanakan');
      await page.reload();
      await countRows(page, N_EVENTS);
      assert.equal(await page.locator('.nav a.active').textContent(), 'Linimasa', 'language remembered after reload');
      await page.click('button[data-lang=en]');
      await page.waitForFunction(() => document.querySelector('.nav a.active')?.textContent === 'Timeline');
    });

    await t.test('on a phone (390×844): filters fold away, pages open at the top, labels stay readable', async () => {
      const { page: phone } = await open(SIZES[1]);
      await phone.goto(`${base}/#/`);
      await countRows(phone, N_EVENTS);
      assert.equal(await phone.locator('details.filter-panel').evaluate((d) => (d as HTMLDetailsElement).open), false, 'filters folded');
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scrolling: ${width}`);
      await shot(phone, 'phone-timeline');
      await phone.click('details.filter-panel summary');
      assert.equal(await phone.locator('form.filters').isVisible(), true);
      await phone.locator('li.ev', { hasText: 'Washington' }).locator('a').click();
      await phone.waitForSelector('.doc-text mark.evidence');
      await phone.waitForTimeout(100);
      assert.equal(await phone.evaluate(() => window.scrollY), 0);
      await shot(phone, 'phone-event');
      await phone.goto(`${base}/#/network?type=all`);
      await phone.waitForSelector('svg.network circle');
      await phone.waitForTimeout(100);
      const labels = await overlappingLabels(phone);
      assert.deepEqual(labels.overlaps, []);
      assert.ok(labels.shown >= 2 && labels.smallest >= 10, `readable labels: ${JSON.stringify(labels)}`);
      await shot(phone, 'phone-network');
      await phone.goto(`${base}/#/dyad/USA/KOR`);
      await phone.waitForSelector('.page-dyad canvas');
      await shot(phone, 'phone-dyad', true);
      await phone.goto(`${base}/#/map`);
      await phone.waitForSelector('svg.map a.place');
      await shot(phone, 'phone-map');
    });

    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.deepEqual(problems, [], 'no console errors (CSP violations included)');
  } finally {
    await browser?.close();
    await server?.close();
    await store?.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  }
});
