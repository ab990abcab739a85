// HTML main-content extraction benchmark: ours vs the baseline (Readability over linkedom).
//
// Reads every page of ../shared/benchmarks/article-extraction (gzipped HTML), runs both
// extractors in the same process, prints pages per second of each, writes
// /tmp/bench-ours.jsonl and /tmp/bench-baseline.jsonl and scores both with
// ../shared/tools/score-extraction.mjs.
//
//   npx tsx bench/html-extraction.ts [--rounds N]
//
// Exits 0 with a message when ../shared is absent.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/documents/html/extract.ts';

export interface ExtractorScore {
  pagesPerSecond: number;
  f1: number;
}

export interface HtmlBenchResult {
  ours: ExtractorScore;
  baseline: ExtractorScore;
}

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sharedDir = resolve(repoRoot, '../shared');
const benchDir = join(sharedDir, 'benchmarks/article-extraction');
const scorer = join(sharedDir, 'tools/score-extraction.mjs');

export const OURS_OUT = '/tmp/bench-ours.jsonl';
export const BASELINE_OUT = '/tmp/bench-baseline.jsonl';

interface Page {
  doc: string;
  html: string;
}

function baseline(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
}

function ours(html: string): string {
  return extractHtml(html).body;
}

function timeRun(pages: Page[], fn: (html: string) => string): { seconds: number; bodies: string[] } {
  const bodies: string[] = [];
  const t0 = performance.now();
  for (const p of pages) {
    let body = '';
    try {
      body = fn(p.html);
    } catch {
      body = '';
    }
    bodies.push(body);
  }
  return { seconds: (performance.now() - t0) / 1000, bodies };
}

function writeJsonl(path: string, pages: Page[], bodies: string[]): void {
  writeFileSync(path, `${pages.map((p, i) => JSON.stringify({ doc: p.doc, body: bodies[i] })).join('\n')}\n`);
}

function score(predFile: string): number {
  const r = spawnSync(process.execPath, [scorer, '--pred', predFile], { encoding: 'utf8' });
  const m = /extraction F1=([\d.]+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`scorer failed on ${predFile}: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

/** Whether the shared benchmark is present beside the repository. */
export function htmlBenchAvailable(): boolean {
  return existsSync(join(benchDir, 'html')) && existsSync(scorer);
}

/**
 * Runs both extractors over the benchmark `rounds` times (alternating, best time kept),
 * writes the prediction files and scores them. Returns null when ../shared is absent.
 */
export function runHtmlBench(opts: { rounds?: number; log?: (s: string) => void } = {}): HtmlBenchResult | null {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (!htmlBenchAvailable()) {
    log(`html-extraction bench: skipped, benchmark not found at ${benchDir}`);
    return null;
  }
  const rounds = Math.max(1, opts.rounds ?? 3);
  const files = readdirSync(join(benchDir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  const pages: Page[] = files.map((doc) => ({
    doc,
    html: gunzipSync(readFileSync(join(benchDir, 'html', doc))).toString('utf8'),
  }));

  // Warm-up (JIT) on a few pages for both.
  const warm = pages.slice(0, 10);
  timeRun(warm, baseline);
  timeRun(warm, ours);

  let bestBase = Number.POSITIVE_INFINITY;
  let bestOurs = Number.POSITIVE_INFINITY;
  let baseBodies: string[] = [];
  let ourBodies: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const b = timeRun(pages, baseline);
    const o = timeRun(pages, ours);
    bestBase = Math.min(bestBase, b.seconds);
    bestOurs = Math.min(bestOurs, o.seconds);
    baseBodies = b.bodies;
    ourBodies = o.bodies;
  }
  writeJsonl(BASELINE_OUT, pages, baseBodies);
  writeJsonl(OURS_OUT, pages, ourBodies);

  const result: HtmlBenchResult = {
    baseline: { pagesPerSecond: pages.length / bestBase, f1: score(BASELINE_OUT) },
    ours: { pagesPerSecond: pages.length / bestOurs, f1: score(OURS_OUT) },
  };
  const ratio = result.ours.pagesPerSecond / result.baseline.pagesPerSecond;
  log(`html-extraction bench: ${pages.length} pages, best of ${rounds} rounds`);
  log(
    `  baseline (Readability/linkedom): F1=${result.baseline.f1.toFixed(3)}  ${result.baseline.pagesPerSecond.toFixed(1)} pages/s  -> ${BASELINE_OUT}`,
  );
  log(
    `  ours (extractHtml):              F1=${result.ours.f1.toFixed(3)}  ${result.ours.pagesPerSecond.toFixed(1)} pages/s  -> ${OURS_OUT}`,
  );
  log(`  speed ratio ours/baseline: ${ratio.toFixed(2)}`);
  return result;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const i = process.argv.indexOf('--rounds');
  const rounds = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  runHtmlBench({ rounds });
}
