// Every lexicon file parses and every entry is usable: patterns compile, codes and dates are valid.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { LEXICON_DIR } from '../../src/lexicon/load.ts';
import { PLOVER_TYPES } from '../../src/types.ts';

const load = (lang: string, name: string) => parse(readFileSync(join(LEXICON_DIR, lang, `${name}.yaml`), 'utf8'));
const ISO = /^\d{4}-\d{2}(-\d{2})?$/;

test('every lexicon file parses', () => {
  for (const lang of ['id', 'en', 'common'])
    for (const f of readdirSync(join(LEXICON_DIR, lang)).filter((x) => x.endsWith('.yaml')))
      assert.doesNotThrow(() => load(lang, f.replace(/\.yaml$/, '')), `${lang}/${f}`);
});

test('both coded languages have the same set of lexicon files', () => {
  const files = (l: string) => readdirSync(join(LEXICON_DIR, l)).sort();
  assert.deepEqual(files('id'), files('en'));
});

test('furniture patterns compile and say why they are there', () => {
  for (const lang of ['id', 'en']) {
    const f = load(lang, 'furniture');
    for (const kind of ['line', 'block', 'caption'])
      for (const e of f[kind]) {
        assert.doesNotThrow(() => new RegExp(e.pattern, 'u'), `${lang} ${e.pattern}`);
        assert.ok(e.why, `${lang} ${e.pattern} has no reason`);
        // Lines are matched in lower case, so a pattern without \p{Lu} must not spell capitals (escapes aside).
        const letters = e.pattern.replace(/\\(p\{\w+\}|.)/g, '');
        if (!e.pattern.includes('\\p{Lu}')) assert.doesNotMatch(letters, /[A-Z]/, `${lang} ${e.pattern} must be lower case`);
      }
  }
});

test('event triggers use PLOVER types and CAMEO codes with Goldstein values', () => {
  const cameo = load('common', 'cameo');
  for (const lang of ['id', 'en']) {
    for (const t of load(lang, 'events').triggers) {
      assert.ok((PLOVER_TYPES as readonly string[]).includes(t.type), `${lang} ${t.type}`);
      const code = String(t.cameo);
      assert.ok(
        [code, code.slice(0, 3), code.slice(0, 2)].some((c) => cameo[c]),
        `${lang} CAMEO ${code} has no Goldstein value`,
      );
      assert.ok(Array.isArray(t.phrases) && t.phrases.length, `${lang} ${t.type} has no phrases`);
    }
    const types = new Set(load(lang, 'events').triggers.map((t: { type: string }) => t.type));
    for (const t of PLOVER_TYPES) assert.ok(types.has(t), `${lang} has no trigger for ${t}`);
  }
});

test('people have dated roles with known keys, in order', () => {
  const keys = new Set([
    'head_of_state',
    'head_of_government',
    'vice_president',
    'foreign_minister',
    'deputy_foreign_minister',
    'defense_minister',
    'foreign_ministry_spokesperson',
    'national_security_adviser',
    'special_envoy',
    'unification_minister',
    'un_secretary_general',
    'leader_family',
    'party_official',
    'ambassador',
    'intelligence_chief',
  ]);
  const people = load('common', 'people');
  assert.ok(people.length >= 250, `only ${people.length} people`);
  for (const p of people) {
    assert.match(p.country, /^[A-Z]{2,5}$/, p.name);
    for (const r of p.roles ?? []) {
      assert.ok(keys.has(r.role), `${p.name}: role ${r.role}`);
      if (r.start) assert.match(String(r.start), ISO, `${p.name} start`);
      if (r.end) assert.match(String(r.end), ISO, `${p.name} end`);
      if (r.start && r.end) assert.ok(String(r.start) <= String(r.end), `${p.name}: ${r.start} > ${r.end}`);
    }
  }
  const blinken = people.find((p: { name: string }) => p.name === 'Antony Blinken');
  const sos = blinken.roles.find((r: { role: string }) => r.role === 'foreign_minister');
  assert.deepEqual([String(sos.start), String(sos.end)], ['2021-01-26', '2025-01-20']);
});

test('country codes are unique per language and places name their country', () => {
  for (const lang of ['id', 'en']) {
    const codes = load(lang, 'countries').map((c: { code: string }) => c.code);
    assert.equal(new Set(codes).size, codes.length, `${lang} repeats a code`);
  }
  for (const p of load('common', 'places')) assert.match(p.country, /^[A-Z]{3}$/, p.name);
});
