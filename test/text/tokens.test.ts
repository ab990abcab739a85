// The tokenizer scans characters by hand; it must find exactly the tokens of its grammar, written as a regex.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { letterRuns, PhraseMatcher, startsCapitalised, startsUpper, tokenize } from '../../src/text/tokens.ts';

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

test('capital tests by table are the regexes they replace', () => {
  for (const w of ['Kim', 'KIM', 'kim', 'İstanbul', 'ǅemal', 'Ǆ', '𝐀b', '𝐀𝐁', 'É', 'Éa', '', '3a', '’s', 'Ñandú']) {
    assert.equal(startsUpper(w), /^\p{Lu}/u.test(w), w);
    assert.equal(startsCapitalised(w), /^\p{Lu}\p{Ll}/u.test(w), w);
  }
});

test('the phrase matcher: longest match, readings, prefixes, case, and words no lexicon knew when the tokens were made', () => {
  const m = new PhraseMatcher<string>();
  m.add('foreign minister', 'role');
  m.add('foreign minister of', 'longer');
  m.add('visit*', 'visit');
  m.add('UN', 'un', { caseSensitive: true });
  m.add('talks', 'talks-a');
  m.add('talks', 'talks-b');
  const tokens = tokenize('The foreign minister visited the UN for talks; un talks.');
  const found = m.findAll(tokens).map((x) => `${tokens[x.from].text}..${tokens[x.to - 1].text}:${x.alternatives.join('|')}`);
  assert.deepEqual(found, [
    'foreign..minister:role',
    'visited..visited:visit',
    'UN..UN:un',
    'talks..talks:talks-a|talks-b',
    'talks..talks:talks-a|talks-b',
  ]);
  // Tokens looked up before a new lexicon adds their words still find its phrases.
  const later = new PhraseMatcher<string>();
  const text = tokenize('They signed the Qwertyuiop Accord.');
  assert.deepEqual(m.findAll(text), []);
  later.add('Qwertyuiop Accord', 'accord', { capitalised: true });
  assert.deepEqual(
    later.findAll(text).map((x) => [x.from, x.to, x.payload]),
    [[3, 5, 'accord']],
  );
});
