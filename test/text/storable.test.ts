// Text made storable for PostgreSQL: NUL gone (or replaced in place), lone surrogate halves replaced,
// characters outside the BMP (a surrogate pair) kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storableInPlace, storableRaw, storableText } from '../../src/text/storable.ts';

test('storableText drops NUL and replaces lone surrogate halves; pairs and clean text are kept as they are', () => {
  assert.equal(storableText('Oslo\u0000 sent aid'), 'Oslo sent aid');
  assert.equal(storableText('talks 😀 ended'), 'talks 😀 ended');
  assert.equal(storableText('a\uD800b'), 'a\uFFFDb');
  assert.equal(storableText('a\uDC00'), 'a\uFFFD');
  assert.equal(storableText('\uD800\uD83D\uDE00'), '\uFFFD😀');
  assert.equal(storableText('\uDBFF'), '\uFFFD');
  const clean = 'Chile and Peru agreed.';
  assert.equal(storableText(clean), clean);
});

test('storableInPlace keeps the length (offsets into the text stay right)', () => {
  const s = 'Lead\u0000 text \uDC00 end';
  assert.equal(storableInPlace(s), 'Lead\uFFFD text \uFFFD end');
  assert.equal(storableInPlace(s).length, s.length);
});

test('storableRaw cleans every text field of a page and returns a clean page itself', () => {
  const raw = {
    doc: 'a\u0000.txt',
    path: 'in/a\u0000.txt',
    url: 'https://news.example/a\u0000',
    kind: 'text' as const,
    content: 'Kenya\u0000 protested.',
    hints: { title: 'T\uD800', author: 'B' },
  };
  assert.deepEqual(storableRaw(raw), {
    doc: 'a.txt',
    path: 'in/a.txt',
    url: 'https://news.example/a',
    kind: 'text',
    content: 'Kenya protested.',
    hints: { title: 'T\uFFFD', author: 'B' },
  });
  const fine = { doc: 'b.txt', path: 'b.txt', kind: 'text' as const, content: 'Norway sent aid 😀.' };
  assert.equal(storableRaw(fine), fine);
});
