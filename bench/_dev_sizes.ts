import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';
const dir = '../shared/benchmarks/article-extraction/html';
const rows: number[][] = [];
for (const f of readdirSync(dir)) {
  const raw = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
  const s = sanitizeHtml(raw);
  rows.push([raw.length, s.html.length, s.maxDepthSeen, s.elements, s.textPieces]);
}
['raw', 'sanitized', 'depth', 'elements', 'pieces'].forEach((name, i) => { const v = rows.map((r) => r[i]).sort((a, b) => a - b); console.log(name, 'median', v[v.length >> 1], 'p95', v[Math.floor(v.length * 0.95)], 'max', v[v.length - 1]); });
