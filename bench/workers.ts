// The workers benchmark (`npm run bench -- --only workers`): pages a second into local PostgreSQL with
// 1, 2 and 4 `kronik worker` processes on the same pages, next to a single-process ingest of them,
// and how it scales (the issue's target: 2 workers at ≥ 1.6× one on 2 cores).
//
// Pages: our demo corpus, and when ../shared is present its seeds, real pages and the HTML of the
// extraction benchmark; only pages that code without error, one job each (as `kronik enqueue` of
// files gives). Each run starts from a fresh schema and queue; workers start and warm up (see
// bench/worker-child.ts), and are timed from a common "go" until each exits on an empty queue. Beside
// pages a second, each run reports the CPU its coding processes used a page and how busy they were
// (CPU time over wall time): a low figure means they waited, on PostgreSQL, on locks, or for a core.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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
  /** CPU the PostgreSQL backends serving the run used a page (null where /proc cannot tell). */
  pgCpuMsPerPage: number | null;
  /** CPU seconds / (wall seconds × processes): under 1 when they waited (on the database, on locks, or for a core). */
  busy: number;
  /** Where a worker's wall time went, a page (worker runs only): waiting on the queue's statements, on the store's, the rest (coding). */
  split?: { queueMs: number; storeMs: number; lockMs: number; restMs: number; statements: number };
}

export interface WorkersBenchResult {
  pages: number;
  ingest: RunFigure;
  /** By number of worker processes. */
  workers: Record<number, RunFigure>;
}

const figure = (pages: number, seconds: number, cpuSeconds: number, processes: number, pgCpuSeconds: number | null): RunFigure => ({
  pagesPerSecond: pages / seconds,
  cpuMsPerPage: (cpuSeconds * 1000) / pages,
  pgCpuMsPerPage: pgCpuSeconds === null ? null : (pgCpuSeconds * 1000) / pages,
  busy: cpuSeconds / (seconds * processes),
});

const show = (f: RunFigure) =>
  `${f.pagesPerSecond.toFixed(1).padStart(6)} pages/s  (CPU ${f.cpuMsPerPage.toFixed(1)} ms a page` +
  `${f.pgCpuMsPerPage === null ? '' : ` + PostgreSQL ${f.pgCpuMsPerPage.toFixed(1)} ms`}, busy ${(f.busy * 100).toFixed(0)} %)` +
  (f.split
    ? `; a worker's wall time a page: waiting on the queue ${f.split.queueMs.toFixed(1)} ms, on the store ${f.split.storeMs.toFixed(1)} ms (its locks ${f.split.lockMs.toFixed(1)} ms), ` +
      `coding and the rest ${f.split.restMs.toFixed(1)} ms; ${f.split.statements.toFixed(2)} statements a page`
    : '');

/**
 * The CPU time of the PostgreSQL backends whose connections carry `tag` as application_name, read from
 * /proc while they live (sampled every 200 ms, so a backend's last moments may be missed): what the
 * database costs a run, apart from the other sessions on the server. Null where /proc is not there.
 */
function pgCpuMeter(base: string, tag: string): { stop(): Promise<number | null> } {
  const ticks = new Map<number, number>();
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  let running = true;
  let ok = existsSync('/proc/self/stat');
  const sample = async () => {
    const r = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [tag]);
    for (const { pid } of r.rows) {
      try {
        // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(f[11]) + Number(f[12]));
      } catch {
        // the backend ended, or runs on another host
      }
    }
  };
  const loop = (async () => {
    try {
      await admin.connect();
      while (running) {
        await sample();
        await new Promise((r) => setTimeout(r, 200));
      }
      await sample();
    } catch {
      ok = false;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await admin.end().catch(() => {});
      if (!ok || !ticks.size) return null;
      return [...ticks.values()].reduce((a, b) => a + b, 0) / 100; // USER_HZ is 100 on Linux
    },
  };
}

