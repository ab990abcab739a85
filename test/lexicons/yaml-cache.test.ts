// The lexicon cache between processes: the same data as the YAML parse, never stale after an edit, one
// entry per file, and nothing written when it is turned off.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { lexiconCacheDir, parseYamlCached } from '../../src/lexicon/yaml-cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kronik-yaml-cache-'));
const saved = process.env.KRONIK_CACHE_DIR;
process.env.KRONIK_CACHE_DIR = join(scratch, 'cache');
after(() => {
  if (saved === undefined) delete process.env.KRONIK_CACHE_DIR;
  else process.env.KRONIK_CACHE_DIR = saved;
  rmSync(scratch, { recursive: true, force: true });
});

const file = join(scratch, 'events.yaml');
const v1 = `# why: a comment\nvisit:\n  - {phrase: "berkunjung ke", mode: visit}\n  - {phrase: tiba di, requires: [untuk, agar]}\nyears: [2019, 2020]\nempty: null\n`;
const v2 = v1.replace('tiba di', 'mendarat di');
const entries = () => readdirSync(lexiconCacheDir() as string).filter((f) => f.endsWith('.json'));

test('a miss parses and stores; a hit gives the same data back', () => {
  writeFileSync(file, v1);
  assert.deepEqual(parseYamlCached(file, v1), parse(v1));
  assert.equal(entries().length, 1);
  assert.deepEqual(parseYamlCached(file, v1), parse(v1));
  assert.equal(entries().length, 1);
});

test('an edited file is parsed again, and its old entry removed', () => {
  const data = parseYamlCached(file, v2) as { visit: { phrase: string }[] };
  assert.equal(data.visit[1].phrase, 'mendarat di');
  assert.deepEqual(data, parse(v2));
  assert.equal(entries().length, 1);
  assert.deepEqual(parseYamlCached(file, v2), parse(v2));
});

test('another file has its own entry', () => {
  const other = join(scratch, 'time.yaml');
  parseYamlCached(other, v1);
  assert.equal(entries().length, 2);
});

test('values JSON cannot carry are parsed every time, never cached', () => {
  const before = entries().length;
  const text = 'limit: .inf\n';
  assert.equal((parseYamlCached(join(scratch, 'inf.yaml'), text) as { limit: number }).limit, Number.POSITIVE_INFINITY);
  assert.equal(entries().length, before);
});

test('KRONIK_CACHE_DIR=off parses without writing', () => {
  process.env.KRONIK_CACHE_DIR = 'off';
  try {
    assert.equal(lexiconCacheDir(), null);
    assert.deepEqual(parseYamlCached(join(scratch, 'off.yaml'), v1), parse(v1));
  } finally {
    process.env.KRONIK_CACHE_DIR = join(scratch, 'cache');
  }
  assert.equal(entries().length, 2);
});
