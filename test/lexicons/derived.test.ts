// Word lists derived once per lexicon list: the same structure on every call, lower-cased and split like the list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { derived, lowerList, lowerSet, phraseWords } from '../../src/lexicon/derived.ts';

test('a list gives one lower-cased set, list and phrase split, made once', () => {
  const words = ['Selanjutnya', 'Kemudian', 'Then'];
  assert.deepEqual([...lowerSet(words)], ['selanjutnya', 'kemudian', 'then']);
  assert.equal(lowerSet(words), lowerSet(words));
  assert.deepEqual(lowerList(['Kunjung', 'VISIT']), ['kunjung', 'visit']);
  const phrases = ['In Response', 'sebagai  balasan'];
  assert.deepEqual(phraseWords(phrases), [
    ['in', 'response'],
    ['sebagai', 'balasan'],
  ]);
  assert.equal(phraseWords(phrases), phraseWords(phrases));
  assert.equal(lowerSet(undefined).size, 0);
  assert.deepEqual(phraseWords(undefined), []);
});

test('derived values are made once per owner and key', () => {
  const owner = {};
  let made = 0;
  const make = () => {
    made++;
    return new Set(['a']);
  };
  const a = derived(owner, 'k', make);
  assert.equal(derived(owner, 'k', make), a);
  assert.equal(made, 1);
  assert.notEqual(derived({}, 'k', make), a);
});
