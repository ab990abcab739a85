// `npm run bench`: throughput and quality figures, measured in one run.
//   1. text pages → documents, and documents → events (pages per second, one core)
//   2. HTML article extraction on the public benchmark: ours and Readability-over-linkedom, pages/s and F1;
//      the time of pathological pages (deep nesting, unclosed inline tags, a ~50 MB page)
//   3. the same 181 pages as whole processes (`kronik extract` against a Readability-over-linkedom program)
//   4. start-up: `kronik --help` through the package's bin against a bare `node -e 0`
//   5. the store: ingest pages/s into SQLite and PostgreSQL, query latency over a million events
//   6. workers: pages/s with 1, 2 and 4 `kronik worker` processes into PostgreSQL, next to single-process ingest
// and then the headline figures side by side. 3 and 4 run the compiled CLI, so dist/ is built first.
// Options: --quick (smaller store), --only text|html|process|startup|store|workers
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDocument } from '../src/documents/document.ts';
import { extractHtml } from '../src/documents/html/extract.ts';
import { codeEvents } from '../src/events/coder.ts';
import { REPO_ROOT } from '../src/lexicon/load.ts';
import type { RawInput } from '../src/types.ts';
import type { HtmlProcessResult, StartupResult } from './whole-process.ts';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const quick = args.includes('--quick');

function textPages(): RawInput[] {
  const dirs = [join(REPO_ROOT, 'corpus/demo/id'), join(REPO_ROOT, 'corpus/demo/en'), join(REPO_ROOT, '../shared/corpus/seeds')];
  const out: RawInput[] = [];
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(d).filter((f) => f.endsWith('.txt'));
    } catch {
      continue;
    }
    for (const f of names) out.push({ doc: f, path: join(d, f), kind: 'text', content: readFileSync(join(d, f), 'utf8') });
  }
  return out;
}

