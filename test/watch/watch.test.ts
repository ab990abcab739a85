// `watch` against a local news site: feeds and sitemaps read, new items taken in within one poll,
// each page fetched once (across restarts too), robots.txt and the fetch limits honoured; on
// PostgreSQL the pages go to the job queue for workers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { feedLinks } from '../../src/documents/feed.ts';
import { hostGate } from '../../src/fetch/host-gate.ts';
import { politeFetcher } from '../../src/fetch/polite.ts';
import { openQueue } from '../../src/queue/boss.ts';
import { queueStatus } from '../../src/queue/status.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { ingestSink, type PollReport, pollFeeds, queueSink, startWatch } from '../../src/watch/watch.ts';
import { kronikAsync } from '../helpers/cli.ts';
import { describeOnPostgres } from '../store/backends.ts';
import { type NewsSite, startNewsSite } from './server.ts';

const tmp = mkdtempSync(join(tmpdir(), 'kronik-watch-'));
let site: NewsSite;
before(async () => {
  site = await startNewsSite();
});
after(async () => {
  await site.close();
  rmSync(tmp, { recursive: true, force: true });
});

const fetcherFor = () => politeFetcher({ gate: hostGate({ delayMs: 5 }), timeoutMs: 5000, maxBytes: 100_000, maxRedirects: 3 });

async function docs(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('documents').select('doc').orderBy('doc').execute()).map((r) => r.doc);
}

describe('feed and sitemap links', () => {
  test('RSS links are made absolute, Atom takes the alternate link, each page once', () => {
    const rss = feedLinks(
      `<rss><channel><item><title>A</title><link>/news/1.html#top</link><pubDate>Mon, 06 May 2024</pubDate></item>
       <item><link>https://other.example/2.html</link></item><item><link>/news/1.html</link></item>
       <item><link>mailto:desk@example.org</link></item></channel></rss>`,
      'https://wire.example/feeds/main.xml',
    );
    assert.deepEqual(rss, {
      kind: 'feed',
      pages: [
        { url: 'https://wire.example/news/1.html', hints: { title: 'A', published: 'Mon, 06 May 2024' } },
        { url: 'https://other.example/2.html' },
      ],
    });
    const atom = feedLinks(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link rel="self" href="/api/e1"/>
       <link rel="alternate" href="/e1.html"/><updated>2024-05-06T10:00:00Z</updated></entry></feed>`,
      'https://wire.example/atom',
    );
    assert.deepEqual(atom, {
      kind: 'feed',
      pages: [{ url: 'https://wire.example/e1.html', hints: { title: 'T', published: '2024-05-06T10:00:00Z' } }],
    });
  });

  test('a news sitemap gives its pages with title and publication date; an index gives its sitemaps', () => {
    const news = feedLinks(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
       <url><loc>https://wire.example/a.html</loc><news:news><news:publication_date>2024-05-06</news:publication_date>
       <news:title>Talks in Jakarta</news:title></news:news></url>
       <url><loc>https://wire.example/b.html</loc><lastmod>2024-05-07</lastmod></url></urlset>`,
      'https://wire.example/sitemap-news.xml',
    );
    assert.deepEqual(news, {
      kind: 'sitemap',
      pages: [
        { url: 'https://wire.example/a.html', hints: { title: 'Talks in Jakarta', published: '2024-05-06' } },
        { url: 'https://wire.example/b.html', hints: { published: '2024-05-07' } },
      ],
    });
    const index = feedLinks(
      '<sitemapindex><sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>',
      'https://wire.example/index.xml',
    );
    assert.deepEqual(index, { kind: 'sitemap-index', sitemaps: ['https://wire.example/s1.xml', 'https://wire.example/s2.xml'] });
    assert.throws(
      () => feedLinks('<html><body>hi</body></html>', 'https://wire.example/'),
      /not an RSS\/Atom feed or a sitemap \(root element <html>\)/,
    );
  });
});

