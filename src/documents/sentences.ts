// Sentence splitter with character offsets into the body. Aware of abbreviations (from
// lexicons/<lang>/text.yaml), initials, decimal numbers (15.00, 3.500) and closing quotes.
import { language } from '../lexicon/language.ts';
import type { Sentence } from '../types.ts';

const abbrevCache = new Map<string, Set<string>>();

function abbreviations(lang: string): Set<string> {
  let s = abbrevCache.get(lang);
  if (!s) {
    const own = language(lang).lexicon('text').abbreviations ?? [];
    s = new Set(own.map(String));
    abbrevCache.set(lang, s);
  }
  return s;
}

// A terminator, optional closing quotes/brackets, whitespace, then what may start a sentence. Real pages
// also glue sentences together with no space ("tahun lalu.“Senang bisa …", "60 miliar dolar.China …").
const BOUNDARY = /([.!?]+|…)(["”’')\]]*)(\s*)(?=["“‘([]?[\p{Lu}\p{N}])/gu;
// A glued boundary needs a word before the terminator ("dolar.", "(6/8).") and a capitalised word after it,
// so that "U.S.A", "Ph.D", "KOMPAS.com" and "15.00" stay whole.
const GLUED_BEFORE = /[\p{Ll}\p{N})\]%]$/u;
const GLUED_AFTER = /^["“‘([]?\p{Lu}\p{L}/u;

/**
 * The longest "sentence" handed on, in characters. A run of text with no sentence end longer than this
 * (a list, a table flattened into text, a page with no punctuation) is cut into pieces at a clause
 * break (";", ",", a dash) or else a space, so that the coder's work stays near-linear in the length
 * of the page. Real sentences stay far below it.
 */
export const MAX_SENTENCE_CHARS = 1200;

export function splitSentences(body: string, lang: string): Sentence[] {
  const abbr = abbreviations(lang);
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    while (end - start > MAX_SENTENCE_CHARS) {
      const cut = cutPoint(body, start, start + MAX_SENTENCE_CHARS);
      push(start, cut);
      start = cut;
      while (start < end && /\s/.test(body[start])) start++;
    }
    if (end > start) out.push({ start, end, text: body.slice(start, end) });
  };
  // Paragraph breaks always end a sentence.
  const para = /\n\s*\n|\n/g;
  let pStart = 0;
  const paragraphs: [number, number][] = [];
  for (let m = para.exec(body); m; m = para.exec(body)) {
    paragraphs.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  paragraphs.push([pStart, body.length]);
  for (const [ps, pe] of paragraphs) {
    const text = body.slice(ps, pe);
    let sStart = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
      const dotAt = m.index;
      let closers = m[2];
      if (!m[3]) {
        const after = dotAt + m[0].length;
        if (!GLUED_BEFORE.test(text.slice(Math.max(0, dotAt - 1), dotAt)) || !GLUED_AFTER.test(text.slice(after, after + 3))) continue;
        // A straight quote right after the terminator closes a quotation only if one is open; else it opens the next sentence.
        if (closers.endsWith('"') && countQuotes(text, 0, dotAt) % 2 === 0) closers = closers.slice(0, -1);
      }
      if (m[1] === '.') {
        const before = text.slice(Math.max(sStart, dotAt - 20), dotAt);
        const token = /([\p{L}\p{N}.]+)$/u.exec(before)?.[1] ?? '';
        // Abbreviation ("Tn.", "U.S."), a single-letter initial ("Rahmah N."), or "No." before a number.
        if (abbr.has(token) || abbr.has(token.replace(/\.$/, '')) || /^\p{Lu}$/u.test(token)) continue;
        // A paragraph that opens with a list number ("1. Bantuan tiba …") or a dateline in capitals ("JAKARTA. Rapat …").
        if (text.slice(sStart, dotAt).trim() === token && /^(\d{1,2}|\p{Lu}{3,})$/u.test(token) && sStart === 0) continue;
      }
      const end = dotAt + m[1].length + closers.length;
      push(ps + sStart, ps + end);
      sStart = end + m[3].length;
    }
    push(ps + sStart, pe);
  }
  return out;
}

/** Where to cut body[start, limit): after the last clause break in its second half, else at its last space, else at the limit. */
function cutPoint(body: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  let space = -1;
  for (let i = limit - 1; i > half; i--) {
    const c = body[i];
    if ((c === ';' || c === ',' || c === '—' || c === '–') && /\s/.test(body[i + 1] ?? '')) return i + 1;
    if (space < 0 && /\s/.test(c)) space = i;
  }
  return space > 0 ? space : limit;
}

/** Straight double quotes in text[from, to). */
function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 34) n++;
  return n;
}
