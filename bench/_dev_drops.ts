import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/documents/html/extract.ts';

const dir = '../shared/benchmarks/article-extraction/html';
for (const f of readdirSync(dir).sort()) {
  console.log(`DOC\t${f.slice(0, 8)}`);
  extractHtml(gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8'));
}
