// Parsed lexicon files kept as JSON between processes. Parsing the YAML of every lexicon takes about a
// second on one core (people.yaml alone most of it), the same data read back as JSON about 1/100 of that:
// without the cache, that second is paid by every `kronik` process, each test that spawns one, and each
// page of a whole-process benchmark run.
//
// Entries are keyed by a hash of the YAML text (and of this format's version), so an edited lexicon is
// never read stale: it simply misses and is parsed again. The older entry of the same file is removed then.
// Writes go through a temporary file and a rename, so processes running at once never read half a file.
// Any failure to read or write the cache (read-only home, full disk) only costs the parse.
//
// Where: $KRONIK_CACHE_DIR, else $XDG_CACHE_HOME/kronik, else ~/.cache/kronik. KRONIK_CACHE_DIR=off
// turns the cache off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** Bumped when what is cached for a file changes shape. */
const FORMAT = 'kronik-lexicon-json-1';

export function lexiconCacheDir(): string | null {
  const env = process.env.KRONIK_CACHE_DIR;
  if (env === 'off') return null;
  if (env) return join(env, 'lexicons');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kronik', 'lexicons');
}

// The YAML parser is loaded only on a cache miss (a warm start never needs it).
let yamlParse: ((text: string) => unknown) | null = null;
function parseYaml(text: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown }).parse;
  return yamlParse(text);
}

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
};

/** The data of the YAML `text` read from `file`: from the cache when this exact text was parsed before. */
export function parseYamlCached(file: string, text: string): unknown {
  const dir = lexiconCacheDir();
  if (!dir) return parseYaml(text);
  const fileKey = hash(file).slice(0, 16);
  const name = `${fileKey}-${hash(FORMAT, text)}.json`;
  const path = join(dir, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    /* a miss (or an unreadable entry): parse */
  }
  const data = parseYaml(text);
  const json = JSON.stringify(data);
  // Only data that JSON carries unchanged is cached (YAML could hold .inf or .nan; ours does not).
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) return data;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, json);
    renameSync(tmp, path);
    for (const f of readdirSync(dir)) if (f.startsWith(`${fileKey}-`) && f !== name) rmSync(join(dir, f), { force: true });
  } catch {
    /* no cache here: the next process parses again */
  }
  return data;
}
