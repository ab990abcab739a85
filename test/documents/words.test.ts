// wordInitials counts, without building them, the words that `words` returns and their initial letters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { words } from '../../src/documents/clean-text.ts';
import { wordInitials } from '../../src/text/tokens.ts';

test('word counts and initials agree with the word regex', () => {
  const lines = [
    'Duta Besar Amerika Serikat (AS), Jane Doe, mendarat di Oslo pada Rabu (20/3) pukul 09.15.',
    "Kim Chang-yong's envoy -- rock'n'roll, don’t - 3.500 orang, É é İ ß ǅ 𝐀𝐚 😀 ٣ x-'y a-",
    '',
  ];
  for (const line of lines) {
    const ws = words(line);
    const lettered = ws.filter((w) => /^\p{L}/u.test(w));
    assert.deepEqual(
      wordInitials(line),
      {
        count: ws.length,
        lettered: lettered.length,
        upper: lettered.filter((w) => /^\p{Lu}/u.test(w)).length,
        lower: lettered.filter((w) => /^\p{Ll}/u.test(w)).length,
      },
      line,
    );
  }
});
