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

test('sentences glued with no space still end where a capitalised word follows', () => {
  const body =
    'Kedua menteri bertemu di Hanoi tahun lalu.“Kami senang kembali,” kata Menlu.Kunjungan berikutnya pada 2025.AS menyambutnya. Dia berkata kerja sama itu penting."Kami siap," tambahnya.';
  const s = splitSentences(body, 'id');
  assert.deepEqual(
    s.map((x) => x.text),
    [
      'Kedua menteri bertemu di Hanoi tahun lalu.',
      '“Kami senang kembali,” kata Menlu.',
      'Kunjungan berikutnya pada 2025.',
      'AS menyambutnya.',
      'Dia berkata kerja sama itu penting.',
      // The straight quote opens the next sentence: no quotation was open before it.
      '"Kami siap," tambahnya.',
    ],
  );
  for (const x of s) assert.equal(body.slice(x.start, x.end), x.text);
});

test('a glued boundary needs a word before it and a capitalised word after it', () => {
  const body = 'The U.S.A delegation and two Ph.D. holders wrote to KOMPAS.com at 15.00 on Monday. Jl.Sudirman was closed.It reopened?Yes.';
  assert.deepEqual(
    splitSentences(body, 'en').map((x) => x.text),
    [
      'The U.S.A delegation and two Ph.D. holders wrote to KOMPAS.com at 15.00 on Monday.',
      'Jl.Sudirman was closed.',
      'It reopened?',
      'Yes.',
    ],
  );
});

test('a list number or a dateline in capitals opening a paragraph does not end a sentence', () => {
  const body =
    '1. Bantuan tahap pertama tiba di Yangon\n\nJAKARTA. Rapat itu memutuskan suku bunga tetap. Jumlahnya naik 12. Kemudian turun.';
  assert.deepEqual(
    splitSentences(body, 'id').map((x) => x.text),
    ['1. Bantuan tahap pertama tiba di Yangon', 'JAKARTA. Rapat itu memutuskan suku bunga tetap.', 'Jumlahnya naik 12.', 'Kemudian turun.'],
  );
});
