// The classes events are compared by, and the merge of restatements of one event within a page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventDyad, isSymmetric, mergeWithinDocument } from '../../src/events/merge.ts';
import type { CodedEvent } from '../../src/types.ts';

let at = 0;
function ev(type: CodedEvent['type'], mode: string | null, from: string, to: string, over: Partial<CodedEvent> = {}): CodedEvent {
  at += 100;
  return {
    type,
    mode,
    cameo: '040',
    goldstein: 1,
    source: { name: null, country: from, sector: null },
    target: { name: null, country: to, sector: null },
    date: '2024-03-04',
    date_end: null,
    modality: 'occurred',
    place: null,
    evidence: { text: `sentence ${at}`, start: at, end: at + 50 },
    confidence: 0.8,
    ...over,
  };
}

test('a meeting is one dyad either way round; a visit and a protest go from one side to the other', () => {
  assert.equal(eventDyad(ev('CONSULT', null, 'FRA', 'DEU')), eventDyad(ev('CONSULT', null, 'DEU', 'FRA')));
  assert.notEqual(eventDyad(ev('CONSULT', 'visit', 'FRA', 'DEU')), eventDyad(ev('CONSULT', 'visit', 'DEU', 'FRA')));
  assert.notEqual(eventDyad(ev('PROTEST', null, 'FRA', 'DEU')), eventDyad(ev('PROTEST', null, 'DEU', 'FRA')));
  assert.equal(isSymmetric('AGREE', null), true);
  assert.equal(isSymmetric('CONSULT', 'visit'), false);
});

test('a meeting told again later in the page is one event, with the more precise date and the named actor', () => {
  const lead = ev('CONSULT', null, 'FRA', 'DEU', { date: '2024-03' });
  const later = ev('CONSULT', null, 'DEU', 'FRA', {
    date: '2024-03-04',
    target: { name: 'Ana Example', country: 'FRA', sector: 'GOV' },
  });
  const merged = mergeWithinDocument([lead, later]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].date, '2024-03-04');
  assert.equal(merged[0].evidence_more?.length, 1);
});

test('the same act by different named people, or a plan and what happened, are different events', () => {
  const a = ev('SUPPORT', null, 'FRA', 'DEU', { source: { name: 'Ana Example', country: 'FRA', sector: 'GOV' } });
  const b = ev('SUPPORT', null, 'FRA', 'DEU', { source: { name: 'Bea Example', country: 'FRA', sector: 'GOV' } });
  assert.equal(mergeWithinDocument([a, b]).length, 2);
  const plan = ev('CONSULT', null, 'FRA', 'DEU', { modality: 'planned' });
  const done = ev('CONSULT', null, 'FRA', 'DEU');
  assert.equal(mergeWithinDocument([plan, done]).length, 2);
});

test('talks told in the sentence of a visit between the same two states, on its days, are that visit', () => {
  const visit = ev('CONSULT', 'visit', 'FRA', 'DEU', { date: '2024-03-04', date_end: '2024-03-06' });
  const talks = ev('CONSULT', null, 'DEU', 'FRA', { date: '2024-03-05', evidence: visit.evidence });
  assert.deepEqual(mergeWithinDocument([visit, talks]), [visit]);
  const nextWeek = ev('CONSULT', null, 'DEU', 'FRA', { date: '2024-03-12', evidence: visit.evidence });
  assert.equal(mergeWithinDocument([visit, nextWeek]).length, 2);
});
