// The workers benchmark (`npm run bench -- --only workers`): pages a second into local PostgreSQL with
// 1, 2 and 4 `kronik worker` processes on the same pages, next to a single-process ingest of them,
// and how it scales (the target: 2 workers at ≥ 1.6× one on 2 cores).
//
// Pages: our demo corpus, and when ../shared is present its seeds, real pages and the HTML of the
// extraction benchmark; only pages that code without error, one job each (as `kronik enqueue` of
// files gives). Each run starts from a fresh schema and queue; workers start and warm up (see
// bench/worker-child.ts), and are timed from a common "go" until each exits on an empty queue. Beside
// pages a second, each run reports the CPU its coding processes used a page and how busy they were
// (CPU time over wall time): a low figure means they waited, on PostgreSQL, on locks, or for a core.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readInputs } from '../src/documents/read.ts';
import { REPO_ROOT } from '../src/lexicon/load.ts';
import { processRaw } from '../src/pipeline.ts';
import { openQueue, queueSchemaFor } from '../src/queue/boss.ts';
import { sendJob } from '../src/queue/enqueue.ts';
import type { WorkerTotals } from '../src/queue/worker.ts';
import { ingestDocument } from '../src/store/ingest.ts';
import { openStore } from '../src/store/store.ts';
import type { RawInput } from '../src/types.ts';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'worker-child.ts');

/** Pages a second, and the CPU the coding processes used: per page, and as a share of their wall time. */
export interface RunFigure {
  pagesPerSecond: number;
  cpuMsPerPage: number;
  /** CPU seconds / (wall seconds × processes): under 1 when they waited (on the database, on locks, or for a core). */
  busy: number;
}

export interface WorkersBenchResult {
  pages: number;
  ingest: RunFigure;
  /** By number of worker processes. */
  workers: Record<number, RunFigure>;
}

const figure = (pages: number, seconds: number, cpuSeconds: number, processes: number): RunFigure => ({
  pagesPerSecond: pages / seconds,
  cpuMsPerPage: (cpuSeconds * 1000) / pages,
  busy: cpuSeconds / (seconds * processes),
});

const show = (f: RunFigure) =>
  `${f.pagesPerSecond.toFixed(1).padStart(6)} pages/s  (CPU ${f.cpuMsPerPage.toFixed(1)} ms a page, busy ${(f.busy * 100).toFixed(0)} %)`;

async function benchPages(): Promise<RawInput[]> {
  const shared = join(REPO_ROOT, '../shared');
  const dirs = [
    join(REPO_ROOT, 'corpus/demo'),
    join(shared, 'corpus/seeds'),
    join(shared, 'corpus/real'),
    join(shared, 'benchmarks/article-extraction/html'),
  ].filter((d) => existsSync(d));
  const pages: RawInput[] = [];
  for await (const item of readInputs(dirs)) {
    if (!item.ok) continue;
    try {
      processRaw(item.raw);
      pages.push(item.raw);
    } catch {
      // a page that fails to code would fail its job: not what this measures
    }
  }
  return pages;
}

function schemaUrl(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function dropSchemas(base: string, schemas: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}", "${s}_queue" CASCADE`);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** Single-process ingest of `pages` (code, store one by one). */
async function ingestRun(url: string, pages: RawInput[]): Promise<RunFigure> {
  const store = await openStore(url);
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const p of pages) await ingestDocument(store, processRaw(p));
    const cpu = process.cpuUsage(cpu0);
    return figure(pages.length, (performance.now() - t0) / 1000, (cpu.user + cpu.system) / 1e6, 1);
  } finally {
    await store.close();
  }
}

function lines(proc: ChildProcess, on: (line: string) => void): void {
  let buf = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    for (const l of parts) on(l);
  });
}

/** `n` worker processes draining the queue of `pages`, timed from "go" to the last exit. */
async function workersRun(url: string, pages: RawInput[], n: number): Promise<RunFigure> {
  const store = await openStore(url); // creates and migrates the schema once, before the workers start
  await store.close();
  const queue = await openQueue(url);
  try {
    for (const p of pages) await sendJob(queue, { pages: [p] });
  } finally {
    await queue.close();
  }
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', CHILD, url], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const ready = children.map(
    (c) =>
      new Promise<void>((resolve, reject) => {
        lines(c, (l) => {
          if (l === 'ready') resolve();
        });
        c.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
      }),
  );
  await Promise.all(ready);
  const totals: (WorkerTotals & { cpuSeconds: number })[] = [];
  const exited = children.map(
    (c) =>
      new Promise<void>((resolve, reject) => {
        lines(c, (l) => {
          if (l.startsWith('done ')) totals.push(JSON.parse(l.slice(5)));
        });
        c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }),
  );
  const t0 = performance.now();
  for (const c of children) c.stdin?.write('go\n');
  await Promise.all(exited);
  const seconds = (performance.now() - t0) / 1000;
  const stored = totals.reduce((s, t) => s + t.pages, 0);
  if (stored !== pages.length) throw new Error(`${n} workers stored ${stored} of ${pages.length} pages`);
  return figure(
    stored,
    seconds,
    totals.reduce((s, t) => s + t.cpuSeconds, 0),
    n,
  );
}

export async function runWorkersBench(opts: { pgUrl?: string; log?: (s: string) => void } = {}): Promise<WorkersBenchResult | null> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const base = opts.pgUrl ?? (process.env.KRONIK_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/test');
  const pages = await benchPages();
  const prefix = `kronik_benchw_${process.pid}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  const fresh = () => {
    const s = `${prefix}_${schemas.length + 1}`;
    schemas.push(s);
    queueSchemaFor(schemaUrl(base, s)); // checks the name
    return schemaUrl(base, s);
  };
  try {
    log(
      `workers: ${pages.length} pages, one job each, into PostgreSQL (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    const ingest = await ingestRun(fresh(), pages);
    log(`  single-process ingest: ${show(ingest)}`);
    const workers: Record<number, RunFigure> = {};
    for (const n of [1, 2, 4]) {
      workers[n] = await workersRun(fresh(), pages, n);
      log(`  ${n} worker process${n === 1 ? ': ' : 'es:'}   ${show(workers[n]!)}`);
    }
    const rate = (n: number) => workers[n]!.pagesPerSecond;
    log(
      `  scaling: 2 workers ${(rate(2) / rate(1)).toFixed(2)}× one, 4 workers ${(rate(4) / rate(1)).toFixed(2)}× one; ` +
        `1 worker ${(rate(1) / ingest.pagesPerSecond).toFixed(2)}× single-process ingest (load average now ${loadavg()[0].toFixed(1)})`,
    );
    return { pages: pages.length, ingest, workers };
  } catch (e) {
    log(`workers: skipped (${e instanceof Error ? e.message : String(e)})`);
    return null;
  } finally {
    await dropSchemas(base, schemas).catch(() => {});
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runWorkersBench();
