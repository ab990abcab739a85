// The discourse state: what accepted events and told dates leave for later sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKnowledge } from '../../src/actors/lexicon.ts';
import { acceptEvent, beginSentence, droppedSubject, endSentence, startDiscourse } from '../../src/events/discourse.ts';
import { tokenize } from '../../src/text/tokens.ts';
import { findTimeExpressions } from '../../src/time/expressions.ts';
import type { CodedEvent, Modality } from '../../src/types.ts';

const grammar = actorKnowledge('en').grammar;
const ref = { y: 2024, m: 3, d: 4 };

function event(over: { type?: CodedEvent['type']; cameo?: string; mode?: string | null; modality?: Modality; date?: string | null } = {}) {
  const e: CodedEvent = {
    type: over.type ?? 'CONSULT',
    mode: over.mode ?? null,
    cameo: over.cameo ?? '040',
    goldstein: 1,
    source: { name: 'Ana Example', country: 'FRA', sector: 'GOV' },
    target: { name: null, country: 'DEU', sector: null },
    date: over.date === undefined ? '2024-03-04' : over.date,
    date_end: null,
    modality: over.modality ?? 'occurred',
    place: null,
    evidence: { text: 'x', start: 0, end: 1 },
    confidence: 0.9,
    provenance: { trigger: 'met', date_from: 'sentence' },
  };
  return e;
}

/** (A check that does not narrow the state's type for the asserts after it.) */
const none = (x: unknown) => x === null;

const accept = (d: ReturnType<typeof startDiscourse>, e: CodedEvent, symmetric: boolean, sentence = 0) =>
  acceptEvent(d, { event: e, sentence, subject: null, triggerFrom: 1, date: null, symmetric });

test('a meeting accepted leaves its pair for "both sides"; a one-sided act does not', () => {
  const d = startDiscourse();
  accept(d, event({ type: 'ACCUSE', cameo: '111' }), false);
  assert.equal(d.lastPair, null);
  accept(d, event(), true);
  assert.deepEqual(d.lastPair, ['FRA', 'DEU']);
  assert.equal(d.pairs.length, 1);
});

test('an act of force that happened is what a later response answers; a planned one is not', () => {
  const d = startDiscourse();
  accept(d, event({ type: 'ASSAULT', cameo: '190', modality: 'planned' }), false);
  assert.equal(d.lastHostile, null);
  accept(d, event({ type: 'ASSAULT', cameo: '190' }), false);
  assert.equal(d.lastHostile, 'FRA');
});

test('a subject is carried to the next sentence only', () => {
  const d = startDiscourse();
  accept(d, event(), true, 3);
  assert.equal(droppedSubject(d, 4)?.country, 'FRA');
  assert.equal(droppedSubject(d, 5), null);
});

test('events of a sentence are remembered within it until the next sentence begins', () => {
  const d = startDiscourse();
  const e = event();
  acceptEvent(d, {
    event: e,
    sentence: 0,
    subject: null,
    triggerFrom: 2,
    date: { date: '2024-03-04', date_end: null, precision: 'day' },
    symmetric: true,
  });
  assert.equal(d.sentence.lastEvent, e);
  assert.equal(d.sentence.datedAt.length, 1);
  beginSentence(d);
  assert.equal(d.sentence.lastEvent, undefined);
  assert.equal(d.sentence.datedAt.length, 0);
});

function end(d: ReturnType<typeof startDiscourse>, text: string, events: CodedEvent[], index = 0) {
  endSentence(d, { index, events, times: findTimeExpressions(text, 'en'), tokens: tokenize(text), opening: 'FRA' }, ref, grammar);
}

test('the first event told as done and dated to the day is the lead; a later one does not replace it', () => {
  const d = startDiscourse();
  end(d, 'They met.', [event({ modality: 'planned', date: '2024-03-10' })]);
  assert.equal(none(d.leadDate), true);
  end(d, 'They met.', [event({ date: '2024-03-02' })], 1);
  end(d, 'They met.', [event({ date: '2024-03-03' })], 2);
  assert.equal(d.leadDate?.date, '2024-03-02');
  assert.equal(d.lastEventDate?.date.date, '2024-03-03');
  assert.equal(d.lastOpening, 'FRA');
});

test('a visit coded is what a later "this visit" is; a planned event dated in its sentence anchors later plans', () => {
  const d = startDiscourse();
  const visit = event({ mode: 'visit', modality: 'planned', date: '2024-03-12' });
  end(d, 'She will visit Berlin.', [visit]);
  assert.equal(d.lastVisit, visit);
  assert.equal(d.lastDate.future?.date.date, '2024-03-12');
  assert.equal(d.lastDate.past, null);
});

test('a date told in a sentence anchors later ones, but not a date in an aside about someone', () => {
  const d = startDiscourse();
  end(d, 'The minister, who took office on 2 March 2024, spoke.', []);
  assert.equal(none(d.lastDate.latest), true, 'the date of the aside is not an anchor');
  end(d, 'On 1 March 2024 the ministers spoke.', [], 1);
  assert.equal(d.lastDate.past?.date.date, '2024-03-01');
  assert.equal(d.lastDate.latest?.sentence, 1);
});
