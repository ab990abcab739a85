// No run of RUN words from our test strings or lexicon files may appear in the reference corpus
// (/work/shared/corpus): fixtures, tests and comments are written by us, never copied from pages.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RUN = 8;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

function walk(dir: string, keep: (f: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, keep, out);
    else if (keep(name)) out.push(p);
  }
  return out;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

// String literals of a test file ('…', "…", `…`), each read on its own.
function literals(src: string): string[] {
  const out: string[] = [];
  const re = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const m of src.matchAll(re)) out.push(m[0].slice(1, -1));
  return out;
}

test(`no ${RUN}-word run of a test string or lexicon file appears in the reference corpus`, (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`reference corpus not found at ${CORPUS}; check skipped`);
    return;
  }
  const grams = new Set<string>();
  for (const f of walk(CORPUS, (n) => n.endsWith('.txt'))) {
    const w = words(readFileSync(f, 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) grams.add(w.slice(i, i + RUN).join(' '));
  }
  const hits: string[] = [];
  const check = (where: string, text: string) => {
    const w = words(text);
    for (let i = 0; i + RUN <= w.length; i++) {
      const g = w.slice(i, i + RUN).join(' ');
      if (grams.has(g)) {
        hits.push(`${where}: "${g}"`);
        i += RUN - 1; // one report per copied stretch is enough
      }
    }
  };
  for (const f of walk(join(ROOT, 'test'), (n) => n.endsWith('.ts')))
    for (const s of literals(readFileSync(f, 'utf8'))) check(f.slice(ROOT.length), s);
  // A furniture `pattern:` is written to match a page's own boilerplate, so it is left out; all else is checked.
  const PATTERN = /\bpattern:\s*'(?:[^']|'')*'/g;
  for (const f of walk(join(ROOT, 'lexicons'), (n) => n.endsWith('.yaml')))
    check(f.slice(ROOT.length), readFileSync(f, 'utf8').replace(PATTERN, ''));
  assert.deepEqual(hits, [], `${hits.length} runs of corpus text:\n${hits.join('\n')}`);
});
