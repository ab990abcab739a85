// One object per coded language: its lexicon files (parsed and checked once) and whatever is compiled
// from them (phrase matchers, date grammars), built on first use and kept for the process. Code asks
// `language(code)` instead of choosing lexicon folders itself.

import type { z } from 'zod';
import { CODED_LANGUAGES, type CodedLanguage, loadLexicon } from './load.ts';
import type { LEXICON_SCHEMAS } from './schema.ts';

/** Pages in a language kronik has no lexicons for are read with the lexicons of its main corpus language. */
export const FALLBACK_LANGUAGE: CodedLanguage = 'id';

type PerLanguageName = Exclude<keyof typeof LEXICON_SCHEMAS, `common/${string}`>;
export type LexiconData<N extends PerLanguageName> = z.infer<(typeof LEXICON_SCHEMAS)[N]>;

export class Language {
  private readonly built = new Map<string, unknown>();

  constructor(readonly code: CodedLanguage) {}

  /** lexicons/<code>/<name>.yaml, checked against its schema. */
  lexicon<N extends PerLanguageName>(name: N): LexiconData<N> {
    return loadLexicon<LexiconData<N>>(this.code, name);
  }

  /**
   * What `build` compiles from this language's lexicons, built once: `key` names the product
   * ("events", "actors", "time"). Modules that own a compiled form ask for it here, so that each
   * language's matchers exist once per process.
   */
  compiled<T>(key: string, build: (lang: Language) => T): T {
    if (this.built.has(key)) return this.built.get(key) as T;
    const product = build(this);
    this.built.set(key, product);
    return product;
  }
}

const languages = new Map<CodedLanguage, Language>();

/** The language object of a document language code ("id", "en"; any other code gets FALLBACK_LANGUAGE's). */
export function language(code: string | Language): Language {
  if (code instanceof Language) return code;
  const coded = (CODED_LANGUAGES as readonly string[]).includes(code) ? (code as CodedLanguage) : FALLBACK_LANGUAGE;
  let lang = languages.get(coded);
  if (!lang) {
    lang = new Language(coded);
    languages.set(coded, lang);
  }
  return lang;
}
