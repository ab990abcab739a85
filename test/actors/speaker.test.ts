// First person in quotes: "saya", "kami", "I", "we" are the speaker the quote is attributed to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteAround, quotedSpeaker } from '../../src/actors/speaker.ts';
import { tokenize } from '../../src/text/tokens.ts';
import { brief, codePage as code } from '../helpers/code.ts';

const words = (s: string) => {
  const tokens = tokenize(s, 0);
  const at = (w: string) => tokens.findIndex((t) => t.text === w);
  return { tokens, at };
};

test('the speaker stands after the speech verb that follows the quote', () => {
  const { tokens, at } = words('"Kami akan datang," kata Menteri Budi.');
  const groups = [
    { from: at('Kami'), to: at('Kami') + 1 },
    { from: at('Menteri'), to: at('Budi') + 1 },
  ];
  const close = tokens.findIndex((t, i) => i > 0 && t.text === '"');
  assert.deepEqual(quoteAround(tokens, at('Kami')), [0, close]);
  const speaker = quotedSpeaker(tokens, groups, at('Kami'), new Set(['kata']), (g) => g !== groups[0]);
  assert.equal(speaker, groups[1]);
});

test('a speaker named before the verb and the quote counts too; a pronoun suffix points to the person named before', () => {
  const a = words('Minister Smith said: "We agreed on everything."');
  const groups = [
    { from: a.at('Minister'), to: a.at('Smith') + 1 },
    { from: a.at('We'), to: a.at('We') + 1 },
  ];
  assert.equal(
    quotedSpeaker(a.tokens, groups, a.at('We'), new Set(['said']), (g) => g !== groups[1]),
    groups[0],
  );
  const b = words('"Kami sepakat," ucapnya.');
  assert.equal(
    quotedSpeaker(b.tokens, [{ from: 1, to: 2 }], 1, new Set(['ucapnya']), () => false),
    'previous',
  );
});

test('a quoted "kami" visits as the speaker the quote is attributed to', () => {
  const ev = code(
    'Presiden Joko Widodo bertolak dari Jakarta pada Minggu (20/8/2023).\n\n"Kami akan berkunjung ke Kenya untuk memperkuat kerja sama," ucapnya kepada wartawan.',
    'Minggu, 20 Agustus 2023 - 10:00 WIB',
    'id',
  );
  assert.ok(
    ev.some((e) => e.type === 'CONSULT' && e.source.country === 'IDN' && e.target.country === 'KEN' && e.modality === 'planned'),
    ev.map(brief).join('; '),
  );
});

test('a quoted "I" is the speaker named after the quote, and "we" inside a quote is no actor of the sentence around it', () => {
  const ev = code(
    '"I met my Australian counterpart this morning," Japanese Foreign Minister Yoko Kamikawa told reporters on Monday.\n\nThe crowd arrived in the capital chanting "we will win" and left.',
    'Monday, 11 March 2024',
    'en',
  );
  assert.ok(
    ev.some((e) => e.type === 'CONSULT' && e.source.country === 'JPN' && e.target.country === 'AUS'),
    ev.map(brief).join('; '),
  );
  assert.ok(!ev.some((e) => e.evidence.text.startsWith('The crowd')), ev.map(brief).join('; '));
});
