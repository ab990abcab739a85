import { extractHtml } from '../src/documents/html/extract.ts';

const para = '<p>The minister said the talks would continue next week, according to officials who spoke on condition of anonymity.</p>';
const cases: Record<string, string> = {
  deep10k: `<html><body>${'<div>'.repeat(10000)}${para}${'</div>'.repeat(10000)}</body></html>`,
  deep100k_span: `<html><body>${'<span><b>'.repeat(50000)}${para}</body></html>`,
  unclosed_p: `<html><body>${'<p>hello world this is text '.repeat(200000)}</body></html>`,
  lis: `<html><body><ul>${'<li>item <a href=#>link</a>'.repeat(100000)}</ul>${para}</body></html>`,
  big50: `<html><head><title>Big</title></head><body><article>${para.repeat(420000)}</article></body></html>`,
  big50_divs: `<html><body>${'<div class="x"><span>word</span> text <a href="/a">l</a></div>\n'.repeat(800000)}</body></html>`,
  unterminated_comment: `<html><body>${para}<!-- ${'x'.repeat(1000000)}`,
  unterminated_script: `<html><body>${para}<script>${'var a = "<p>";'.repeat(100000)}`,
  lt_soup: `<html><body>${'< a <b <<<< >> < /'.repeat(200000)}</body></html>`,
  attr_soup: `<html><body>${'<div a="b\' c=\'d " e=f>'.repeat(100000)}</body></html>`,
  tables: `<html><body>${'<table><tr><td>'.repeat(20000)}${para}</body></html>`,
};
for (const [k, html] of Object.entries(cases)) {
  const t = performance.now();
  try {
    const r = extractHtml(html);
    console.log(
      k.padEnd(22),
      (html.length / 1e6).toFixed(1),
      'MB',
      (performance.now() - t).toFixed(0),
      'ms',
      'body',
      r.body.length,
      JSON.stringify(r.body.slice(0, 60)),
    );
  } catch (e) {
    console.log(k.padEnd(22), 'ERR', (performance.now() - t).toFixed(0), 'ms', String(e).slice(0, 150));
  }
}
