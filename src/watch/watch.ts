// `kronik watch`: keeps a chronicle current from RSS/Atom feeds and (news) sitemaps. Each poll
// fetches every feed with a conditional GET (its ETag and Last-Modified kept in the store), and
// hands each page it links to that the store has not seen to a sink: the job queue (PostgreSQL,
// workers fetch the pages) or an in-process ingest (SQLite, one laptop). A page handed over is
// remembered in the store, so it is never queued or fetched again, across restarts too.
import { feedLinks, type LinkedPage } from '../documents/feed.ts';
import type { PoliteFetcher } from '../fetch/polite.ts';
import type { Queue, RetryPolicy } from '../queue/boss.ts';
import { sendJob } from '../queue/enqueue.ts';
import type { UrlJob } from '../queue/jobs.ts';
import { type FetchPage, JobError, type ProcessJobDeps, processJob } from '../queue/process-job.ts';
import type { Store } from '../store/store.ts';

/** What became of a page handed to a sink: done (remembered, never handed over again) or not yet. */
export type SinkResult = { done: true; outcome: string } | { done: false; error: string };

/** Where the pages a feed links to go. */
export type Sink = (job: UrlJob) => Promise<SinkResult>;

/** Sink of a PostgreSQL chronicle: one URL job per page on the queue; workers fetch and code it. */
export function queueSink(queue: Queue, retry?: RetryPolicy): Sink {
  return async (job) => {
    await sendJob(queue, job, retry);
    return { done: true, outcome: 'queued' };
  };
}

