#!/usr/bin/env node
// The baseline of the whole-process HTML benchmark: Readability over linkedom, as a program of its own.
// Reads every *.html.gz of a folder and prints one {"doc", "body"} JSON line per page, as
// `kronik extract --format jsonl` does, so both are timed from process start to the last line.
//   node bench/readability-baseline.mjs DIR > out.jsonl
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: readability-baseline.mjs DIR');
  process.exit(2);
}
const lines = [];
for (const doc of readdirSync(dir)
  .filter((f) => f.endsWith('.html.gz'))
  .sort()) {
  const html = gunzipSync(readFileSync(join(dir, doc))).toString('utf8');
  let body = '';
  try {
    const { document } = parseHTML(html);
    body = new Readability(document).parse()?.textContent ?? '';
  } catch {
    body = '';
  }
  lines.push(JSON.stringify({ doc, body }));
}
process.stdout.write(`${lines.join('\n')}\n`);
