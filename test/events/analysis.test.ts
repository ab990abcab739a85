// The analysis of a sentence, on sentences we wrote: actor phrases, places, triggers, and the names it remembers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseSentence, usable } from '../../src/events/analysis.ts';
import { pageContext } from '../helpers/sentence.ts';

const page = pageContext;

const at = (text: string, start = 0) => ({ text, start, end: start + text.length });

test('an office with its state is one actor phrase; a capital after "di" is where it happens, not an actor', () => {
  const text = 'Menteri Luar Negeri Amerika Serikat bertemu Presiden Prancis di Paris pada Senin.';
  const sc = analyseSentence(page('id', text), at(text));
  const actors = sc.groups.filter(usable).map((g) => `${g.role?.role ?? ''}/${g.country ?? g.role?.country}`);
  assert.deepEqual(actors, ['foreign_minister/USA', 'head_of_state/FRA']);
  assert.ok(sc.places.some((p) => p.place.name === 'Paris' && p.prep === 'at'));
  assert.equal(sc.triggers[0]?.payload.type, 'CONSULT');
  assert.equal(sc.times.length, 1);
});

test('a surname named before is the person named in full, in a later sentence', () => {
  const first = 'Antony Blinken tiba di Tokyo.';
  const second = 'Blinken bertemu Perdana Menteri Jepang.';
  const ctx = page('id', `${first} ${second}`);
  analyseSentence(ctx, at(first));
  const sc = analyseSentence(ctx, at(second, first.length + 1));
  assert.equal(sc.groups[0]?.person?.name, 'Antony Blinken');
  assert.equal(ctx.personMentions.length, 2);
});

test('a sentence with no trigger is analysed for its actors only', () => {
  const text = 'Cuaca di Paris cerah sepanjang hari.';
  const sc = analyseSentence(page('id', text), at(text));
  assert.deepEqual([sc.triggers.length, sc.places.length, sc.cues.length], [0, 0, 0]);
});
