// One overlong "sentence" (a page with no sentence ends) is cut into pieces before coding, and a page
// that takes longer than the page time budget is given up with a message naming it while the run goes on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/documents/sentences.ts';
import { processRaw } from '../../src/pipeline.ts';
import { jsonl, kronik } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kronik-long-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const clause =
  'President Joko Widodo met Prime Minister Anthony Albanese in Jakarta on Monday and said that Indonesia would visit Australia next week';
const endless = (words: number) => {
  const w = clause.split(' ');
  return Array.from({ length: words }, (_, i) => w[i % w.length]).join(' ');
};

test('an overlong sentence is cut into pieces no longer than the cap, at spaces, covering all its words', () => {
  const body = `${endless(20_000)}.`;
  const sentences = splitSentences(body, 'en');
  assert.ok(sentences.length > 50, `${sentences.length} pieces`);
  for (const s of sentences) {
    assert.ok(s.text.length <= MAX_SENTENCE_CHARS, `${s.text.length} characters`);
    assert.equal(body.slice(s.start, s.end), s.text);
  }
  assert.equal(sentences.map((s) => s.text).join(' '), body);
});

test('a cut prefers a clause break to a bare space', () => {
  const body = `${'word '.repeat(200)}Seoul, ${'word '.repeat(100)}end.`;
  const [first] = splitSentences(body, 'en');
  assert.ok(first.text.endsWith('Seoul,'), first.text.slice(-20));
});

test('sentences of ordinary length are not cut', () => {
  const body = `${clause}. ${clause}, ${clause}.`;
  assert.deepEqual(
    splitSentences(body, 'en').map((s) => s.text),
    [`${clause}.`, `${clause}, ${clause}.`],
  );
});

test('a page past its time budget is given up with a clear error', () => {
  const raw = { doc: 'long', path: 'long.txt', kind: 'text' as const, content: `Talks\n\n${endless(3000)}.` };
  assert.throws(() => processRaw(raw, { language: 'en', pageBudgetMs: -1 }), /given up: coding took longer than the page time budget/);
  assert.ok(processRaw(raw, { language: 'en' }).events.length > 0);
});

test('extract gives up a page past --page-budget, names it, and goes on with the next', () => {
  writeFileSync(join(dir, 'a-long.txt'), `Talks in Jakarta\n\n${endless(20_000)}.`);
  writeFileSync(join(dir, 'b-short.txt'), `Talks in Jakarta\n\n${clause}.`);
  const r = kronik(['extract', join(dir, 'a-long.txt'), join(dir, 'b-short.txt'), '--format', 'jsonl', '--page-budget', '1ms']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /a-long\.txt: given up: coding took longer than the page time budget of 1 ms \(raise it with --page-budget\)/);
  // The short page may also run past 1 ms on a loaded machine; what matters is that the run went on to it.
  assert.ok(jsonl(r.stdout).some((d) => d.doc === 'b-short.txt') || /b-short\.txt: given up/.test(r.stderr), r.stderr);
});
