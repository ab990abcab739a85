// The web UI in a real browser: builds it with Vite, serves it over a temporary store of
// hand-made documents, and drives /usr/bin/chromium with playwright-core.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import {
  fixtureStore,
  N_EVENTS,
  N_USA_KOR,
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
const PLANNED_EVIDENCE = 'Menteri Luar Negeri Korea Selatan Kang Kyung-wha akan berkunjung ke Washington pada 18 Maret.';

const countRows = (page: Page, n: number) =>
  page.waitForFunction((want) => document.querySelectorAll('#view li.ev').length === want, n, { timeout: 10_000 });

/** Month headings without their count badges. */
const monthHeadings = (page: Page) => page.$$eval('.month-title', (hs) => hs.map((h) => h.firstChild?.textContent ?? ''));

test('web UI in chromium', { timeout: 120_000 }, async (t) => {
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
    // The server opens its own connection to the store file.
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const problems: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    mkdirSync(ARTIFACTS, { recursive: true });
    const base = server.url;

    await t.test('timeline: every event, grouped by month, statuses visibly different', async () => {
      await page.goto(`${base}/#/`);
      await countRows(page, N_EVENTS);
      assert.deepEqual(await monthHeadings(page), ['February 2020', 'March 2020', 'April 2020', 'May 2020', 'Undated']);
      const planned = page.locator('li.ev.status-planned');
      assert.equal(await planned.count(), 1);
      assert.equal((await planned.locator('.badge').textContent())?.trim(), 'planned');
      assert.equal(await planned.evaluate((el) => getComputedStyle(el).borderTopStyle), 'dashed');
      const cancelled = page.locator('li.ev.status-cancelled');
      assert.equal((await cancelled.locator('.badge').textContent())?.trim(), 'cancelled');
      assert.match(await cancelled.locator('.ev-what').evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
      for (const status of ['negated', 'hypothetical']) {
        const row = page.locator(`li.ev.status-${status}`);
        assert.equal(await row.count(), 1, status);
        const color = await row.locator('.ev-what').evaluate((el) => getComputedStyle(el).color);
        assert.equal(color, 'rgb(138, 145, 156)', `${status} row is greyed`);
      }
      const visit = page.locator('li.ev', { hasText: 'Washington' });
      assert.match(
        (await visit.textContent()) ?? '',
        /18 Mar 2020.*Kang Kyung-wha \(KOR\).*consult.*visit.*Mike Pompeo \(USA\).*Washington.*2 articles · 2 outlets/,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'timeline.png'), fullPage: true });
    });

    await t.test('filter by a dyad', async () => {
      await page.selectOption('select[name=country]', 'USA');
      await page.selectOption('select[name=with]', 'KOR');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => location.hash.includes('dyad=USA%3AKOR'));
      await countRows(page, N_USA_KOR);
      for (const row of await page.locator('li.ev .ev-what').allTextContents()) {
        assert.match(row, /USA/);
        assert.match(row, /KOR/);
      }
      assert.equal(await page.locator('select[name=country]').inputValue(), 'USA');
      assert.match((await page.locator('.result-count').textContent()) ?? '', new RegExp(`^${N_USA_KOR} events`));
    });

    await t.test('open an event: fields, mentions, evidence <mark> scrolled into view', async () => {
      await page.locator('li.ev', { hasText: 'Washington' }).locator('a').click();
      await page.waitForSelector('.doc-text mark.evidence');
      assert.match(page.url(), /#\/event\/ev[0-9a-f]{16}$/);
      assert.match((await page.locator('h1').textContent()) ?? '', /Kang Kyung-wha \(KOR\).*Mike Pompeo \(USA\)/);
      assert.equal(await page.locator('article.mention').count(), 2);
      const first = page.locator('#mention-0 .doc-text mark.evidence');
      assert.equal(await first.textContent(), PLANNED_EVIDENCE);
      const inView = await first.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      });
      assert.ok(inView, 'the evidence mark is scrolled into view');
      // The second report: open its article text.
      await page.click('#mention-1 details summary');
      const second = page.locator('#mention-1 .doc-text mark.evidence');
      await second.waitFor();
      assert.equal(await second.textContent(), VISIT_EVIDENCE);
      assert.match((await page.locator('#mention-0 .badge').textContent()) ?? '', /planned/);
      await page.screenshot({ path: join(ARTIFACTS, 'event.png') });
    });

    await t.test('untrusted text renders literally, no script runs', async () => {
      await page.goto(`${base}/#/document/${encodeURIComponent(XSS_DOC)}`);
      await page.waitForSelector('.page-document .doc-text');
      assert.equal(await page.locator('h1.doc-title').textContent(), `Haze statement ${XSS_IMG}`);
      const text = (await page.locator('.page-document .doc-text').textContent()) ?? '';
      assert.ok(text.includes(XSS_SCRIPT), 'script tag shown as text');
      assert.ok(text.includes(XSS_IMG), 'img tag shown as text');
      assert.equal(await page.locator('.page-document .doc-text mark.evidence').textContent(), XSS_EVIDENCE);
      assert.equal(await page.locator('#view script, #view img, #view iframe').count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'javascript: URL not linked');
      // The event page shows the same sentence in its evidence quote and mark.
      await page.locator('.doc-events a').click();
      await page.waitForSelector('.doc-text mark.evidence');
      assert.equal(await page.locator('blockquote.evidence').textContent(), XSS_EVIDENCE);
      assert.equal(await page.locator('.doc-text mark.evidence').textContent(), XSS_EVIDENCE);
      assert.equal(await page.locator('#view script, #view img').count(), 0);
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, [], 'no dialog fired');
    });

    await t.test('dyad chart, network and search views render', async () => {
      await page.goto(`${base}/#/dyad/USA/KOR`);
      await page.waitForSelector('.page-dyad canvas');
      assert.equal(await page.locator('.page-dyad canvas').count(), 2);
      assert.match((await page.locator('.page-dyad h1').textContent()) ?? '', /USA.*KOR/);
      const painted = await page
        .locator('.page-dyad canvas')
        .first()
        .evaluate((c) => {
          const cv = c as HTMLCanvasElement;
          const data = cv.getContext('2d')?.getImageData(0, 0, cv.width, cv.height).data;
          return data ? data.some((v, i) => i % 4 === 3 && v > 0) : false;
        });
      assert.ok(painted, 'the chart drew something');
      await page.screenshot({ path: join(ARTIFACTS, 'dyad.png') });

      await page.goto(`${base}/#/network`);
      await page.waitForSelector('svg.network circle');
      const labels = await page.locator('svg.network text').allTextContents();
      assert.ok(labels.includes('Kang Kyung-wha (KOR)') && labels.includes('Mike Pompeo (USA)'), labels.join(', '));
      assert.ok((await page.locator('svg.network line').count()) > 0);
      await page.screenshot({ path: join(ARTIFACTS, 'network.png') });

      await page.goto(`${base}/#/search?q=Washington`);
      await page.waitForSelector('.doc-hit');
      assert.ok((await page.locator('.doc-hit').count()) >= 3);
      assert.ok((await page.locator('.page-search li.ev').count()) >= 1);
      assert.ok((await page.locator('.snippet mark.hit').count()) >= 1);
    });

    await t.test('language switch: Indonesian labels and dates, remembered', async () => {
      await page.goto(`${base}/#/`);
      await countRows(page, N_EVENTS);
      await page.click('button[data-lang=id]');
      await page.waitForFunction(() => document.querySelector('.nav a.active')?.textContent === 'Linimasa');
      assert.equal(await page.getAttribute('html', 'lang'), 'id');
      await countRows(page, N_EVENTS);
      assert.deepEqual(await monthHeadings(page), ['Februari 2020', 'Maret 2020', 'April 2020', 'Mei 2020', 'Tanpa tanggal']);
      assert.equal((await page.locator('li.ev.status-planned .badge').textContent())?.trim(), 'direncanakan');
      assert.equal(await page.locator('form.filters button[type=submit]').textContent(), 'Terapkan');
      await page.reload();
      await countRows(page, N_EVENTS);
      assert.equal(await page.locator('.nav a.active').textContent(), 'Linimasa', 'language remembered after reload');
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-id.png'), fullPage: true });
      await page.click('button[data-lang=en]');
      await page.waitForFunction(() => document.querySelector('.nav a.active')?.textContent === 'Timeline');
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
