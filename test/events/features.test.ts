// Rules read features declared per type and mode (lexicons/common/event-features.yaml), not event identities.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresOf } from '../../src/events/features.ts';
import { eventKnowledge } from '../../src/events/lexicon.ts';
import { checkLexicon } from '../../src/lexicon/schema.ts';
import { tokenize } from '../../src/text/tokens.ts';

test("a mode's features add to its type's", () => {
  assert.deepEqual(featuresOf('CONSULT', null), { meeting: true, target: 'after' });
  assert.deepEqual(featuresOf('CONSULT', 'visit'), { meeting: true, travel: true, target: 'after' });
  assert.equal(featuresOf('CONSULT', 'multilateral').gathering, true);
  assert.deepEqual(featuresOf('ACCUSE', null), {});
});

test('a trigger carries the features of its type and mode, under its own keys', () => {
  const k = eventKnowledge('en');
  const at = (text: string) => k.triggers.findAll(tokenize(text)).map((m) => m.payload);
  const visit = at('Lula visited Beijing').find((d) => d.type === 'CONSULT');
  assert.ok(visit, 'no trigger for "visited"');
  assert.equal(visit.travel, true);
  assert.equal(visit.meeting, true);
  // "missile test" is a show of force its entry declares aimed at no one: the entry's own `target` wins.
  const launch = at('a missile test by Pyongyang').find((d) => d.type === 'MOBILIZE');
  assert.ok(launch, 'no trigger for "missile test"');
  assert.equal(launch.show_of_force, true);
  assert.equal(launch.target, 'none');
});

test('a misspelt feature or one without a reason is an error naming the file', () => {
  assert.throws(
    () => checkLexicon('common/event-features', 'x.yaml', { types: { CONSULT: { meting: true, reason: 'r' } }, modes: {} }),
    /x\.yaml[\s\S]*meting/,
  );
  assert.throws(() => checkLexicon('common/event-features', 'x.yaml', { types: { CONSULT: { meeting: true } }, modes: {} }), /reason/);
  assert.throws(
    () => checkLexicon('common/event-features', 'x.yaml', { types: { MEET: { meeting: true, reason: 'r' } }, modes: {} }),
    /x\.yaml/,
  );
});
