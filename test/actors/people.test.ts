// People of the lexicon as the coder sees them: surnames that name one person alone, roles on a date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKnowledge, holderOn, roleOn } from '../../src/actors/lexicon.ts';

const k = actorKnowledge('en');
const person = (name: string) => {
  const p = k.people.find((x) => x.name === name);
  assert.ok(p, `${name} is in the lexicon`);
  return p;
};

test('a surname names one person alone unless the lexicon says it does not', () => {
  // Three Timorese office-holders are also called Guterres; the lexicon keeps "Guterres" for the UN chief.
  assert.ok(k.people.filter((p) => p.name.endsWith(' Guterres')).length > 1);
  assert.equal(k.uniqueSurnames.get('guterres')?.name, 'António Guterres');
  // Surnames are keyed as tokens are normalised: without diacritics.
  assert.equal(k.uniqueSurnames.get('gusmao')?.name, 'Xanana Gusmão');
  assert.equal(k.uniqueSurnames.has('gusmão'), false);
});

test('the holder of an office on a date, and a person’s role on it', () => {
  assert.equal(holderOn(k, 'TLS', 'head_of_state', '2019-06-01')?.name, 'Francisco Guterres');
  assert.equal(holderOn(k, 'KHM', 'head_of_government', '2024-03-01')?.name, 'Hun Manet');
  assert.equal(holderOn(k, 'KHM', 'head_of_government', '2015-03-01')?.name, 'Hun Sen');
  assert.equal(roleOn(person('José Ramos-Horta'), '2006-09-01')?.role, 'head_of_government');
  assert.equal(roleOn(person('José Ramos-Horta'), '2023-09-01')?.role, 'head_of_state');
  assert.equal(roleOn(person('Min Aung Hlaing'), '2022-03-27')?.role, 'head_of_state');
});
