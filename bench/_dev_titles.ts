import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/documents/html/extract.ts';

const dir = '../shared/benchmarks/article-extraction/html';
const truth = JSON.parse(readFileSync('../shared/benchmarks/article-extraction/ground-truth.json', 'utf8'));
let inTruth = 0,
  n = 0;
for (const f of readdirSync(dir).sort()) {
  const html = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
  const r = extractHtml(html);
  const tb: string = truth[f.replace('.html.gz', '')].articleBody;
  n++;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const has = r.title ? norm(tb).includes(norm(r.title)) : false;
  if (has) inTruth++;
  if (process.argv[2])
    console.log(f.slice(0, 8), has ? 'IN ' : '   ', JSON.stringify(r.title), '|', r.byline, '|', r.published, '|', r.outlet, '|', r.lang);
}
console.log('title in truth', inTruth, '/', n);
