// One page job, start to end: fetch (URL jobs), clean and code each page, and store it through the
// same idempotent ingest as `kronik ingest`. A worker is a loop around this function.
import type { FetchedPage } from '../fetch/polite.ts';
import { type ExtractOptions, processRaw } from '../pipeline.ts';
import { type IngestOptions, ingestDocument } from '../store/ingest.ts';
import type { Store } from '../store/store.ts';
import type { RawInput } from '../types.ts';
import { isUrlJob, type JobFailure, type JobOutput, type PageJob, type UrlJob } from './jobs.ts';

export type FetchPage = (url: string) => Promise<FetchedPage>;

export interface ProcessJobDeps extends ExtractOptions {
  /** Fetches the page of a URL job (politely: robots.txt, one request per host at a time). */
  fetchPage?: FetchPage;
  /** Passed to every ingestDocument call (tests use its beforeCommit to hold a job mid-transaction). */
  ingest?: IngestOptions;
}

/** A job that failed: `failure` says why, and whether trying again may help. */
export class JobError extends Error {
  constructor(readonly failure: JobFailure) {
    super(failure.message);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function emptyOutput(): JobOutput {
  return { pages: 0, new: 0, replaced: 0, unchanged: 0, skipped: 0, eventsNew: 0, eventsMerged: 0 };
}

/** Whether the chronicle already holds the page of this URL (then it is not fetched again). */
export async function hasDocument(store: Store, url: string): Promise<boolean> {
  return (await store.db.selectFrom('documents').select('id').where('doc', '=', url).executeTakeFirst()) !== undefined;
}

/** Turns a URL job into a raw page, or says why it cannot. */
async function fetchRaw(job: UrlJob, fetchPage: FetchPage | undefined): Promise<RawInput | JobFailure> {
  if (!fetchPage) return { message: `${job.url}: this worker cannot fetch pages`, failures: [], transient: true };
  const page = await fetchPage(job.url);
  if (!page.ok)
    return { message: `${job.url}: ${page.error}`, failures: [{ input: job.url, error: page.error }], transient: page.transient };
  return {
    doc: job.url,
    path: job.url,
    url: page.url,
    kind: page.kind,
    content: page.content,
    ...(job.hints ? { hints: job.hints } : {}),
  };
}

/**
 * Processes one job. Pages that fail to clean or code are bad input: the others are still stored,
 * then the job fails for good naming them. A database error fails it as transient (retried).
 */
export async function processJob(store: Store, job: PageJob, deps: ProcessJobDeps = {}): Promise<JobOutput> {
  const out = emptyOutput();
  let pages: RawInput[];
  if (isUrlJob(job)) {
    if (await hasDocument(store, job.url)) {
      out.skipped = 1;
      return out;
    }
    const raw = await fetchRaw(job, deps.fetchPage);
    if ('message' in raw) throw new JobError(raw);
    pages = [raw];
  } else pages = job.pages;

  const failures: JobFailure['failures'] = [];
  for (const raw of pages) {
    let doc: ReturnType<typeof processRaw>;
    try {
      doc = processRaw(raw, deps);
    } catch (e) {
      failures.push({ input: raw.path, error: message(e) });
      continue;
    }
    try {
      const r = await ingestDocument(store, doc, deps.ingest);
      out.pages++;
      out[r.status]++;
      out.eventsNew += r.eventsNew;
      out.eventsMerged += r.eventsMerged;
    } catch (e) {
      throw new JobError({
        message: `${raw.path}: cannot store: ${message(e)}`,
        failures: [{ input: raw.path, error: message(e) }],
        transient: true,
      });
    }
  }
  if (failures.length) {
    const first = failures[0]!;
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more page${failures.length > 2 ? 's' : ''})` : '';
    throw new JobError({ message: `${first.input}: ${first.error}${more}`, failures, transient: false });
  }
  return out;
}
