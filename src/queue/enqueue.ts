// `kronik enqueue`: reads inputs the way `ingest` does and puts one job per input (a container cut
// into bounded jobs) on the queue. Jobs carry the pages themselves, so workers need no shared disk.
import { expandPaths, type ReadOptions, readInputFile } from '../documents/read.ts';
import { storableHints, storableRaw, storableText } from '../text/storable.ts';
import type { RawInput } from '../types.ts';
import { DEFAULT_RETRY, PAGES_QUEUE, type Queue, type RetryPolicy } from './boss.ts';
import { DEFAULT_JOB_LIMITS, isUrlJob, type JobLimits, jobId, type PageJob, splitIntoJobs, type UrlJob } from './jobs.ts';

export interface EnqueueOptions extends ReadOptions {
  limits?: JobLimits;
  retry?: RetryPolicy;
  /** Called for each input that could not be read (it gets no job). */
  onError?: (input: string, error: string) => void;
  /** Called for each input skipped with a warning (a folder reached again through a symbolic link). */
  onWarning?: (input: string, warning: string) => void;
}

export interface EnqueueResult {
  /** Jobs put on the queue. */
  jobs: number;
  /** Jobs the queue already held (same pages or same URL): not added again. */
  alreadyQueued: number;
  /** Pages in the jobs put on the queue (URL jobs count one each). */
  pages: number;
  /** Inputs (or records in a container) that could not be read. */
  failed: number;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}

/**
 * A job whose text the queue can hold: pg-boss keeps job data as jsonb, which refuses NUL and lone
 * surrogates, and one such character would fail the whole job (and stop `enqueue`).
 */
function storableJob(job: PageJob): PageJob {
  if (!isUrlJob(job)) return { ...job, pages: job.pages.map(storableRaw) };
  return {
    ...job,
    url: storableText(job.url),
    ...(job.hints ? { hints: storableHints(job.hints) } : {}),
    ...(job.via !== undefined ? { via: storableText(job.via) } : {}),
  };
}

/** Sends one job; true when it is new, false when the queue already holds a job with its id. */
export async function sendJob(queue: Queue, given: PageJob, retry: RetryPolicy = DEFAULT_RETRY): Promise<boolean> {
  const job = storableJob(given);
  const id = await queue.boss.send(PAGES_QUEUE, job, {
    id: jobId(job),
    retryLimit: retry.retries,
    retryDelay: retry.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: retry.jobTimeoutSeconds,
  });
  return id !== null;
}

/** The inputs a job holds, for messages: "a.jsonl:1", or "a.jsonl:1 … a.jsonl:25 (25 pages)". */
function jobInputs(job: PageJob): string {
  if (isUrlJob(job)) return job.url;
  const first = job.pages[0]?.path ?? '?';
  const n = job.pages.length;
  return n > 1 ? `${first} … ${job.pages[n - 1]!.path} (${n} pages)` : first;
}

/** Enqueues files, directories, containers and http(s) URLs. */
export async function enqueueInputs(queue: Queue, inputs: string[], opts: EnqueueOptions = {}): Promise<EnqueueResult> {
  const result: EnqueueResult = { jobs: 0, alreadyQueued: 0, pages: 0, failed: 0 };
  const send = async (job: PageJob, pages: number) => {
    let added: boolean;
    try {
      added = await sendJob(queue, job, opts.retry);
    } catch (e) {
      // The database refused this job's data (SQLSTATE class 22, "data exception"): that job's pages are
      // named and the others still go on the queue. Any other error (no connection) ends the run.
      if (!String((e as { code?: unknown }).code ?? '').startsWith('22')) throw e;
      result.failed += pages;
      opts.onError?.(jobInputs(job), `the queue refused this job: ${(e as Error).message}`);
      return;
    }
    if (added) {
      result.jobs++;
      result.pages += pages;
    } else result.alreadyQueued++;
  };
  const paths: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) await send({ url: input } satisfies UrlJob, 1);
    else paths.push(input);
  }
  const { files, errors } = expandPaths(paths);
  for (const e of errors) {
    if (e.ok) continue;
    if ('warning' in e) opts.onWarning?.(e.input, e.warning);
    else {
      result.failed++;
      opts.onError?.(e.input, e.error);
    }
  }
  for (const file of files) {
    const pages: RawInput[] = [];
    for await (const item of readInputFile(file, opts)) {
      if (item.ok) pages.push(item.raw);
      else if ('warning' in item) opts.onWarning?.(item.input, item.warning);
      else {
        result.failed++;
        opts.onError?.(item.input, item.error);
      }
    }
    for (const job of splitIntoJobs(pages, opts.limits ?? DEFAULT_JOB_LIMITS)) await send(job, job.pages.length);
  }
  return result;
}
