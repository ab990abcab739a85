import { parseHTML } from 'linkedom';
for (const h of ['<p>a &lt; b &lt; c</p>', '<p>a < b < c</p>', '<p>a &amp; b</p>', '<p>a ‹ b</p>']) {
  const { document } = parseHTML(`<html><body>${h}</body></html>`);
  const p = document.querySelector('p')!;
  console.log(JSON.stringify(h), p.childNodes.length, JSON.stringify(p.textContent));
}
