// A local news site for the watch and fetch tests: a feed whose items the test changes, article
// pages, robots.txt, and pages that must be refused. Every request is logged.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Logged {
  path: string;
  userAgent: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

export interface NewsSite {
  base: string;
  log: Logged[];
  /** Items of /feed.xml (paths), newest first; changing them changes the feed's ETag. */
  items: string[];
  /** Bumps the feed's version (its ETag and Last-Modified). */
  touch(): void;
  /** How many times `path` was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** An article page about one made-up meeting, `n` makes each page different. */
export function articleHtml(n: number): string {
  const day = (n % 27) + 1;
  return `<!doctype html><html><head><title>Ministers meet ${n}</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<article><h1>Indonesia and Japan hold talks in Jakarta (${n})</h1>
<p>JAKARTA — Indonesian Foreign Minister Retno Marsudi met Japanese Foreign Minister Yoko Kamikawa in Jakarta on ${day} May 2024 to discuss maritime cooperation in the region, officials said.</p>
<p>The two ministers agreed to hold further talks on fisheries and coast guard training later in the year, according to a statement released after the meeting.</p>
<p>Japan has pledged support for Indonesian port projects, and both governments said the partnership would deepen in the coming months.</p>
</article><footer>Copyright Test Wire</footer></body></html>`;
}

function feedXml(base: string, items: string[]): string {
  const entries = items
    .map(
      (p, i) =>
        `<item><title>Item ${i}</title><link>${p.startsWith('http') ? p : `${base}${p}`}</link><pubDate>Mon, 06 May 2024 0${i % 10}:00:00 GMT</pubDate><description>Summary ${i}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>${entries}</channel></rss>`;
}

export async function startNewsSite(): Promise<NewsSite> {
  const log: Logged[] = [];
  let version = 1;
  const site = { items: [] as string[] };
  const handle = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    log.push({
      path,
      userAgent: String(req.headers['user-agent'] ?? ''),
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      ifModifiedSince: (req.headers['if-modified-since'] as string | undefined) ?? null,
    });
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      return;
    }
    if (path === '/feed.xml') {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag,
          'last-modified': new Date(Date.UTC(2024, 4, 6, 0, version)).toUTCString(),
        })
        .end(feedXml(base, site.items));
      return;
    }
    const article = /^\/(?:news|private)\/a(\d+)\.html$/.exec(path);
    if (article) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(article[1])));
      return;
    }
    if (path === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not a page');
      return;
    }
    if (path === '/huge.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${'<p>word</p>'.repeat(20_000)}</body></html>`);
      return;
    }
    const hop = /^\/loop\/(\d+)$/.exec(path);
    if (hop) {
      res.writeHead(302, { location: `/loop/${Number(hop[1]) + 1}` }).end();
      return;
    }
    if (path === '/moved') {
      res.writeHead(301, { location: '/news/a77.html' }).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    get items() {
      return site.items;
    },
    set items(v: string[]) {
      site.items = v;
      version++;
    },
    touch: () => {
      version++;
    },
    hits: (p) => log.filter((l) => l.path === p).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
