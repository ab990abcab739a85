import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/documents/html/extract.ts';

const dir = '../shared/benchmarks/article-extraction/html';
const f = readdirSync(dir).find((x) => x.startsWith(process.argv[2]))!;
const r = extractHtml(gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8'));
if (process.argv[3]) console.log(r.body);
else console.log({ ...r, body: r.body.slice(0, 300) });
