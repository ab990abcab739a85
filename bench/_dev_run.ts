import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/documents/html/extract.ts';

const dir = '../shared/benchmarks/article-extraction/html';
const files = readdirSync(dir).sort();
const pages = files.map((f) => [f, gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8')] as const);
const out: string[] = [];
const t0 = performance.now();
const slow: [number, string][] = [];
for (const [f, html] of pages) {
  const t = performance.now();
  const r = extractHtml(html);
  slow.push([performance.now() - t, f.slice(0, 8)]);
  out.push(JSON.stringify({ doc: f, body: r.body }));
}
const secs = (performance.now() - t0) / 1000;
const file = process.env.HX_OUT ?? '/tmp/hx/dev.jsonl';
writeFileSync(file, out.join('\n'));
const s = spawnSync('node', ['../shared/tools/score-extraction.mjs', '--pred', file], { encoding: 'utf8' });
console.log((process.env.HX_OFF ?? '-').padEnd(20), s.stdout.trim().split('\n')[1], `${(pages.length / secs).toFixed(1)} p/s`);
if (process.env.HX_SLOW) console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 8));
