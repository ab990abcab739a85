import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { collectBlocks } from '../src/documents/html/blocks.ts';
import { furnitureSkip } from '../src/documents/html/clean.ts';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';

const dir = '../shared/benchmarks/article-extraction/html';
const f = readdirSync(dir).find((x) => x.startsWith(process.argv[2]))!;
const { document } = parseHTML(sanitizeHtml(gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8')).html);
const body = document.body as unknown as Element;
const skip = furnitureSkip(body, new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog', 'figcaption', 'figure']));
const skipped: string[] = [];
const blocks = collectBlocks(body, (el) => {
  const r = skip(el);
  if (r)
    skipped.push(
      `${el.localName}.${el.getAttribute('class')}#${el.getAttribute('id')} ${(el.textContent ?? '').replace(/\s+/g, ' ').length}`,
    );
  return r;
});
console.log(skipped.filter((s) => +s.split(' ').pop()! > 500).join('\n'));
console.log(
  blocks.length,
  blocks.map((b) => b.text.length).reduce((a, b) => a + b, 0),
);