/** `url` with `tag` as the application_name of its connections (see pgCpuMeter). */
function tagged(url: string, tag: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', tag);
  return u.toString();
}

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
async function ingestRun(base: string, url: string, pages: RawInput[]): Promise<RunFigure> {
  const tag = `kronikbench_${process.pid}_ingest`;
  const store = await openStore(tagged(url, tag));
  try {
    const meter = pgCpuMeter(base, tag);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const p of pages) await ingestDocument(store, processRaw(p));
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    return figure(pages.length, seconds, (cpu.user + cpu.system) / 1e6, 1, await meter.stop());
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
async function workersRun(base: string, url: string, pages: RawInput[], n: number): Promise<RunFigure> {
  const store = await openStore(url); // creates and migrates the schema once, before the workers start
  await store.close();
  const queue = await openQueue(url);
  try {
    for (const p of pages) await sendJob(queue, { pages: [p] });
  } finally {
    await queue.close();
  }
  const tag = `kronikbench_${process.pid}_w${n}`;
  const children = Array.from({ length: n }, () =>
    spawn(
      process.execPath,
      [...(process.env.KRONIK_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', CHILD, tagged(url, tag)],
      { stdio: ['pipe', 'pipe', 'inherit'], env: process.env },
    ),
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
  const totals: (WorkerTotals & {
    cpuSeconds: number;
    wallMs: number;
    queueMs: number;
    storeMs: number;
    lockMs: number;
    statements: number;
  })[] = [];
  const exited = children.map(
    (c) =>
      new Promise<void>((resolve, reject) => {
        lines(c, (l) => {
          if (l.startsWith('done ')) totals.push(JSON.parse(l.slice(5)));
        });
        c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }),
  );
  const meter = pgCpuMeter(base, tag);
  const t0 = performance.now();
  for (const c of children) c.stdin?.write('go\n');
  await Promise.all(exited);
  const seconds = (performance.now() - t0) / 1000;
  const pgCpu = await meter.stop();
  const stored = totals.reduce((s, t) => s + t.pages, 0);
  if (stored !== pages.length) throw new Error(`${n} workers stored ${stored} of ${pages.length} pages`);
  const sum = (k: 'wallMs' | 'queueMs' | 'storeMs' | 'lockMs' | 'statements') => totals.reduce((s, t) => s + t[k], 0) / stored;
  return {
    ...figure(
      stored,
      seconds,
      totals.reduce((s, t) => s + t.cpuSeconds, 0),
      n,
      pgCpu,
    ),
    split: {
      queueMs: sum('queueMs'),
      storeMs: sum('storeMs'),
      lockMs: sum('lockMs'),
      restMs: sum('wallMs') - sum('queueMs') - sum('storeMs'),
      statements: sum('statements'),
    },
  };
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
      // KRONIK_BENCH_BATCH and KRONIK_BENCH_CONCURRENCY (read by bench/worker-child.ts) set the workers' --batch and --concurrency.
      `workers: ${pages.length} pages, one job each, into PostgreSQL (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; ` +
        `batch ${process.env.KRONIK_BENCH_BATCH ?? 'default'}, concurrency ${process.env.KRONIK_BENCH_CONCURRENCY ?? 'default'})`,
    );
    const ingest = await ingestRun(base, fresh(), pages);
    log(`  single-process ingest: ${show(ingest)}`);
    const workers: Record<number, RunFigure> = {};
    // KRONIK_BENCH_WORKERS=1,2 runs those numbers of workers only (1 is needed for the scaling line);
    // KRONIK_BENCH_NODE_FLAGS are given to the worker processes' node (--single-threaded-gc, --cpu-prof …).
    const counts = (process.env.KRONIK_BENCH_WORKERS ?? '1,2,4')
      .split(',')
      .map(Number)
      .filter((n) => n >= 1);
    for (const n of counts) {
      workers[n] = await workersRun(base, fresh(), pages, n);
      log(`  ${n} worker process${n === 1 ? ': ' : 'es:'}   ${show(workers[n]!)}`);
    }
    const rate = (n: number) => workers[n]!.pagesPerSecond;
    const times = counts.filter((n) => n > 1 && workers[1]).map((n) => `${n} workers ${(rate(n) / rate(1)).toFixed(2)}× one`);
    if (workers[1])
      log(
        `  scaling: ${times.join(', ')}; ` +
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
