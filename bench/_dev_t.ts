import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';
class Fast extends Readability<string> {}
(Fast.prototype as any)._isValidByline = function (this: any, node: Element, matchString: string) {
  const rel = node.getAttribute('rel');
  const itemprop = node.getAttribute('itemprop');
  if (!(rel === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString))) return false;
  const len = (node.textContent ?? '').trim().length;
  return len > 0 && len < 100;
};
const para = '<p>The minister said the talks would continue next week, according to officials who spoke on condition of anonymity &amp; others.</p>';
const cases: Record<string, string> = {
  soup: `<html><body>${'< a <b <<<< >> < /'.repeat(40000)}</body></html>`,


};
for (const [k, html] of Object.entries(cases)) {
  for (const C of [Readability, Fast]) {
    const s = sanitizeHtml(html, { maxDepth: 100, maxChars: 1e6, maxElements: 30000 });
    const { document } = parseHTML(s.html);
    const t = performance.now();
    new (C as any)(document).parse();
    console.log(k, C.name, s.html.length, (performance.now() - t).toFixed(0));
  }
}
