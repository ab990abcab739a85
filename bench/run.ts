// `npm run bench`: throughput and quality figures, measured in one run.
//   1. text pages → documents, and documents → events (pages per second, one core)
//   2. HTML article extraction on the public benchmark: ours and Readability-over-linkedom, pages/s and F1;
//      the time of pathological pages (deep nesting, unclosed inline tags, a ~50 MB page)
//   3. the store: ingest pages/s into SQLite and PostgreSQL, query latency over a million events
// Options: --quick (smaller store), --only text|html|store
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDocument } from '../src/documents/document.ts';
import { extractHtml } from '../src/documents/html/extract.ts';
import { codeEvents } from '../src/events/coder.ts';
import { REPO_ROOT } from '../src/lexicon/load.ts';
import type { RawInput } from '../src/types.ts';

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

function benchText(): void {
  const pages = textPages();
  // Warm up lexicons and the JIT, then time enough pages for a stable figure.
  for (const p of pages) codeEvents(buildDocument(p));
  const target = 3000;
  let n = 0;
  let events = 0;
  let t0 = performance.now();
  while (n < target)
    for (const p of pages) {
      buildDocument(p);
      n++;
    }
  const docSeconds = (performance.now() - t0) / 1000;
  n = 0;
  t0 = performance.now();
  while (n < target)
    for (const p of pages) {
      events += codeEvents(buildDocument(p)).length;
      n++;
    }
  const fullSeconds = (performance.now() - t0) / 1000;
  const bytes = pages.reduce((s, p) => s + p.content.length, 0) / pages.length;
  console.log(`text pages (${pages.length} distinct, mean ${(bytes / 1024).toFixed(1)} KB, ${n} processed, one core):`);
  console.log(`  documents only:            ${(n / docSeconds).toFixed(0)} pages/s`);
  console.log(`  documents + events:        ${(n / fullSeconds).toFixed(0)} pages/s  (${(events / n).toFixed(1)} events/page)`);
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

async function main(): Promise<void> {
  if (!only || only === 'text') benchText();
  if (!only || only === 'html') {
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
  if (!only || only === 'store') {
    const store = await import('./store.ts');
    await store.runStoreBench(quick ? { events: 100_000, docs: 500 } : {});
  }
}

await main();
