import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';
const dir = '../shared/benchmarks/article-extraction/html';
const rows: [number, number, number, number][] = [];
for (const f of readdirSync(dir)) {
  const raw = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
  const s = sanitizeHtml(raw);
  rows.push([raw.length, s.html.length, s.maxDepthSeen, (s.html.match(/<[a-z]/g) ?? []).length]);
}
for (const i of [0, 1, 2, 3]) { const v = rows.map((r) => r[i]).sort((a, b) => a - b); console.log(['raw', 'sanitized', 'depth', 'elements'][i], 'median', v[v.length >> 1], 'p95', v[Math.floor(v.length * 0.95)], 'max', v[v.length - 1]); }
