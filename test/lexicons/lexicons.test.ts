// Every lexicon file parses and every entry is usable: patterns compile, codes and dates are valid.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { Person } from '../../src/actors/lexicon.ts';
import { LEXICON_DIR, loadLexicon, parseLexiconFolder } from '../../src/lexicon/load.ts';
import { PLOVER_TYPES } from '../../src/types.ts';

const load = (lang: string, name: string) => parse(readFileSync(join(LEXICON_DIR, lang, `${name}.yaml`), 'utf8'));
const ISO = /^\d{4}-\d{2}(-\d{2})?$/;

test('every lexicon file parses, and every folder lexicon reads as one list', () => {
  for (const lang of ['id', 'en', 'common'])
    for (const f of readdirSync(join(LEXICON_DIR, lang))) {
      if (f.endsWith('.yaml')) assert.doesNotThrow(() => load(lang, f.replace(/\.yaml$/, '')), `${lang}/${f}`);
      else if (statSync(join(LEXICON_DIR, lang, f)).isDirectory())
        assert.ok(parseLexiconFolder(join(LEXICON_DIR, lang, f)).length, `${lang}/${f}/ is empty`);
    }
});

test('a folder lexicon is the lists of its YAML files in file-name order; a file that is no list is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronik-lexicon-'));
  try {
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'people', 'b.yaml'), '- name: B\n');
    writeFileSync(join(dir, 'people', 'a.yaml'), '# first\n- name: A1\n- name: A2\n');
    writeFileSync(join(dir, 'people', 'README.md'), 'not read');
    assert.deepEqual(parseLexiconFolder(join(dir, 'people')), [{ name: 'A1' }, { name: 'A2' }, { name: 'B' }]);
    writeFileSync(join(dir, 'people', 'c.yaml'), 'name: C\n');
    assert.throws(() => parseLexiconFolder(join(dir, 'people')), /c\.yaml must hold a list/);
    writeFileSync(join(dir, 'people', 'c.yaml'), '- name: [C\n');
    assert.throws(() => parseLexiconFolder(join(dir, 'people')), /c\.yaml does not parse/);
    mkdirSync(join(dir, 'empty'));
    assert.throws(() => parseLexiconFolder(join(dir, 'empty')), /holds no \.yaml file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('both coded languages have the same set of lexicon files', () => {
  const files = (l: string) => readdirSync(join(LEXICON_DIR, l)).sort();
  assert.deepEqual(files('id'), files('en'));
});

test('furniture patterns compile and say why they are there', () => {
  let count = 0;
  for (const lang of ['id', 'en', 'common']) {
    const f = load(lang, 'furniture');
    for (const kind of ['line', 'block', 'caption', 'lead'])
      for (const e of f[kind] ?? []) {
        count++;
        assert.doesNotThrow(() => new RegExp(e.pattern, 'u'), `${lang} ${e.pattern}`);
        assert.ok(e.why, `${lang} ${e.pattern} has no reason`);
        // Lines are matched in lower case, so a pattern without \p{Lu} must not spell capitals (escapes aside).
        const letters = e.pattern.replace(/\\(p\{\w+\}|.)/g, '');
        if (!e.pattern.includes('\\p{Lu}')) assert.doesNotMatch(letters, /[A-Z]/, `${lang} ${e.pattern} must be lower case`);
      }
  }
  assert.ok(count > 100, `only ${count} furniture patterns`);
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
  const people = loadLexicon<Person[]>('common', 'people');
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
  const blinken = people.find((p) => p.name === 'Antony Blinken');
  const sos = blinken?.roles?.find((r) => r.role === 'foreign_minister');
  assert.deepEqual([String(sos?.start), String(sos?.end)], ['2021-01-26', '2025-01-20']);
});

test('a name or alias names one person, and no alias is a bare surname', () => {
  const people = loadLexicon<Person[]>('common', 'people');
  const owner = new Map<string, string>();
  for (const p of people) {
    const last = p.name.split(/\s+/).at(-1)?.toLowerCase();
    for (const n of new Set([p.name, ...(p.aliases ?? [])].map((x) => x.toLowerCase()))) {
      const other = owner.get(n);
      assert.ok(other === undefined, `"${n}" names both ${other} and ${p.name}`);
      owner.set(n, p.name);
    }
    for (const a of p.aliases ?? [])
      assert.ok(/\s/.test(a.trim()) || a.toLowerCase() !== last, `${p.name}: alias "${a}" is a bare surname`);
  }
  assert.ok(owner.size > people.length, 'people have aliases');
});

test('an office with one holder has one holder at a time, acting and caretaker holders aside', () => {
  const single = new Set(['head_of_state', 'head_of_government', 'foreign_minister', 'defense_minister']);
  const terms = new Map<string, { who: string; start: string; end: string; acting: boolean }[]>();
  for (const p of loadLexicon<Person[]>('common', 'people'))
    for (const r of p.roles ?? []) {
      if (!single.has(r.role) || !r.start) continue;
      const key = `${r.country ?? p.country}:${r.role}`;
      const acting = /\b(acting|caretaker|interim)\b/i.test(r.title ?? '');
      terms.set(key, [...(terms.get(key) ?? []), { who: p.name, start: String(r.start), end: String(r.end ?? '9999'), acting }]);
    }
  // A date known only to the month ("2005-11") is compared to the month.
  const before = (a: string, b: string) => {
    const n = Math.min(a.length, b.length);
    return a.slice(0, n) < b.slice(0, n);
  };
  let compared = 0;
  for (const [key, list] of terms) {
    list.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.who === b.who || a.acting || b.acting) continue;
        compared++;
        assert.ok(!before(b.start, a.end), `${key}: ${a.who} (${a.start} to ${a.end}) overlaps ${b.who} (from ${b.start})`);
      }
  }
  assert.ok(compared > 1000, `only ${compared} pairs of terms compared`);
});

test('country codes are unique per language and places name their country', () => {
  for (const lang of ['id', 'en']) {
    const codes = load(lang, 'countries').map((c: { code: string }) => c.code);
    assert.equal(new Set(codes).size, codes.length, `${lang} repeats a code`);
  }
  for (const p of load('common', 'places')) assert.match(p.country, /^[A-Z]{3}$/, p.name);
});
