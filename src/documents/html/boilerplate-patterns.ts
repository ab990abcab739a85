// Line-level boilerplate ("page furniture" that survives inside article containers).
//
// The patterns are language knowledge and live in lexicons/common/html-furniture.yaml (any language)
// and lexicons/<lang>/html-furniture.yaml. Every entry is a regular-expression source that must match
// one WHOLE line of extracted text (after whitespace normalisation), case-insensitively unless
// `caseSensitive`, with the `u` flag.
//
// Which entries apply to a page: the common ones always, English always (English labels are common on
// pages in any language), plus the page's own language; all of them when it is unknown.
import { CODED_LANGUAGES, loadLexicon } from '../../lexicon/load.ts';

export type FurnitureKind = 'cross-link' | 'ad' | 'share' | 'credit' | 'subscribe' | 'comment' | 'nav' | 'meta' | 'legal' | 'markup';

export interface FurniturePattern {
  /** ISO 639-1 code, or "*" for entries that hold in any language. */
  lang: string;
  kind: FurnitureKind;
  /** Regular expression source, matched against a whole line. */
  pattern: string;
  /** Match case-sensitively (default: case-insensitive). */
  caseSensitive?: boolean;
}

let all: FurniturePattern[] | null = null;

/** Every HTML furniture pattern of the lexicons, tagged with its language. */
export function boilerplatePatterns(): readonly FurniturePattern[] {
  if (!all) {
    const read = (dir: string, lang: string) =>
      loadLexicon<Omit<FurniturePattern, 'lang'>[]>(dir, 'html-furniture', []).map((e) => ({ ...e, lang }));
    all = [...read('common', '*'), ...CODED_LANGUAGES.flatMap((l) => read(l, l))];
  }
  return all;
}

const cache = new Map<string, RegExp[]>();

/** Compiled whole-line matchers for a page language (see the header for which apply). */
export function furnitureMatchers(lang: string | null): RegExp[] {
  const code = (lang ?? '').toLowerCase().slice(0, 2);
  const hit = cache.get(code);
  if (hit) return hit;
  const out: RegExp[] = [];
  for (const p of boilerplatePatterns()) {
    if (p.lang === '*' || p.lang === 'en' || p.lang === code || code === '') {
      out.push(new RegExp(`^(?:${p.pattern})$`, p.caseSensitive ? 'u' : 'iu'));
    }
  }
  cache.set(code, out);
  return out;
}

/** Whether one line of text is page furniture for a page in `lang`. */
export function isFurnitureLine(line: string, lang: string | null): boolean {
  if (line.length > 300) return false;
  for (const re of furnitureMatchers(lang)) if (re.test(line)) return true;
  return false;
}
