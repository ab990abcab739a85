import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BOILERPLATE_PATTERNS } from '../src/documents/html/boilerplate-patterns.ts';
import { extractHtml } from '../src/documents/html/extract.ts';

process.env.HX_OFF = 'lines';
const dir = '../shared/benchmarks/article-extraction/html';
const truth = JSON.parse(readFileSync('../shared/benchmarks/article-extraction/ground-truth.json', 'utf8'));
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const res = BOILERPLATE_PATTERNS.map((p) => new RegExp(`^(?:${p.pattern})$`, 'iu'));
const stat = res.map(() => ({ good: 0, bad: 0, badEx: [] as string[], goodEx: [] as string[] }));
for (const f of readdirSync(dir).sort()) {
  const html = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
  const body = extractHtml(html).body;
  const tb = ' ' + norm(truth[f.replace('.html.gz', '')].articleBody) + ' ';
  for (const line of body.split('\n')) {
    const l = line.trim();
    if (!l || l.length > 240) continue;
    res.forEach((re, i) => {
      if (re.test(l)) {
        const inTruth = norm(l).length > 0 && tb.includes(' ' + norm(l) + ' ');
        if (inTruth) {
          stat[i].bad++;
          stat[i].badEx.push(f.slice(0, 8) + ' ' + l.slice(0, 120));
        } else {
          stat[i].good++;
          stat[i].goodEx.push(l.slice(0, 80));
        }
      }
    });
  }
}
stat.forEach((s, i) => {
  if (s.good + s.bad) {
    console.log(i, BOILERPLATE_PATTERNS[i].pattern.slice(0, 70), 'good', s.good, 'bad', s.bad);
    for (const e of s.badEx.slice(0, 6)) console.log('    BAD ', e);
    for (const e of s.goodEx.slice(0, 4)) console.log('    ok  ', e);
  }
});
