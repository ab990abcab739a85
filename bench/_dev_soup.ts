import { extractHtml } from '../src/documents/html/extract.ts';
const n = Number(process.argv[2] ?? 20000);
const html = `<html><body>${'< a <b <<<< >> < /'.repeat(n)}</body></html>`;
const t = performance.now();
const r = extractHtml(html);
console.log(n, (performance.now() - t).toFixed(0), r.body.length);
