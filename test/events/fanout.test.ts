// Fan-out on sentences we wrote: one event that tells of several states becomes one event for each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKnowledge } from '../../src/actors/lexicon.ts';
import type { ResolveContext } from '../../src/actors/resolve.ts';
import { startDiscourse } from '../../src/events/discourse.ts';
import { EXPANSIONS, type FanOutInput, fanOut } from '../../src/events/fanout.ts';
import { featuresOf } from '../../src/events/features.ts';
import type { TriggerDef } from '../../src/events/lexicon.ts';
import type { CodedEvent } from '../../src/types.ts';
import { sentenceWith } from '../helpers/sentence.ts';

const ctx: ResolveContext = {
  k: actorKnowledge('en'),
  ref: { y: 2024, m: 3, d: 4 },
  personMentions: [],
  countryCounts: new Map(),
  discourse: startDiscourse(),
};

/** A sentence whose actor phrases are given as [first word, last word + 1, state]. */
const sentence = (text: string, phrases: [number, number, string][]) =>
  sentenceWith(
    text,
    phrases.map(([from, to, country]) => [from, to, { country }]),
  );

// A trigger as the lexicon builds it: its type's and mode's features (lexicons/common/event-features.yaml) under its own keys.
const def = (over: Partial<TriggerDef>): TriggerDef => ({
  ...featuresOf(over.type ?? 'CONSULT', over.mode ?? null),
  type: 'CONSULT',
  mode: null,
  cameo: '040',
  pos: 'verb',
  phrase: 'x',
  ...over,
});

function event(type: CodedEvent['type'], source: string, target: string | null, mode: string | null = null): CodedEvent {
  return {
    type,
    mode,
    cameo: '040',
    goldstein: 1,
    source: { name: null, country: source, sector: null },
    target: { name: null, country: target, sector: null },
    date: null,
    date_end: null,
    modality: 'occurred',
    place: null,
    evidence: { text: '', start: 0, end: 0 },
    confidence: 0.8,
  };
}

const input = (f: Partial<FanOutInput> & Pick<FanOutInput, 'event' | 'def'>): FanOutInput => ({
  jointBoth: false,
  coActors: [],
  adjacentPlace: undefined,
  target: null,
  ...f,
});
const sides = (events: CodedEvent[]) => events.map((e) => `${e.source.country}>${e.target.country}`);

test('each coordinated actor of a one-sided act acts, but a joint show of force is one act', () => {
  const sc = sentence('Russia and China vetoed the resolution against Chile.', [
    [0, 1, 'RUS'],
    [2, 3, 'CHN'],
    [7, 8, 'CHL'],
  ]);
  const vetoed = fanOut(ctx, sc, input({ event: event('REJECT', 'RUS', 'CHL'), def: def({ type: 'REJECT' }), coActors: [sc.groups[1]] }));
  assert.deepEqual(sides(vetoed), ['RUS>CHL', 'CHN>CHL']);
  assert.ok(vetoed[1].confidence < vetoed[0].confidence);
  const drill = fanOut(
    ctx,
    sc,
    input({ event: event('MOBILIZE', 'RUS', null), def: def({ type: 'MOBILIZE', target: 'none' }), coActors: [sc.groups[1]] }),
  );
  assert.deepEqual(sides(drill), ['RUS>null']);
});

test('a trip to a list of states closed by a coordinator is a visit to each', () => {
  const sc = sentence('The minister will visit Kenya, Tanzania and Mozambique.', [
    [4, 5, 'KEN'],
    [6, 7, 'TZA'],
    [8, 9, 'MOZ'],
  ]);
  const out = fanOut(ctx, sc, input({ event: event('CONSULT', 'FRA', 'KEN', 'visit'), def: def({ mode: 'visit' }), target: sc.groups[0] }));
  assert.deepEqual(sides(out), ['FRA>KEN', 'FRA>TZA', 'FRA>MOZ']);
  // An act aimed at several states stays one event on the first named.
  const criticised = fanOut(ctx, sc, input({ event: event('ACCUSE', 'FRA', 'KEN'), def: def({ type: 'ACCUSE' }), target: sc.groups[0] }));
  assert.deepEqual(sides(criticised), ['FRA>KEN']);
});

test('the expansions have names of their own', () => {
  const names = EXPANSIONS.map((x) => x.name);
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.length >= 5);
});