interface TextResult {
  documents: number;
  withEvents: number;
  /** The same two figures by the process's CPU time (which other work on the machine disturbs less). */
  documentsCpu: number;
  withEventsCpu: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function benchText(): TextResult {
  const pages = textPages();
  // Runs f over the pages, whole passes, until at least `count` pages: how many it ran.
  const passes = (count: number, f: (p: RawInput) => void) => {
    let k = 0;
    while (k < count)
      for (const p of pages) {
        f(p);
        k++;
      }
    return k;
  };
  // Warm-up: the lexicons, then the JIT. The coder's largest functions take V8 seconds of compiling on a busy
  // machine, and run several times slower until then: without this, the first thousand or so pages of the
  // timed run would measure the compiler, not the coder.
  const warmUp = passes(2000, (p) => codeEvents(buildDocument(p)));
  // Timed in interleaved chunks (documents only, then documents + events), so that other work on the
  // machine weighs on both figures alike.
  const target = 3000;
  const chunks = 6;
  let n = 0;
  let m = 0;
  let events = 0;
  const time = { doc: 0, docCpu: 0, full: 0, fullCpu: 0 };
  for (let c = 0; c < chunks; c++) {
    let t0 = performance.now();
    let c0 = cpuMs();
    n += passes(target / chunks, (p) => buildDocument(p));
    time.doc += performance.now() - t0;
    time.docCpu += cpuMs() - c0;
    t0 = performance.now();
    c0 = cpuMs();
    m += passes(target / chunks, (p) => {
      events += codeEvents(buildDocument(p)).length;
    });
    time.full += performance.now() - t0;
    time.fullCpu += cpuMs() - c0;
  }
  const r: TextResult = {
    documents: (n * 1000) / time.doc,
    withEvents: (m * 1000) / time.full,
    documentsCpu: (n * 1000) / time.docCpu,
    withEventsCpu: (m * 1000) / time.fullCpu,
  };
  const bytes = pages.reduce((s, p) => s + p.content.length, 0) / pages.length;
  console.log(
    `text pages (${pages.length} distinct, mean ${(bytes / 1024).toFixed(1)} KB, ${n} processed each way after ${warmUp} to warm up, one core; wall / CPU):`,
  );
  console.log(`  documents only:            ${r.documents.toFixed(0)} / ${r.documentsCpu.toFixed(0)} pages/s`);
  console.log(
    `  documents + events:        ${r.withEvents.toFixed(0)} / ${r.withEventsCpu.toFixed(0)} pages/s  (${(events / m).toFixed(1)} events/page)`,
  );
  return r;
}

/** Pages built to break an extractor: each must come back in seconds (test/documents/html-extract.test.ts checks the text). */
function benchPathologicalHtml(): void {
  const para = 'Delegations from the two neighbouring states agreed on Tuesday to resume border talks that collapsed last spring.';
  const pages: [string, string][] = [
    ['10,000 nested <div>s', `<html><body>${'<div>'.repeat(10_000)}<p>${para}</p>${'</div>'.repeat(10_000)}</body></html>`],
    ['60,000 unclosed inline tags', `<html><body><p>${'<span><b><i>'.repeat(20_000)}${para}</p></body></html>`],
    [
      'a ~50 MB page',
      `<html><body>${`<div class="row"><p>${para}</p><a href="/x">more</a></div>\n`.repeat(Math.ceil(50e6 / 160))}</body></html>`,
    ],
  ];
  console.log('HTML pathological pages (one core):');
  for (const [name, page] of pages) {
    const t0 = performance.now();
    try {
      extractHtml(page);
    } catch {
      /* a clear error is an accepted outcome; the time is what is measured */
    }
    console.log(`  ${name.padEnd(29)}${((performance.now() - t0) / 1000).toFixed(2)} s`);
  }
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function benchProcess(): HtmlProcessResult | null {
  const r = wholeProcess.htmlProcess();
  console.log(`HTML benchmark as whole processes (${r.pages} pages, median of ${r.rounds} interleaved runs, wall / CPU):`);
  const line = (name: string, t: HtmlProcessResult['baseline']) =>
    console.log(`  ${name.padEnd(38)} ${ms(t.wall).padStart(8)} / ${ms(t.cpu).padStart(8)}  F1 ${t.f1.toFixed(3)}`);
  line('Readability over linkedom', r.baseline);
  line('kronik extract --no-events', r.documents);
  line('kronik extract (documents + events)', r.withEvents);
  console.log(
    `  speed ratio baseline/kronik:         documents ${(r.baseline.wall / r.documents.wall).toFixed(2)} wall, ${(r.baseline.cpu / r.documents.cpu).toFixed(2)} CPU; ` +
      `with events ${(r.baseline.wall / r.withEvents.wall).toFixed(2)} wall, ${(r.baseline.cpu / r.withEvents.cpu).toFixed(2)} CPU`,
  );
  return r;
}

function benchStartup(): StartupResult {
  const r = wholeProcess.startup();
  console.log(`start-up (median of ${r.rounds} interleaved runs, wall / CPU):`);
  console.log(`  node -e 0:                 ${ms(r.node.wall).padStart(6)} / ${ms(r.node.cpu)}`);
  console.log(`  kronik --help (bin):       ${ms(r.help.wall).padStart(6)} / ${ms(r.help.cpu)}`);
  console.log(`  ratio:                     ${(r.help.wall / r.node.wall).toFixed(2)}× wall, ${(r.help.cpu / r.node.cpu).toFixed(2)}× CPU`);
  return r;
}

let wholeProcess: typeof import('./whole-process.ts');

async function main(): Promise<void> {
  const want = (section: string) => !only || only === section;
  const text = want('text') ? benchText() : null;
  if (want('html')) {
    benchPathologicalHtml();
    const html = await import('./html-extraction.ts');
    if (!html.htmlBenchAvailable()) console.log('HTML benchmark: skipped (../shared/benchmarks/article-extraction is absent)');
    else {
      const r = html.runHtmlBench({ log: () => {} });
      if (r) {
        console.log('HTML article extraction (181 benchmark pages, same run):');
        console.log(`  kronik:                    ${r.ours.pagesPerSecond.toFixed(1)} pages/s, F1 ${r.ours.f1.toFixed(3)}`);
        console.log(`  Readability over linkedom: ${r.baseline.pagesPerSecond.toFixed(1)} pages/s, F1 ${r.baseline.f1.toFixed(3)}`);
        console.log(`  speed ratio:               ${(r.ours.pagesPerSecond / r.baseline.pagesPerSecond).toFixed(2)}`);
      }
    }
  }
  let proc: HtmlProcessResult | null = null;
  let start: StartupResult | null = null;
  if (want('process') || want('startup')) {
    wholeProcess = await import('./whole-process.ts');
    wholeProcess.buildDist((s) => console.log(s));
    if (want('process')) {
      if (wholeProcess.htmlProcessAvailable()) proc = benchProcess();
      else console.log('HTML whole-process benchmark: skipped (../shared/benchmarks/article-extraction is absent)');
    }
    if (want('startup')) start = benchStartup();
  }
  if (want('store')) {
    const store = await import('./store.ts');
    await store.runStoreBench(quick ? { events: 100_000, docs: 500 } : {});
  }
  if (want('workers')) await (await import('./workers.ts')).runWorkersBench();
  if (!text && !proc && !start) return;
  console.log(`\nside by side (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):`);
  if (text)
    console.log(
      `  text pages, one core:      documents ${text.documents.toFixed(0)} pages/s, documents + events ${text.withEvents.toFixed(0)} pages/s (ratio ${(text.withEvents / text.documents).toFixed(2)}; by CPU time ${(text.withEventsCpu / text.documentsCpu).toFixed(2)})`,
    );
  if (proc)
    console.log(
      `  HTML, whole processes:     kronik ${ms(proc.documents.wall)} (events: ${ms(proc.withEvents.wall)}), Readability over linkedom ${ms(proc.baseline.wall)}: ` +
        `ratio ${(proc.baseline.wall / proc.documents.wall).toFixed(2)} (events: ${(proc.baseline.wall / proc.withEvents.wall).toFixed(2)}), F1 ${proc.documents.f1.toFixed(3)}`,
    );
  if (start)
    console.log(
      `  start-up:                  kronik --help ${ms(start.help.wall)}, node -e 0 ${ms(start.node.wall)}: ${(start.help.wall / start.node.wall).toFixed(2)}×`,
    );
}

await main();
