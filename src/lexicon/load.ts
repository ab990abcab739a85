// Loads the per-language data files under lexicons/. Language knowledge lives there, not in code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkLexicon } from './schema.ts';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LEXICON_DIR = join(REPO_ROOT, 'lexicons');
/** Languages that have their own lexicons. */
export const CODED_LANGUAGES = ['id', 'en'] as const;
export type CodedLanguage = (typeof CODED_LANGUAGES)[number];

const cache = new Map<string, unknown>();

/**
 * Parses lexicons/<lang>/<name>.yaml once per process and checks it against its schema (./schema.ts).
 * `lang` may be "common".
 */
export function loadLexicon<T>(lang: string, name: string, fallback?: T): T {
  const key = `${lang}/${name}`;
  if (cache.has(key)) return cache.get(key) as T;
  const file = join(LEXICON_DIR, lang, `${name}.yaml`);
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new Error(`lexicon missing: ${file}`);
  }
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`lexicon ${file} does not parse: ${(e as Error).message}`);
  }
  data = checkLexicon(lang === 'common' ? `common/${name}` : name, file, data);
  cache.set(key, data);
  return data as T;
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
