// The modality pass, on sentences we wrote: what a trigger's clause says of it (told, planned, negated, called off, an aim).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseSentence } from '../../src/events/analysis.ts';
import { modalityOf } from '../../src/events/modality.ts';
import { pageContext } from '../helpers/sentence.ts';

/** The modality of the trigger whose phrase is `phrase` in `text`. */
function modality(lang: 'id' | 'en', text: string, phrase: string) {
  const ctx = pageContext(lang, text);
  const sc = analyseSentence(ctx, { text, start: 0, end: text.length });
  const t = sc.triggers.find((x) => x.payload.phrase === phrase);
  assert.ok(t, `no trigger "${phrase}" in "${text}"`);
  const m = modalityOf(sc, t, ctx.ek.decisions, ctx.k.grammar);
  return m === 'purpose' ? m : m.modality;
}

test('a cue in the clause before the trigger gives its modality; none gives occurred', () => {
  assert.equal(modality('en', 'Ecuador met Peru in Quito.', 'met'), 'occurred');
  assert.equal(modality('en', 'Ecuador will meet Peru in Quito.', 'meet'), 'planned');
  assert.equal(modality('id', 'Ekuador tidak akan bertemu Peru di Quito.', 'bertemu'), 'negated');
});

test('a verb after "to"/"untuk" is an aim, unless a decision was taken', () => {
  assert.equal(modality('en', 'The Ecuadorian minister flew to Lima to meet his Peruvian counterpart.', 'meet'), 'purpose');
  assert.equal(modality('en', 'The Ecuadorian minister flew to Lima to meet his Peruvian counterpart.', 'flew to'), 'occurred');
  assert.equal(modality('id', 'Menlu Ekuador tiba di Lima untuk bertemu Menlu Peru.', 'bertemu'), 'purpose');
  assert.equal(modality('en', 'The council voted on Friday to impose sanctions on Peru.', 'impose sanctions'), 'occurred');
});

test('an event noun takes the modality of its predicate: a cancellation is enough', () => {
  assert.equal(modality('en', 'The visit of the Ecuadorian president to Peru was cancelled.', 'the visit'), 'cancelled');
  assert.equal(modality('id', 'Kunjungan Presiden Ekuador ke Peru dibatalkan.', 'kunjungan*'), 'cancelled');
});
