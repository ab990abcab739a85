// The tokenizer scans characters by hand; it must find exactly the tokens of its grammar, written as a regex.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { letterRuns, tokenize } from '../../src/text/tokens.ts';

const GRAMMAR =
  /(\p{L}\.(?:\p{L}\.)+)|(\d+(?:[.,:/]\d+)+)|([\p{L}\p{N}]+(?:['’](?![sS](?![\p{L}]))[\p{L}]+)?)|(['’][sS](?![\p{L}]))|([^\s\p{L}\p{N}])/gu;

/** Token texts and kinds as the grammar regex finds them, before hyphens inside words are dropped. */
function byGrammar(text: string): string[] {
  const out: string[] = [];
  GRAMMAR.lastIndex = 0;
  for (let m = GRAMMAR.exec(text); m; m = GRAMMAR.exec(text)) out.push(`${m.index}:${m[0]}:${m[5] ? 'p' : 'w'}`);
  return out;
}

test('the scanner finds the tokens of the grammar', () => {
  const cases = [
    'The U.S. and D.C. met; 3.500 orang, 15.00 WIB, 14/3/2024 and 1,000.5.',
    "Korea's envoy, Korea’s envoy, rock'n'roll, don't, it's, O'Brien, 's alone, ’S.",
    'Kim Chang-yong, antar-Korea, Tae-yul — 2024-03-14 (9/11) “quoted” … ½ ٣٤ Ⅻ',
    'Sébastien İstanbul straße ǅemal 𝐀𝐁 😀 x\u00a0y\u2028z\ufeff \ud800 lone \udc00',
    "a.b.c. a.1. 1.2.3 1..2 12:30:45 ab'c'd x's's 's's ''s ’’",
  ];
  for (const text of cases) {
    const got = tokenize(text);
    const want = byGrammar(text).filter((w, i, all) => {
      // Hyphens inside words are dropped by tokenize.
      const [at, t] = w.split(':');
      if (t !== '-' || i === 0) return true;
      const prev = all[i - 1].split(':');
      const prevEnd = Number(prev[0]) + prev.slice(1, -1).join(':').length;
      return !(prev.at(-1) === 'w' && prevEnd === Number(at) && /[\p{L}\p{N}]/u.test(text[Number(at) + 1] ?? ''));
    });
    assert.deepEqual(
      got.map((t) => `${t.start}:${t.text}:${t.word ? 'w' : 'p'}`),
      want,
      text,
    );
  }
});

test('letter runs are the matches of \\p{L}+', () => {
  const text = "Kim's envoy, Sébastien İstanbul 3.500 orang; 𝐀𝐁 😀 ǅemal \ud800 x-y";
  assert.deepEqual(letterRuns(text), text.match(/\p{L}+/gu) ?? []);
});
