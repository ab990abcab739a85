import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';

const dir = '../shared/benchmarks/article-extraction/html';
const f = readdirSync(dir).find((x) => x.startsWith(process.argv[2]))!;
const raw = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
const html = process.argv[3] === 'raw' ? raw : sanitizeHtml(raw).html;
const { document } = parseHTML(html);
const r = new Readability(document as any, { keepClasses: true }).parse();
console.log(r?.content);
