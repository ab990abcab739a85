// The argument frame of a trigger, on sentences we wrote: who stands as its subject, owner, partner and other side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseSentence, type Group, type SentenceContext } from '../../src/events/analysis.ts';
import type { DocContext } from '../../src/events/context.ts';
import { startDiscourse } from '../../src/events/discourse.ts';
import { argumentFrame } from '../../src/events/frame.ts';
import type { RuleName } from '../../src/events/rules.ts';
import { pageContext } from '../helpers/sentence.ts';

function frameOf(lang: 'id' | 'en', text: string, type: string) {
  const ctx: DocContext = { ...pageContext(lang, text), lang, discourse: startDiscourse(), aheadHostile: null, wantsAhead: false };
  const sc: SentenceContext = analyseSentence(ctx, { text, start: 0, end: text.length });
  const t = sc.triggers.find((x) => x.payload.type === type);
  assert.ok(t, `no ${type} trigger in "${text}"`);
  const fired: RuleName[] = [];
  const frame = argumentFrame(ctx, sc, t, null, (r) => fired.push(r));
  const words = (x: Group | null | undefined) =>
    x
      ? sc.tokens
          .slice(x.from, x.to)
          .map((y) => y.text)
          .join(' ')
      : null;
  return { frame, fired, words };
}

test('the subject is the nearest actor before the trigger that no preposition governs', () => {
  const { frame, words } = frameOf('en', 'After a dinner in Lima, the Japanese foreign minister met the President of Brazil.', 'CONSULT');
  assert.ok(frame);
  assert.match(words(frame.source) ?? '', /Japanese foreign minister/);
  assert.equal(frame.partner, null);
});

test('coordinated subjects of a one-sided act each act; of a meeting they are its two sides', () => {
  const vetoed = frameOf('en', 'Ecuador and Peru condemned the blockade.', 'ACCUSE');
  assert.ok(vetoed.frame);
  assert.equal(vetoed.words(vetoed.frame.source), 'Ecuador');
  assert.deepEqual(vetoed.frame.coActors.map(vetoed.words), ['Peru']);
  assert.ok(vetoed.fired.includes('coordinated-subjects'));
  const met = frameOf('id', 'Ekuador dan Peru bertemu di Quito.', 'CONSULT');
  assert.ok(met.frame);
  assert.equal(met.words(met.frame.source), 'Ekuador');
  assert.equal(met.words(met.frame.partner), 'Peru');
});

test('in the passive the agent after "by" acts and the subject is acted on', () => {
  const { frame, words, fired } = frameOf('en', 'Chile was criticised by Bolivia over the border closure.', 'ACCUSE');
  assert.ok(frame);
  assert.equal(words(frame.source), 'Bolivia');
  assert.equal(words(frame.target), 'Chile');
  assert.ok(fired.includes('passive-voice'));
});

test('an event noun with no actor beside it refers back to an event told elsewhere: no frame', () => {
  assert.equal(frameOf('en', 'Officials in Lima said little about the missile tests.', 'MOBILIZE').frame, null);
  const owned = frameOf('en', "Officials in Lima said little about Ecuador's missile test.", 'MOBILIZE');
  assert.ok(owned.frame);
  assert.equal(owned.words(owned.frame.source), 'Ecuador');
});
