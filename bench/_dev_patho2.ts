import { extractHtml } from '../src/documents/html/extract.ts';
import { sanitizeHtml } from '../src/documents/html/sanitize.ts';
import { parseHTML } from 'linkedom';
const para = '<p>The minister said the talks would continue next week, according to officials who spoke on condition of anonymity.</p>';
const cases: Record<string, string> = {
  lis: `<html><body><ul>${'<li>item <a href=#>link</a>'.repeat(100000)}</ul>${para}</body></html>`,
  lt_soup: `<html><body>${'< a <b <<<< >> < /'.repeat(200000)}</body></html>`,
  attr_soup: `<html><body>${'<div a="b\' c=\'d " e=f>'.repeat(100000)}</body></html>`,
  tables: `<html><body>${'<table><tr><td>'.repeat(20000)}${para}</body></html>`,
};
const only = process.argv[2];
for (const [k, html] of Object.entries(cases)) {
  if (only && k !== only) continue;
  let t = performance.now();
  const s = sanitizeHtml(html);
  console.log(k, 'sanitize', (performance.now() - t).toFixed(0), s.html.length, s.maxDepthSeen);
  t = performance.now();
  parseHTML(s.html.slice(0, 2_000_000));
  console.log(k, 'parse', (performance.now() - t).toFixed(0));
  t = performance.now();
  try {
    const r = extractHtml(html);
    console.log(k.padEnd(22), (html.length / 1e6).toFixed(1), 'MB', (performance.now() - t).toFixed(0), 'ms', 'body', r.body.length, JSON.stringify(r.body.slice(0, 60)));
  } catch (e) {
    console.log(k.padEnd(22), 'ERR', (performance.now() - t).toFixed(0), 'ms', String(e).slice(0, 150));
  }
}
