// One page job, start to end: fetch (URL jobs), clean and code each page, and store it through the
// same idempotent ingest as `kronik ingest`. A worker is a loop around this function.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FetchedPage } from '../fetch/polite.ts';
import { type ExtractOptions, processRaw } from '../pipeline.ts';
import { type IngestOptions, type IngestResult, ingestDocument, ingestDocuments } from '../store/ingest.ts';
import type { Store } from '../store/store.ts';
import type { Document, RawInput } from '../types.ts';
import { isUrlJob, type JobFailure, type JobOutput, type PageJob, type PagesJob, type UrlJob } from './jobs.ts';

export type FetchPage = (url: string) => Promise<FetchedPage>;

export interface ProcessJobDeps extends ExtractOptions {
  /** Fetches the page of a URL job (politely: robots.txt, one request per host at a time). */
  fetchPage?: FetchPage;
  /** Passed to every ingest transaction (tests use its beforeCommit to hold a job mid-transaction). */
  ingest?: IngestOptions;
  /** At most this many pages of several jobs stored in one transaction (default 25; 1 stores page by page). */
  transactionPages?: number;
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

/** A job's result: its output, or why it failed. */
export type JobResult = { ok: true; output: JobOutput } | { ok: false; failure: JobFailure };

/** A pages job with its pages coded: the documents to store, and the pages that could not be coded. */
interface CodedJob {
  index: number;
  docs: { raw: RawInput; doc: Document }[];
  failures: JobFailure['failures'];
}

function addResult(out: JobOutput, r: IngestResult): void {
  out.pages++;
  out[r.status]++;
  out.eventsNew += r.eventsNew;
  out.eventsMerged += r.eventsMerged;
}

function finish(job: CodedJob, out: JobOutput): JobResult {
  if (!job.failures.length) return { ok: true, output: out };
  const first = job.failures[0]!;
  const more = job.failures.length > 1 ? ` (and ${job.failures.length - 1} more page${job.failures.length > 2 ? 's' : ''})` : '';
  return { ok: false, failure: { message: `${first.input}: ${first.error}${more}`, failures: job.failures, transient: false } };
}

/** Stores a coded job page by page (as processJob does): the first page the store refuses fails the job as transient. */
async function storeOneByOne(store: Store, job: CodedJob, deps: ProcessJobDeps): Promise<JobResult> {
  const out = emptyOutput();
  for (const { raw, doc } of job.docs) {
    try {
      addResult(out, await ingestDocument(store, doc, deps.ingest));
    } catch (e) {
      return {
        ok: false,
        failure: {
          message: `${raw.path}: cannot store: ${message(e)}`,
          failures: [{ input: raw.path, error: message(e) }],
          transient: true,
        },
      };
    }
  }
  return finish(job, out);
}

/**
 * Processes several jobs taken from the queue together; the result of each, in order. URL jobs run one
 * by one (processJob). The pages of the other jobs are coded, then whole jobs are stored together, up
 * to `transactionPages` pages in one transaction (ingestDocuments): one commit and one re-merge of the
 * blocks they touch instead of one a page. When such a transaction fails (a page the database refuses,
 * a lost connection), nothing of it is kept and each of its jobs is stored again page by page, so a
 * page the store refuses fails its own job only, as when jobs run one at a time. A page that cannot
 * be coded fails its job (for good, with its reason) and the job's other pages are stored.
 */
export async function processJobs(store: Store, jobs: PageJob[], deps: ProcessJobDeps = {}): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  const coded: CodedJob[] = [];
  for (const [index, job] of jobs.entries()) {
    if (isUrlJob(job)) {
      try {
        results[index] = { ok: true, output: await processJob(store, job, deps) };
      } catch (e) {
        results[index] = { ok: false, failure: e instanceof JobError ? e.failure : { message: message(e), failures: [], transient: true } };
      }
      continue;
    }
    const c: CodedJob = { index, docs: [], failures: [] };
    for (const raw of (job as PagesJob).pages) {
      try {
        c.docs.push({ raw, doc: processRaw(raw, deps) });
      } catch (e) {
        c.failures.push({ input: raw.path, error: message(e) });
      }
      // Coding is CPU work in this thread: let this process's other jobs go on with their database round trips.
      await nextTurn();
    }
    coded.push(c);
  }

  // Whole jobs into transactions of at most `limit` pages, each document name once per transaction.
  const limit = Math.max(1, deps.transactionPages ?? 25);
  const groups: CodedJob[][] = [];
  let group: CodedJob[] = [];
  let pages = 0;
  let names = new Set<string>();
  for (const c of coded) {
    const own = c.docs.map((d) => d.doc.doc);
    const clash = own.some((n) => names.has(n));
    if (group.length && (clash || pages + own.length > limit)) {
      groups.push(group);
      group = [];
      pages = 0;
      names = new Set();
    }
    group.push(c);
    pages += own.length;
    for (const n of own) names.add(n);
  }
  if (group.length) groups.push(group);

  for (const g of groups) {
    const docs = g.flatMap((c) => c.docs.map((d) => d.doc));
    let stored: IngestResult[] | null = null;
    if (docs.length > 1 && new Set(docs.map((d) => d.doc)).size === docs.length) {
      try {
        stored = await ingestDocuments(store, docs, deps.ingest);
      } catch {
        stored = null; // rolled back: stored again job by job, page by page, below
      }
    }
    if (!stored) {
      for (const c of g) results[c.index] = await storeOneByOne(store, c, deps);
      continue;
    }
    let i = 0;
    for (const c of g) {
      const out = emptyOutput();
      for (const _ of c.docs) addResult(out, stored[i++]!);
      results[c.index] = finish(c, out);
    }
  }
  return results;
}
