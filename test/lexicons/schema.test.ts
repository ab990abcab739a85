// Lexicon files are checked against their schemas when loaded: a misspelt key is an error naming the file
// and the key, not a rule silently turned off.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { FALLBACK_LANGUAGE, language } from '../../src/lexicon/language.ts';
import { LEXICON_DIR, loadLexicon } from '../../src/lexicon/load.ts';
import { checkLexicon, LEXICON_SCHEMAS } from '../../src/lexicon/schema.ts';

/** Lexicon names in a folder: its YAML files, and its subfolders (a lexicon may be a folder of YAML lists). */
const files = (dir: string) =>
  readdirSync(join(LEXICON_DIR, dir))
    .filter((f) => f.endsWith('.yaml') || statSync(join(LEXICON_DIR, dir, f)).isDirectory())
    .map((f) => f.replace(/\.yaml$/, ''));

test('every lexicon file has a schema and loads through it', () => {
  let checked = 0;
  for (const dir of ['id', 'en', 'common'])
    for (const name of files(dir)) {
      const key = dir === 'common' ? `common/${name}` : name;
      assert.ok(key in LEXICON_SCHEMAS, `lexicons/${dir}/${name} has no schema in src/lexicon/schema.ts`);
      assert.doesNotThrow(() => loadLexicon(dir, name), `lexicons/${dir}/${name}`);
      checked++;
    }
  assert.ok(checked >= 25, `only ${checked} lexicon files found`);
});

const events = () => parse(readFileSync(join(LEXICON_DIR, 'en', 'events.yaml'), 'utf8'));

test('a misspelt key in a trigger is an error naming the file, the entry and the key', () => {
  const data = events();
  data.triggers[2].symetric = true;
  assert.throws(
    () => checkLexicon('events', 'lexicons/en/events.yaml', data),
    (e: Error) => e.message.includes('lexicons/en/events.yaml') && e.message.includes('triggers[2]') && e.message.includes('symetric'),
  );
});

test('a value of the wrong kind, an unknown top-level key and a missing key are errors', () => {
  const wrong = events();
  wrong.triggers[0].within = 'five';
  assert.throws(() => checkLexicon('events', 'ev.yaml', wrong), /triggers\[0\]\.within/);
  const unknown = events();
  unknown.topic_marker = ['on'];
  assert.throws(() => checkLexicon('events', 'ev.yaml', unknown), /topic_marker/);
  const missing = events();
  delete missing.triggers[1].phrases;
  assert.throws(() => checkLexicon('events', 'ev.yaml', missing), /triggers\[1\]\.phrases/);
  const grammar = parse(readFileSync(join(LEXICON_DIR, 'id', 'grammar.yaml'), 'utf8'));
  grammar.subordinator = grammar.subordinators;
  assert.throws(() => checkLexicon('grammar', 'lexicons/id/grammar.yaml', grammar), /lexicons\/id\/grammar\.yaml[\s\S]*subordinator/);
  // An unquoted comma in a flow mapping splits a name into stray keys: caught, not read as half a name.
  assert.throws(
    () => checkLexicon('common/cameo', 'cameo.yaml', parse("'163': {name: Impose embargo, boycott, goldstein: -8.0}")),
    /163[\s\S]*boycott/,
  );
});

test('one language object per coded language; other languages get the fallback one', () => {
  assert.equal(language('en').code, 'en');
  assert.equal(language('id'), language('id'));
  assert.equal(language('other'), language(FALLBACK_LANGUAGE));
  assert.equal(language(language('en')), language('en'));
  let builds = 0;
  const build = () => ({ n: ++builds });
  const a = language('en').compiled('test.counter', build);
  const b = language('en').compiled('test.counter', build);
  assert.equal(a, b);
  assert.equal(builds, 1, 'a compiled form is built once per language');
  assert.equal(language('en').lexicon('grammar').tenseless, false);
});
