// Page jobs: what one job on the queue holds, how inputs are cut into jobs, and the job ids
// that make enqueuing the same input twice a no-op.
import { createHash } from 'node:crypto';
import type { RawInput } from '../types.ts';

/** Pages read at enqueue time (a file, or a bounded slice of a JSONL/feed/WARC container). */
export interface PagesJob {
  pages: RawInput[];
}

/** A page to fetch by URL (a feed item, or a URL given to `enqueue`). */
export interface UrlJob {
  url: string;
  /** Metadata the feed stated for it. */
  hints?: RawInput['hints'];
  /** The feed or sitemap it came from. */
  via?: string;
}

export type PageJob = PagesJob | UrlJob;

export function isUrlJob(job: PageJob): job is UrlJob {
  return typeof (job as UrlJob).url === 'string';
}

/** What a finished job reports (stored as its output; `status` sums `pages`). */
export interface JobOutput {
  pages: number;
  new: number;
  replaced: number;
  unchanged: number;
  /** URL jobs whose page was already in the chronicle, so it was not fetched again. */
  skipped: number;
  eventsNew: number;
  eventsMerged: number;
}

/** What a failed job reports: the reason, and each page that failed with its own reason. */
export interface JobFailure {
  message: string;
  failures: { input: string; error: string }[];
  /** Whether the job may succeed when tried again (network, database), or fails the same way each time. */
  transient: boolean;
}

export interface JobLimits {
  /** At most this many pages in one job. */
  maxPages: number;
  /** At most about this many bytes of page content in one job (a single larger page gets a job of its own). */
  maxBytes: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { maxPages: 25, maxBytes: 2 * 1024 * 1024 };

/** Cuts the pages of one input into jobs within the limits, in order. */
export function splitIntoJobs(pages: RawInput[], limits: JobLimits = DEFAULT_JOB_LIMITS): PagesJob[] {
  const jobs: PagesJob[] = [];
  let current: RawInput[] = [];
  let bytes = 0;
  for (const page of pages) {
    const size = Buffer.byteLength(page.content);
    if (current.length && (current.length >= limits.maxPages || bytes + size > limits.maxBytes)) {
      jobs.push({ pages: current });
      current = [];
      bytes = 0;
    }
    current.push(page);
    bytes += size;
  }
  if (current.length) jobs.push({ pages: current });
  return jobs;
}

/**
 * A job id from the job's content (a UUID-shaped sha256 prefix): the same pages, or the same URL,
 * always give the same id, and pg-boss refuses a second job with an id it still holds.
 */
export function jobId(job: PageJob): string {
  const h = createHash('sha256');
  if (isUrlJob(job)) h.update(`url\0${job.url}`);
  else for (const p of job.pages) h.update(`page\0${p.doc}\0${p.url ?? ''}\0${p.kind}\0${JSON.stringify(p.hints ?? {})}\0${p.content}\0`);
  const x = h.digest('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Checks a job's data as read back from the queue (it may come from another kronik version). */
export function parseJob(data: unknown): PageJob {
  const d = data as Partial<PagesJob & UrlJob> | null;
  if (d && typeof d.url === 'string' && /^https?:\/\//i.test(d.url)) return d as UrlJob;
  if (d && Array.isArray(d.pages) && d.pages.every((p) => p && typeof p.doc === 'string' && typeof p.content === 'string')) {
    return d as PagesJob;
  }
  throw new Error('not a kronik page job (neither "pages" nor an http(s) "url")');
}