describe('polite fetcher', () => {
  test('robots.txt, non-HTML, size limit, bounded redirects, and a user agent naming kronik', async () => {
    const f = fetcherFor();
    assert.deepEqual(await f.fetchPage(`${site.base}/private/a5.html`), { ok: false, error: 'disallowed by robots.txt', transient: false });
    assert.equal(site.hits('/private/a5.html'), 0);
    const pdf = await f.fetchPage(`${site.base}/report.pdf`);
    assert.deepEqual(pdf, { ok: false, error: 'not an HTML page (application/pdf)', transient: false });
    const huge = await f.fetchPage(`${site.base}/huge.html`);
    assert.equal(huge.ok, false);
    assert.match(!huge.ok ? huge.error : '', /too large/);
    const loop = await f.fetchPage(`${site.base}/loop/0`);
    assert.deepEqual(loop, { ok: false, error: 'more than 3 redirects', transient: false });
    assert.equal(site.hits('/loop/4'), 0, 'no request past the redirect bound');
    const moved = await f.fetchPage(`${site.base}/moved`);
    assert.ok(moved.ok);
    assert.equal(moved.url, `${site.base}/news/a77.html`);
    assert.ok(site.log.length > 0);
    for (const l of site.log) assert.match(l.userAgent, /^kronik\//);
  });
});

describe('watch (sqlite, in-process)', () => {
  test('a new item is taken in by the next poll, each page fetched once, none again after a restart', async () => {
    const db = join(tmp, 'watch.db');
    const feed = `${site.base}/feed.xml`;
    site.items = ['/news/a1.html', '/private/a2.html', '/report.pdf'];
    const before = site.log.length;
    const reports: PollReport[] = [];
    let store = await openStore(db);
    try {
      const fetcher = fetcherFor();
      await new Promise<void>((resolve, reject) => {
        const w = startWatch(store, [feed], {
          everyMs: 200,
          fetcher,
          sink: ingestSink(store, fetcher.fetchPage),
          onError: reject,
          onPoll: (r) => {
            reports.push(r);
            // The feed changes right after the first poll: the very next poll must take the item in.
            if (reports.length === 1) site.items = ['/news/a3.html', ...site.items];
            if (reports.length === 3) w.stop();
          },
        });
        w.done.then(resolve, reject);
      });
      assert.deepEqual(
        reports.map((r) => [r.feeds, r.notModified, r.newPages, r.handed, r.errors.length]),
        [
          [1, 0, 3, 3, 0],
          [1, 0, 1, 1, 0],
          [1, 1, 0, 0, 0],
        ],
      );
      assert.deepEqual(await docs(store), [`${site.base}/news/a1.html`, `${site.base}/news/a3.html`]);
      const outcomes = await store.db.selectFrom('watch_items').select(['url', 'outcome']).orderBy('url').execute();
      assert.deepEqual(
        outcomes.map((o) => [o.url.replace(site.base, ''), o.outcome.replaceAll(site.base, '')]),
        [
          ['/news/a1.html', 'stored'],
          ['/news/a3.html', 'stored'],
          ['/private/a2.html', 'failed: /private/a2.html: disallowed by robots.txt'],
          ['/report.pdf', 'failed: /report.pdf: not an HTML page (application/pdf)'],
        ],
      );
    } finally {
      await store.close();
    }
    const feedRequests = site.log.slice(before).filter((l) => l.path === '/feed.xml');
    assert.equal(feedRequests.length, 3);
    assert.equal(feedRequests[0]!.ifNoneMatch, null);
    assert.ok(feedRequests[1]!.ifNoneMatch && feedRequests[2]!.ifNoneMatch, 'later polls are conditional');

    // Restarts: the stored validators make the first poll conditional, and a changed feed that still
    // lists the old items has only its new item fetched.
    store = await openStore(db);
    try {
      const fetcher = fetcherFor();
      const once = () => pollFeeds(store, [feed], { fetcher, sink: ingestSink(store, fetcher.fetchPage) });
      const unchanged = await once();
      assert.equal(unchanged.notModified, 1);
      site.items = ['/news/a4.html', ...site.items];
      const changed = await once();
      assert.deepEqual([changed.newPages, changed.handed, changed.errors], [1, 1, []]);
    } finally {
      await store.close();
    }
    const fetched = site.log.slice(before).map((l) => l.path);
    for (const p of ['/news/a1.html', '/news/a3.html', '/news/a4.html', '/report.pdf'])
      assert.equal(fetched.filter((f) => f === p).length, 1, p);
    assert.ok(!fetched.includes('/private/a2.html'));
  });

  test('a feed that cannot be read is reported and kept; its pages wait for the next poll', async () => {
    const store = await openStore(join(tmp, 'broken.db'));
    try {
      const fetcher = fetcherFor();
      const r = await pollFeeds(store, [`${site.base}/missing.xml`, `${site.base}/news/a9.html`], {
        fetcher,
        sink: ingestSink(store, fetcher.fetchPage),
      });
      assert.deepEqual(
        r.errors.map((e) => [e.url.replace(site.base, ''), e.error]),
        [
          ['/missing.xml', 'HTTP 404'],
          ['/news/a9.html', 'not an RSS/Atom feed or a sitemap (root element <html>)'],
        ],
      );
      const rows = await store.db.selectFrom('watch_feeds').select(['url', 'error']).orderBy('url').execute();
      assert.equal(rows.length, 2);
      assert.ok(rows.every((row) => row.error));
    } finally {
      await store.close();
    }
  });

  test('the watch command polls once with --once, and refuses what is not a URL', async () => {
    site.items = ['/news/a11.html'];
    const db = join(tmp, 'cli.db');
    const r = await kronikAsync(['watch', `${site.base}/feed.xml`, '--db', db, '--once', '--delay', '0']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /polled 1 feed \(0 unchanged\): 1 new page, 1 taken in, 0 errors/);
    const bad = await kronikAsync(['watch', 'feed.xml', '--db', db, '--once']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /not an http\(s\) URL: feed\.xml/);
  });
});

await describeOnPostgres('watch, with workers', (pg) => {
  test('new pages are queued once; a worker fetches and stores each once', async () => {
    const url = await pg().freshUrl();
    site.items = ['/news/a21.html', '/news/a22.html'];
    const store = await openStore(url);
    const queue = await openQueue(url);
    try {
      const fetcher = fetcherFor();
      const poll = () => pollFeeds(store, [`${site.base}/feed.xml`], { fetcher, sink: queueSink(queue) });
      assert.equal((await poll()).handed, 2);
      site.items = ['/news/a23.html', ...site.items];
      const second = await poll();
      assert.deepEqual([second.newPages, second.handed], [1, 1]);
      assert.equal((await queueStatus(queue)).queued, 3);
      assert.equal(site.hits('/news/a21.html'), 0, 'watch itself fetches no page on PostgreSQL');
      const totals = await startWorker(store, queue, { exitWhenIdle: true, pollMs: 100, fetchPage: fetcher.fetchPage }).done;
      assert.equal(totals.pages, 3);
      const s = await queueStatus(queue);
      assert.deepEqual([s.queued, s.active, s.failed, s.completed], [0, 0, 0, 3]);
      for (const p of ['/news/a21.html', '/news/a22.html', '/news/a23.html']) assert.equal(site.hits(p), 1, p);
      assert.equal((await docs(store)).length, 3);
    } finally {
      await queue.close();
      await store.close();
    }
  });
});
