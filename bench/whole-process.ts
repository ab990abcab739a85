// Whole-process figures: what a user waits for, start-up included.
//   - start-up: `kronik --help` through the package's bin against a bare `node -e 0`;
//   - HTML: the 181 benchmark pages through `kronik extract --format jsonl` (with --no-events: the bodies,
//     as the baseline gives; and with events) against Readability over linkedom run as a program of its
//     own (bench/readability-baseline.mjs), bodies scored by ../shared/tools/score-extraction.mjs.
// Runs are interleaved (the order rotates each round) and the median is kept, in wall time and in CPU time
// (user + system of the timed process), which other work on the machine disturbs less.
// The bin runs dist/, so dist/ is built first.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kronik.js');
const CPU_HOOK = join(ROOT, 'bench/cpu-usage-hook.mjs');
const BASELINE = join(ROOT, 'bench/readability-baseline.mjs');
const HTML_DIR = join(ROOT, '../shared/benchmarks/article-extraction/html');
const SCORER = join(ROOT, '../shared/tools/score-extraction.mjs');

export interface Timing {
  /** Median wall time, ms. */
  wall: number;
  /** Median CPU time of the process (user + system), ms. */
  cpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let scratch = '';
let runs = 0;

/** Runs `node ...args` once; stdout goes to `outFile` (or nowhere). Throws when it fails. */
function runOnce(args: string[], outFile?: string): { wall: number; cpu: number } {
  scratch ||= mkdtempSync(join(tmpdir(), 'kronik-bench-'));
  const cpuFile = join(scratch, `cpu-${++runs}.json`);
  const out = outFile ? openSync(outFile, 'w') : 'ignore';
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, KRONIK_BENCH_CPU: cpuFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t0;
  if (typeof out === 'number') closeSync(out);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
  return { wall, cpu: (user + system) / 1000 };
}

/** Interleaved rounds of several commands (the order rotates each round); the median of each. */
function interleaved(commands: { name: string; args: string[]; out?: string }[], rounds: number): Map<string, Timing> {
  const samples = new Map(commands.map((c) => [c.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < commands.length; i++) {
      const c = commands[(i + r) % commands.length];
      const t = runOnce(c.args, c.out);
      samples.get(c.name)?.wall.push(t.wall);
      samples.get(c.name)?.cpu.push(t.cpu);
    }
  }
  return new Map([...samples].map(([name, s]) => [name, { wall: median(s.wall), cpu: median(s.cpu) }]));
}

/** Builds dist/ (npm run build), so that the bin runs the compiled CLI. */
export function buildDist(log: (s: string) => void): void {
  log('building dist/ (npm run build) for the whole-process figures…');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export interface StartupResult {
  node: Timing;
  help: Timing;
  rounds: number;
}

/** `kronik --help` through bin/kronik.js against `node -e 0`, interleaved. */
export function startup(rounds = 21): StartupResult {
  // One warm-up each: the first start after a build reads files the page cache does not hold yet.
  runOnce(['-e', '0']);
  runOnce([BIN, '--help']);
  const t = interleaved(
    [
      { name: 'node', args: ['-e', '0'] },
      { name: 'help', args: [BIN, '--help'] },
    ],
    rounds,
  );
  return { node: t.get('node') as Timing, help: t.get('help') as Timing, rounds };
}

export function htmlProcessAvailable(): boolean {
  return existsSync(HTML_DIR) && existsSync(SCORER);
}

export interface HtmlProcessResult {
  pages: number;
  rounds: number;
  baseline: Timing & { f1: number };
  documents: Timing & { f1: number };
  withEvents: Timing & { f1: number };
}

function f1Of(pred: string): number {
  const r = spawnSync(process.execPath, [SCORER, '--pred', pred], { encoding: 'utf8' });
  const m = /extraction F1=([\d.]+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`scorer failed on ${pred}: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

/** The 181 benchmark pages as whole processes: kronik (documents; documents + events) and the baseline. */
export function htmlProcess(rounds = 3): HtmlProcessResult {
  scratch ||= mkdtempSync(join(tmpdir(), 'kronik-bench-'));
  const out = {
    baseline: join(scratch, 'baseline.jsonl'),
    documents: join(scratch, 'kronik-documents.jsonl'),
    withEvents: join(scratch, 'kronik-events.jsonl'),
  };
  const commands = [
    { name: 'baseline', args: [BASELINE, HTML_DIR], out: out.baseline },
    { name: 'documents', args: [BIN, 'extract', HTML_DIR, '--format', 'jsonl', '--no-events'], out: out.documents },
    { name: 'withEvents', args: [BIN, 'extract', HTML_DIR, '--format', 'jsonl'], out: out.withEvents },
  ];
  // A warm-up of each fills the page cache and the lexicon cache.
  for (const c of commands) runOnce(c.args, c.out);
  const t = interleaved(commands, rounds);
  const pages = readFileSync(out.baseline, 'utf8').split('\n').filter(Boolean).length;
  const withF1 = (name: keyof typeof out) => ({ ...(t.get(name) as Timing), f1: f1Of(out[name]) });
  return { pages, rounds, baseline: withF1('baseline'), documents: withF1('documents'), withEvents: withF1('withEvents') };
}
