// Event dating on sentences we wrote: the sentence's own date, the page's day, dates told before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKnowledge } from '../../src/actors/lexicon.ts';
import { type Discourse, endSentence, startDiscourse } from '../../src/events/discourse.ts';
import { tokenize } from '../../src/text/tokens.ts';
import { type DatingInput, dateEvent } from '../../src/time/event-date.ts';
import { findTimeExpressions } from '../../src/time/expressions.ts';
import { sentenceWith } from '../helpers/sentence.ts';

// Wednesday 6 March 2024.
const ref = { y: 2024, m: 3, d: 6 };

/** A sentence with its tokens and time expressions (no actors: dating does not need them here). */
const sentence = (text: string, lang: 'en' | 'id') => sentenceWith(text, [], findTimeExpressions(text, lang));

function date(text: string, trigger: string, over: Partial<DatingInput> = {}, lang: 'en' | 'id' = 'en', discourse?: Discourse, index = 0) {
  const sc = sentence(text, lang);
  const from = sc.tokens.findIndex((x) => x.text === trigger);
  assert.ok(from >= 0, `trigger ${trigger} in ${text}`);
  const page = { ref, grammar: actorKnowledge(lang).grammar, lang, discourse: discourse ?? startDiscourse() };
  const input: DatingInput = {
    modality: 'occurred',
    cue: null,
    sourceName: null,
    ready: false,
    reaction: false,
    tenseless: false,
    ...over,
  };
  return dateEvent(page, sc, { from, to: from + 1 }, index, input);
}

test("an event is dated by its sentence's date, the page's day when it names none", () => {
  const own = date('The two ministers met in Lyon on 2 March 2024.', 'met');
  assert.deepEqual([own.when.date?.date, own.when.source, own.when.text], ['2024-03-02', 'sentence', '2 March 2024']);
  const none = date('The two ministers met in Lyon.', 'met');
  assert.deepEqual([none.when.date?.date, none.when.source], ['2024-03-06', 'publication']);
});

test('a starting point ("since 2006") does not date the event', () => {
  const r = date('The two states have traded since 2006.', 'traded');
  assert.equal(r.when.source, 'publication');
});

test('"two days after" dates the event that long before the day it is told against', () => {
  const r = date('Two days after the launch, the ministers met.', 'met');
  assert.deepEqual([r.when.date?.date, r.when.source, r.when.text], ['2024-03-04', 'sentence', 'Two days after']);
  // Told the other way round, the date after "two days after" is the earlier act's.
  const later = date('The ministers met two days after the launch on 1 March 2024.', 'met');
  assert.deepEqual([later.when.date?.date, later.when.source], ['2024-03-03', 'sentence']);
});

test('a plan with no date of its own keeps the date of the plan told just before', () => {
  const d = startDiscourse();
  const told = 'The ministers will meet on 20 March 2024.';
  endSentence(
    d,
    { index: 0, events: [], times: findTimeExpressions(told, 'en'), tokens: tokenize(told), opening: null },
    ref,
    actorKnowledge('en').grammar,
  );
  const r = date('They will also sign a treaty.', 'sign', { modality: 'planned', cue: 'will' }, 'en', d, 1);
  assert.deepEqual([r.when.date?.date, r.when.source], ['2024-03-20', 'inherited']);
  // Readiness is dated when it is said, not by the plan.
  const ready = date('They are ready to sign a treaty.', 'sign', { modality: 'planned', cue: 'ready to', ready: true }, 'en', d, 1);
  assert.equal(ready.when.source, 'publication');
});

test('with no tense, a weekday nearer ahead than behind makes the statement a plan', () => {
  const r = date('Kedua menteri bertemu pada Jumat.', 'bertemu', { tenseless: true }, 'id');
  assert.deepEqual([r.modality, r.when.date?.date], ['planned', '2024-03-08']);
  const told = date('Kedua menteri bertemu pada Jumat.', 'bertemu', { tenseless: false }, 'id');
  assert.deepEqual([told.modality, told.when.date?.date], ['occurred', '2024-03-01']);
});