/** Sink of a chronicle without workers: fetch, code and store the page now, as a worker would. */
export function ingestSink(store: Store, fetchPage: FetchPage, deps: ProcessJobDeps = {}): Sink {
  return async (job) => {
    try {
      const out = await processJob(store, job, { ...deps, fetchPage });
      return { done: true, outcome: out.skipped ? 'already stored' : 'stored' };
    } catch (e) {
      if (e instanceof JobError && !e.failure.transient) return { done: true, outcome: `failed: ${e.failure.message}` };
      return { done: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}

export interface PollDeps {
  fetcher: Pick<PoliteFetcher, 'fetchFeed'>;
  sink: Sink;
  /** Sitemaps of a sitemap index followed per poll (default 50). */
  maxSitemaps?: number;
  /** Checked between pages: true ends the poll early (the rest waits for the next poll). */
  stopping?: () => boolean;
}

export interface PollReport {
  /** Feeds and sitemaps fetched (those of sitemap indexes included). */
  feeds: number;
  /** Of those, answered 304 Not Modified. */
  notModified: number;
  /** Pages linked that the store had not seen. */
  newPages: number;
  /** Of those, handed over for good (queued, stored, or refused for a lasting reason). */
  handed: number;
  /** Feeds and pages that failed this time, with the reason (tried again next poll). */
  errors: { url: string; error: string }[];
}

const now = () => new Date().toISOString();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function saveFeedState(
  store: Store,
  url: string,
  state: { etag?: string | null; lastModified?: string | null; error: string | null },
) {
  const row = {
    url,
    polled_at: now(),
    error: state.error,
    ...(state.etag !== undefined ? { etag: state.etag } : {}),
    ...(state.lastModified !== undefined ? { last_modified: state.lastModified } : {}),
  };
  await store.db
    .insertInto('watch_feeds')
    .values({ etag: null, last_modified: null, ...row })
    .onConflict((oc) => oc.column('url').doUpdateSet(row))
    .execute();
}

/** The pages of `links` the store has not seen yet. */
async function unseen(store: Store, pages: LinkedPage[]): Promise<LinkedPage[]> {
  const seen = new Set<string>();
  for (let i = 0; i < pages.length; i += 500) {
    const urls = pages.slice(i, i + 500).map((p) => p.url);
    const rows = await store.db.selectFrom('watch_items').select('url').where('url', 'in', urls).execute();
    for (const r of rows) seen.add(r.url);
  }
  return pages.filter((p) => !seen.has(p.url));
}

/** One poll of every feed: new pages go to the sink, each remembered once it is handed over. */
export async function pollFeeds(store: Store, feeds: string[], deps: PollDeps): Promise<PollReport> {
  const report: PollReport = { feeds: 0, notModified: 0, newPages: 0, handed: 0, errors: [] };
  const maxSitemaps = deps.maxSitemaps ?? 50;
  const queue = [...feeds];
  const visited = new Set<string>();
  let children = 0;
  while (queue.length && !deps.stopping?.()) {
    const feed = queue.shift() as string;
    if (visited.has(feed)) continue;
    visited.add(feed);
    report.feeds++;
    const state = await store.db.selectFrom('watch_feeds').selectAll().where('url', '=', feed).executeTakeFirst();
    const got = await deps.fetcher.fetchFeed(feed, { etag: state?.etag ?? null, lastModified: state?.last_modified ?? null });
    if (!got.ok) {
      report.errors.push({ url: feed, error: got.error });
      await saveFeedState(store, feed, { error: got.error });
      continue;
    }
    if ('notModified' in got) {
      report.notModified++;
      await saveFeedState(store, feed, { error: null });
      continue;
    }
    let links: ReturnType<typeof feedLinks>;
    try {
      links = feedLinks(got.body, got.url);
    } catch (e) {
      report.errors.push({ url: feed, error: message(e) });
      await saveFeedState(store, feed, { error: message(e) });
      continue;
    }
    if (links.kind === 'sitemap-index') {
      for (const s of links.sitemaps) if (children < maxSitemaps && !visited.has(s) && ++children) queue.push(s);
      await saveFeedState(store, feed, { etag: got.etag, lastModified: got.lastModified, error: null });
      continue;
    }
    let complete = true;
    for (const page of await unseen(store, links.pages)) {
      if (deps.stopping?.()) {
        complete = false;
        break;
      }
      report.newPages++;
      let r: SinkResult;
      try {
        r = await deps.sink({ url: page.url, via: feed, ...(page.hints ? { hints: page.hints } : {}) });
      } catch (e) {
        r = { done: false, error: message(e) };
      }
      if (!r.done) {
        complete = false;
        report.errors.push({ url: page.url, error: r.error });
        continue;
      }
      report.handed++;
      await store.db
        .insertInto('watch_items')
        .values({ url: page.url, feed, seen_at: now(), outcome: r.outcome })
        .onConflict((oc) => oc.column('url').doNothing())
        .execute();
    }
    // Validators are kept only when every page of this answer was handed over; otherwise the next
    // poll must read the feed again (a 304 would hide the pages still to do).
    await saveFeedState(
      store,
      feed,
      complete ? { etag: got.etag, lastModified: got.lastModified, error: null } : { etag: null, lastModified: null, error: null },
    );
  }
  return report;
}

export interface WatchOptions extends PollDeps {
  /** Milliseconds from the start of one poll to the start of the next. */
  everyMs: number;
  /** Poll once, then stop. */
  once?: boolean;
  onPoll?: (report: PollReport) => void;
  /** A poll that could not run (the store unreachable); the watcher tries again next interval. */
  onError?: (e: Error) => void;
}

export interface Watcher {
  /** Resolves when stopped (after the poll in progress, which ends between two pages). */
  readonly done: Promise<void>;
  stop(): void;
}

/** Polls `feeds` every `everyMs` until stopped. */
export function startWatch(store: Store, feeds: string[], opts: WatchOptions): Watcher {
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  const run = async () => {
    while (!stopping) {
      const t0 = Date.now();
      try {
        opts.onPoll?.(await pollFeeds(store, feeds, { ...opts, stopping: () => stopping || (opts.stopping?.() ?? false) }));
      } catch (e) {
        opts.onError?.(e instanceof Error ? e : new Error(String(e)));
      }
      if (opts.once) break;
      const wait = Math.max(0, opts.everyMs - (Date.now() - t0));
      if (!stopping && wait > 0)
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, wait);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      wake = null;
    }
  };
  return { done: run(), stop };
}
