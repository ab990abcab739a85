// Language identification with franc-min, limited to what kronik codes natively plus "other".
import { franc } from 'franc-min';
import { loadLexicon } from '../lexicon/load.ts';
import { letterRuns } from '../text/tokens.ts';
import type { Language } from '../types.ts';

// franc reads Indonesian news as Standard Malay (zlm) now and then; both are coded as Indonesian.
const TO_LANG: Record<string, Language> = { ind: 'id', zlm: 'id', eng: 'en' };

// Our languages and the widely published ones a news crawl meets most; anything outside them that franc
// still prefers is "other". A short list keeps identification fast (franc compares every candidate).
const CANDIDATES = [
  'ind',
  'zlm',
  'eng',
  'jav',
  'sun',
  'tgl',
  'vie',
  'tha',
  'cmn',
  'jpn',
  'kor',
  'rus',
  'ukr',
  'arb',
  'pes',
  'hin',
  'ben',
  'urd',
  'tur',
  'deu',
  'fra',
  'spa',
  'por',
  'ita',
  'nld',
  'pol',
  'swh',
];

/** The longest lines carry the prose; menus and lists would only blur the sample. */
function sample(text: string): string {
  if (text.length <= 1200) return text;
  const lines = text.split('\n').sort((a, b) => b.length - a.length);
  let out = '';
  for (const l of lines) {
    if (out.length > 1200) break;
    out += `${l}\n`;
  }
  return out;
}

// Very frequent function words of our two languages (lexicons/<lang>/text.yaml `stopwords`): a page
// where one set clearly dominates needs no trigram model.
let stop: { id: Set<string>; en: Set<string> } | null = null;

function stopwordVote(s: string): Language | null {
  stop ??= {
    id: new Set(loadLexicon<{ stopwords?: string[] }>('id', 'text').stopwords ?? []),
    en: new Set(loadLexicon<{ stopwords?: string[] }>('en', 'text').stopwords ?? []),
  };
  let id = 0;
  let en = 0;
  for (const w of letterRuns(s.toLowerCase())) {
    if (stop.id.has(w)) id++;
    else if (stop.en.has(w)) en++;
  }
  if (id >= 12 && id >= 6 * (en + 1)) return 'id';
  if (en >= 12 && en >= 6 * (id + 1)) return 'en';
  return null;
}

/** Whether the text has at least n characters that are not white space (\s). */
function hasVisible(s: string, n: number): boolean {
  let seen = 0;
  for (let i = 0; i < s.length && seen < n; i++) {
    const c = s.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(s[i]);
    if (!space) seen++;
  }
  return seen >= n;
}

export function identifyLanguage(text: string): Language {
  const s = sample(text);
  if (!hasVisible(s, 20)) return 'other';
  const vote = stopwordVote(s);
  if (vote) return vote;
  const code = franc(s, { only: CANDIDATES, minLength: 10 });
  return TO_LANG[code] ?? 'other';
}
