// Actor resolution on phrases of sentences we wrote: offices to their holders on a day, pronouns, "both
// sides", counterparts, lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKnowledge } from '../../src/actors/lexicon.ts';
import { listAfter, type ResolveContext, resolveActor } from '../../src/actors/resolve.ts';
import { acceptEvent, startDiscourse } from '../../src/events/discourse.ts';
import type { CodedEvent } from '../../src/types.ts';
import { sentenceWith } from '../helpers/sentence.ts';

const k = actorKnowledge('en');

const sentence = sentenceWith;

const context = (over: Partial<ResolveContext> = {}): ResolveContext => ({
  k,
  ref: { y: 2024, m: 3, d: 4 },
  personMentions: [],
  countryCounts: new Map(),
  discourse: startDiscourse(),
  ...over,
});

const fm = { role: 'foreign_minister', sector: 'GOV', country: 'USA' };

test("an office of a state is its holder on the event's day, else on the page's", () => {
  const sc = sentence('The US Secretary of State spoke.', [[0, 5, { role: fm }]]);
  const onPageDay = resolveActor(context(), sc, sc.groups[0], null);
  assert.deepEqual([onPageDay?.name, onPageDay?.country, onPageDay?.role], ['Antony Blinken', 'USA', 'foreign minister']);
  const in2019 = resolveActor(context(), sc, sc.groups[0], null, '2019-06-01');
  assert.equal(in2019?.name, 'Mike Pompeo');
  assert.equal(in2019?.text, 'The US Secretary of State');
});

test('"he" is the person named last before it', () => {
  const ctx = context();
  const first = sentence('Blinken arrived.', [[0, 1, { role: fm, unknownName: 'Antony Blinken' }]]);
  ctx.personMentions.push({ start: first.groups[0].start, group: first.groups[0], sc: first });
  const sc = sentence('Later he spoke.', [[1, 2, { anaphor: 'person' }]]);
  sc.s.start = sc.s.end = 100;
  for (const x of [...sc.tokens, ...sc.groups]) {
    x.start += 100;
    x.end += 100;
  }
  const he = resolveActor(ctx, sc, sc.groups[0], null);
  assert.deepEqual([he?.name, he?.country, he?.text], ['Antony Blinken', 'USA', 'he']);
});

test('"both sides" is the pair that met last: the first as subject, the other one beside a known side', () => {
  const ctx = context();
  const met: CodedEvent = {
    type: 'CONSULT',
    mode: null,
    cameo: '040',
    goldstein: 1,
    source: { name: null, country: 'FRA', sector: null },
    target: { name: null, country: 'DEU', sector: null },
    date: null,
    date_end: null,
    modality: 'occurred',
    place: null,
    evidence: { text: '', start: 0, end: 0 },
    confidence: 0.5,
  };
  acceptEvent(ctx.discourse, { event: met, sentence: 0, subject: null, triggerFrom: 0, date: null, symmetric: true });
  const sc = sentence('Both sides agreed.', [[0, 2, { anaphor: 'both' }]]);
  assert.equal(resolveActor(ctx, sc, sc.groups[0], null)?.country, 'FRA');
  assert.equal(resolveActor(ctx, sc, sc.groups[0], { name: null, country: 'FRA', sector: null })?.country, 'DEU');
});

test("a counterpart of a state is the holder there of the other side's office", () => {
  const sc = sentence('Blinken met his Japanese counterpart.', [[3, 5, { anaphor: 'counterpart', country: 'JPN' }]]);
  const other = { name: 'Antony Blinken', country: 'USA', sector: 'GOV', role: 'foreign minister' };
  const c = resolveActor(context(), sc, sc.groups[0], other);
  assert.deepEqual([c?.country, c?.role, c?.name], ['JPN', 'foreign minister', 'Yoko Kamikawa']);
});

test('a list after an actor is its members when a coordinator closes it, and nothing when none does', () => {
  const closed = sentence('She will visit Kenya, Tanzania and Mozambique.', [
    [3, 4, { country: 'KEN' }],
    [5, 6, { country: 'TZA' }],
    [7, 8, { country: 'MOZ' }],
  ]);
  assert.deepEqual(
    listAfter(k.grammar, closed, closed.groups[0]).map((g) => g.country),
    ['TZA', 'MOZ'],
  );
  const open = sentence('She visited Kenya, Tanzania, Mozambique.', [
    [2, 3, { country: 'KEN' }],
    [4, 5, { country: 'TZA' }],
    [6, 7, { country: 'MOZ' }],
  ]);
  assert.deepEqual(listAfter(k.grammar, open, open.groups[0]), []);
});
