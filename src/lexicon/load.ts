// Loads the per-language data files under lexicons/. Language knowledge lives there, not in code.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLexicon } from './schema.ts';
import { parseYamlCached } from './yaml-cache.ts';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LEXICON_DIR = join(REPO_ROOT, 'lexicons');
/** Languages that have their own lexicons. */
export const CODED_LANGUAGES = ['id', 'en'] as const;
export type CodedLanguage = (typeof CODED_LANGUAGES)[number];

const cache = new Map<string, unknown>();

/**
 * Parses lexicons/<lang>/<name>.yaml once per process and checks it against its schema (./schema.ts).
 * `lang` may be "common". A lexicon too large for one file may instead be a folder
 * lexicons/<lang>/<name>/ of YAML lists, read as one list (each file checked on its own).
 */
export function loadLexicon<T>(lang: string, name: string, fallback?: T): T {
  const key = `${lang}/${name}`;
  if (cache.has(key)) return cache.get(key) as T;
  const file = join(LEXICON_DIR, lang, `${name}.yaml`);
  const folder = join(LEXICON_DIR, lang, name);
  const isFolder = existsSync(folder) && statSync(folder).isDirectory();
  if (isFolder && existsSync(file)) throw new Error(`lexicon ${key} is both ${file} and the folder ${folder}: keep one`);
  if (!isFolder && !existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new Error(`lexicon missing: ${file}`);
  }
  const schemaKey = lang === 'common' ? `common/${name}` : name;
  const data = isFolder ? parseLexiconFolder(folder, schemaKey) : checkLexicon(schemaKey, file, parseLexiconFile(file));
  cache.set(key, data);
  return data as T;
}

function parseLexiconFile(file: string): unknown {
  try {
    return parseYamlCached(file, readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`lexicon ${file} does not parse: ${(e as Error).message}`);
  }
}

/**
 * The lists of every *.yaml file in a folder, concatenated in file-name order; with a schema key
 * (./schema.ts), each file is checked against that lexicon's schema.
 */
export function parseLexiconFolder(folder: string, schemaKey?: string): unknown[] {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  if (!files.length) throw new Error(`lexicon folder ${folder} holds no .yaml file`);
  return files.flatMap((f) => {
    const file = join(folder, f);
    const data = parseLexiconFile(file);
    if (!Array.isArray(data)) throw new Error(`lexicon ${file} must hold a list, as every file of its folder does`);
    return schemaKey ? (checkLexicon(schemaKey, file, data) as unknown[]) : data;
  });
}

/** A lexicon regex entry compiled once. */
export interface PatternEntry {
  pattern: string;
  why?: string;
}

export function compilePatterns(entries: PatternEntry[] | undefined, flags = 'iu'): RegExp[] {
  return (entries ?? []).map((e) => {
    try {
      return new RegExp(e.pattern, flags);
    } catch (err) {
      throw new Error(`bad lexicon pattern ${JSON.stringify(e.pattern)}: ${(err as Error).message}`);
    }
  });
}

/** Escapes a literal phrase for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
