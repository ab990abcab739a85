// Article bodies on the public extraction benchmark (181 real pages) score F1 ≥ 0.96 with the
// benchmark's own scorer. Speed is measured by `npm run bench`, not here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../../src/documents/html/extract.ts';
import { SHARED } from '../helpers/cli.ts';

const dir = join(SHARED, 'benchmarks/article-extraction/html');
const scorer = join(SHARED, 'tools/score-extraction.mjs');
const skip = existsSync(dir) && existsSync(scorer) ? false : `../shared is absent (${dir}); the extraction benchmark is needed`;

test('article extraction F1 on the public benchmark is at least 0.96', { skip }, () => {
  const lines: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz'))) {
    const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    lines.push(JSON.stringify({ doc: f, body: extractHtml(html).body }));
  }
  const pred = join(mkdtempSync(join(tmpdir(), 'kronik-bench-')), 'pred.jsonl');
  writeFileSync(pred, `${lines.join('\n')}\n`);
  const r = spawnSync(process.execPath, [scorer, '--pred', pred], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const f1 = Number(/F1[^0-9]*([0-9.]+)/i.exec(r.stdout)?.[1]);
  assert.ok(f1 >= 0.96, `F1 ${f1}\n${r.stdout}`);
});
