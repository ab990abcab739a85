// A polite fetcher: a user agent naming kronik, robots.txt honoured (with its Crawl-delay), one
// request at a time per host with a pause, timeouts, size limits, bounded redirects, and pages
// that are not HTML refused.
import { createRequire } from 'node:module';
import { sniff } from '../documents/read.ts';
import type { HostGate } from './host-gate.ts';
import { type GetResult, httpGet, KRONIK_USER_AGENT } from './http.ts';

// robots-parser is CommonJS whose types declare an ES default export; require() gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as typeof import('robots-parser').default;

/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'kronik';

export interface PoliteFetcherOptions {
  gate: HostGate;
  userAgent?: string;
  /** Per request (default 20 s). */
  timeoutMs?: number;
  /** Largest page accepted (default 5 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** How long a robots.txt is trusted (default 1 h). */
  robotsTtlMs?: number;
}

/** A fetched page, or why it could not be fetched (and whether trying later may help). */
export type FetchedPage =
  | { ok: true; url: string; content: string; kind: 'html' | 'text' }
  | { ok: false; error: string; transient: boolean };

/** A fetched feed or sitemap: its text and validators, unchanged (304), or why not. */
export type FetchedFeed =
  | { ok: true; url: string; body: string; etag: string | null; lastModified: string | null }
  | { ok: true; notModified: true }
  | { ok: false; error: string; transient: boolean };

export interface PoliteFetcher {
  fetchPage(url: string): Promise<FetchedPage>;
  /** Conditional GET of a feed or sitemap. */
  fetchFeed(url: string, validators?: { etag?: string | null; lastModified?: string | null }): Promise<FetchedFeed>;
}

interface RobotsRule {
  allowed(url: string): boolean;
  crawlDelayMs: number;
  /** Set when robots.txt could not be read: nothing on the host is fetched until it can. */
  error: string | null;
  until: number;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/;

export function politeFetcher(opts: PoliteFetcherOptions): PoliteFetcher {
  const userAgent = opts.userAgent ?? KRONIK_USER_AGENT;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const robotsTtl = opts.robotsTtlMs ?? 3_600_000;
  const robotsCache = new Map<string, Promise<RobotsRule>>();

  const hostOf = (u: URL) => u.host.toLowerCase();

  /** robots.txt of an origin: 4xx means no rules; 5xx or no answer means stay away for now (RFC 9309). */
  const loadRobots = async (origin: string): Promise<RobotsRule> => {
    let url = `${origin}/robots.txt`;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const u = new URL(url);
      const r: GetResult = await opts.gate.run(hostOf(u), () => httpGet(url, { userAgent, timeoutMs, maxBytes: 512 * 1024 }));
      if (r.kind === 'redirect') {
        url = r.location;
        continue;
      }
      if (r.kind === 'body') {
        const robot = robotsParser(`${origin}/robots.txt`, r.body);
        const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
        return {
          allowed: (target) => robot.isAllowed(target, ROBOTS_TOKEN) !== false,
          crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay, 60) * 1000 : 0,
          error: null,
          until: Date.now() + robotsTtl,
        };
      }
      if (r.kind === 'error' && r.status !== undefined && r.status >= 400 && r.status < 500) {
        return { allowed: () => true, crawlDelayMs: 0, error: null, until: Date.now() + robotsTtl };
      }
      const why = r.kind === 'error' ? r.error : 'unexpected answer';
      return { allowed: () => false, crawlDelayMs: 0, error: `robots.txt unavailable (${why})`, until: Date.now() + 60_000 };
    }
    return { allowed: () => false, crawlDelayMs: 0, error: 'robots.txt: too many redirects', until: Date.now() + 60_000 };
  };

  const robotsFor = async (origin: string): Promise<RobotsRule> => {
    const cached = robotsCache.get(origin);
    if (cached) {
      const rule = await cached;
      if (rule.until > Date.now()) return rule;
    }
    const next = loadRobots(origin);
    robotsCache.set(origin, next);
    return next;
  };

  /** GET with robots.txt, the host gate and bounded redirects; returns the final URL too. */
  const get = async (
    start: string,
    extra: { accept: string; maxBytes: number; etag?: string | null; lastModified?: string | null },
  ): Promise<{ url: string; result: GetResult }> => {
    let url = start;
    for (let hop = 0; ; hop++) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return { url, result: { kind: 'error', error: 'not a valid URL', transient: false } };
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        return { url, result: { kind: 'error', error: `unsupported scheme ${u.protocol}`, transient: false } };
      }
      const robots = await robotsFor(u.origin);
      if (robots.error) return { url, result: { kind: 'error', error: robots.error, transient: true } };
      if (!robots.allowed(url)) return { url, result: { kind: 'error', error: 'disallowed by robots.txt', transient: false } };
      const result = await opts.gate.run(hostOf(u), () => httpGet(url, { userAgent, timeoutMs, ...extra }), robots.crawlDelayMs);
      if (result.kind !== 'redirect') return { url, result };
      if (hop >= maxRedirects) return { url, result: { kind: 'error', error: `more than ${maxRedirects} redirects`, transient: false } };
      url = result.location;
    }
  };

  return {
    async fetchPage(url) {
      const { url: finalUrl, result } = await get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', maxBytes });
      if (result.kind === 'error') return { ok: false, error: result.error, transient: result.transient };
      if (result.kind !== 'body') return { ok: false, error: 'unexpected 304 answer', transient: true };
      const type = result.contentType.split(';')[0]?.trim() ?? '';
      if (type ? !HTML_TYPES.test(type) : sniff(result.body) !== 'html') {
        return { ok: false, error: `not an HTML page (${type || 'no content type'})`, transient: false };
      }
      return { ok: true, url: finalUrl, content: result.body, kind: 'html' };
    },
    async fetchFeed(url, validators = {}) {
      const { url: finalUrl, result } = await get(url, {
        accept: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
        maxBytes: Math.max(maxBytes, 10 * 1024 * 1024),
        etag: validators.etag ?? null,
        lastModified: validators.lastModified ?? null,
      });
      if (result.kind === 'error') return { ok: false, error: result.error, transient: result.transient };
      if (result.kind === 'not-modified') return { ok: true, notModified: true };
      if (result.kind !== 'body') return { ok: false, error: 'unexpected answer', transient: true };
      return { ok: true, url: finalUrl, body: result.body, etag: result.etag, lastModified: result.lastModified };
    },
  };
}
