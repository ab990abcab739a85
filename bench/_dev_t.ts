import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';
const n = Number(process.argv[2] ?? 40000);
const html = `<html><body>${'< a <b <<<< >> < /'.repeat(n)}</body></html>`;
for (const norm of [false, true]) {
  const s = sanitizeHtml(html, { maxDepth: 100, maxChars: 1e6, maxElements: 30000 });
  const { document } = parseHTML(s.html);
  let t = performance.now();
  if (norm) document.body.normalize();
  console.log('normalize', (performance.now() - t).toFixed(0));
  t = performance.now();
  new Readability(document as any).parse();
  console.log(norm, 'readability', (performance.now() - t).toFixed(0));
}
