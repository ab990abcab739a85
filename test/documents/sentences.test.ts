// Sentence splitting with offsets: abbreviations, initials, numbers and quotes do not end sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/documents/sentences.ts';

test('Indonesian abbreviations, numbers and quotes', () => {
  const body =
    'Tn. Putin tiba pukul 15.00 waktu setempat bersama Dr. Lavrov di Jl. Sudirman No. 5. Sebanyak 3.500 orang hadir. "Kami siap," kata Kim. Ny. Choe menyambutnya.';
  const s = splitSentences(body, 'id');
  assert.deepEqual(
    s.map((x) => x.text),
    [
      'Tn. Putin tiba pukul 15.00 waktu setempat bersama Dr. Lavrov di Jl. Sudirman No. 5.',
      'Sebanyak 3.500 orang hadir.',
      '"Kami siap," kata Kim.',
      'Ny. Choe menyambutnya.',
    ],
  );
  for (const x of s) assert.equal(body.slice(x.start, x.end), x.text);
});

test('English abbreviations and initials; paragraphs always end sentences', () => {
  const body = 'The U.S. envoy met Mr. Kim in Washington, D.C. on Monday. He said talks went well.\n\nA new paragraph starts here';
  const s = splitSentences(body, 'en');
  assert.deepEqual(
    s.map((x) => x.text),
    ['The U.S. envoy met Mr. Kim in Washington, D.C. on Monday.', 'He said talks went well.', 'A new paragraph starts here'],
  );
});
