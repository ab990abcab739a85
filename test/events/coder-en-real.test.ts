// The event coder on English constructions seen on real news pages (sentences written by us).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processRaw } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/types.ts';

function code(text: string, published: string): CodedEvent[] {
  const page = `A Test Headline About Diplomacy\n\n${published}\n\n${text}\n`;
  return processRaw({ doc: 'test.txt', path: 'test.txt', kind: 'text', content: page }, { language: 'en' }).events;
}

const brief = (e: CodedEvent) => `${e.type}/${e.mode ?? '-'} ${e.source.country}>${e.target.country} ${e.date ?? '?'} ${e.modality}`;
const all = (ev: CodedEvent[]) => ev.map(brief).join('; ');

test('a purpose word that governs an actor is a preposition: the verb after "and" is no aim', () => {
  const ev = code('Japan firmly opposes the export of drones to Russia and urges Iran to stop the shipments at once.', 'March 3, 2023');
  const ask = ev.find((e) => e.type === 'REQUEST');
  assert.ok(ask, all(ev));
  assert.equal(ask.source.country, 'JPN');
  assert.equal(ask.target.country, 'IRN');
  assert.equal(ask.modality, 'occurred');
});

test('a time expression that owns a noun dates the noun, not the act', () => {
  const ev = code("Brazil has summoned the Argentine ambassador over last week's remarks by a minister.", 'August 14, 2019');
  const summons = ev.find((e) => e.type === 'PROTEST');
  assert.ok(summons, all(ev));
  assert.equal(summons.source.country, 'BRA');
  assert.equal(summons.target.country, 'ARG');
  assert.equal(summons.date, '2019-08-14');
});
