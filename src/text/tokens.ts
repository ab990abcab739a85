// Tokens with offsets, and a phrase matcher (a trie over normalised tokens) used for every lexicon:
// countries, places, people, roles, event triggers and modality cues.

export interface Token {
  text: string;
  /** Lower case, without diacritics. */
  norm: string;
  start: number;
  end: number;
  /** True for words; false for punctuation. */
  word: boolean;
  /** Joined to the previous word by a hyphen ("Tae-yul", "antar-Korea"). */
  hyphenJoined: boolean;
  /** For the phrase matchers: the number of `norm` among the words of all lexicons (-1: none), as of `vocab`. */
  id: number;
  /** The size of the lexicons' vocabulary when `id` was looked up (-1: not yet). */
  vocab: number;
}

// Dotted abbreviations (U.S., D.C.), words (split at hyphens), numbers with separators, or one punctuation mark.
// The possessive "'s" is its own token ("Korea's" → "Korea", "'s"). As a regular expression (the scanner
// below finds the same matches without running a Unicode regex over every page):
// /(\p{L}\.(?:\p{L}\.)+)|(\d+(?:[.,:/]\d+)+)|([\p{L}\p{N}]+(?:['’](?![sS](?![\p{L}]))[\p{L}]+)?)|(['’][sS](?![\p{L}]))|([^\s\p{L}\p{N}])/gu

/** Whether every character is printable ASCII (tested per code, as this runs for every token). */
function printableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

export function normalise(s: string): string {
  // Most tokens are plain ASCII: lower-casing is all they need.
  if (printableAscii(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’]/g, "'").toLowerCase();
}

// Unicode character classes by table lookup: the tokenizer and the word counter test every character of a
// page, and a Unicode property regex per character would dominate their time. (Kept in this module: under
// tsx an imported function is called through a getter, too slow for a per-character call.)
const LETTER = 1; // \p{L}
const NUMBER = 2; // \p{N}
const SPACE = 4; // \s
const UPPER = 8; // \p{Lu}
const LOWER = 16; // \p{Ll}
const KNOWN = 32;

// Per UTF-16 code unit, filled on first use from the same Unicode regexes.
const unitClass = new Uint8Array(65536);

function classOfChar(ch: string): number {
  return (
    KNOWN |
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{N}/u.test(ch) ? NUMBER : 0) |
    (/\s/u.test(ch) ? SPACE : 0) |
    (/\p{Lu}/u.test(ch) ? UPPER : 0) |
    (/\p{Ll}/u.test(ch) ? LOWER : 0)
  );
}

const asciiClass = Uint8Array.from({ length: 128 }, (_, c) => classOfChar(String.fromCharCode(c)));

/** Class bits of the code point at i (a surrogate pair is one code point, as in a /u regex). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return asciiClass[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOfChar(text.slice(i, i + 2));
  }
  let k = unitClass[c];
  if (!k) {
    k = classOfChar(text[i]);
    unitClass[c] = k;
  }
  return k;
}

/** Length in code units of the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Whether a text starts with an upper-case letter: /^\p{Lu}/u by table lookup. */
export function startsUpper(text: string): boolean {
  return text.length > 0 && (classAt(text, 0) & UPPER) !== 0;
}

/** Whether a text starts with an upper-case letter and then a lower-case one: /^\p{Lu}\p{Ll}/u by table lookup. */
export function startsCapitalised(text: string): boolean {
  if (!startsUpper(text)) return false;
  const w = widthAt(text, 0);
  return w < text.length && (classAt(text, w) & LOWER) !== 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isS = (c: number) => c === 115 || c === 83;
const isLetterAt = (text: string, i: number) => i < text.length && (classAt(text, i) & LETTER) !== 0;

/** End of the token that starts at i (i is not a space). */
function tokenEnd(text: string, i: number): number {
  const n = text.length;
  const k = classAt(text, i);
  const c = text.charCodeAt(i);
  // A dotted abbreviation: a letter and a dot, then at least one more letter-and-dot.
  if (k & LETTER) {
    let q = i + widthAt(text, i);
    if (text.charCodeAt(q) === 46) {
      q++;
      let pairs = 0;
      while (isLetterAt(text, q) && text.charCodeAt(q + widthAt(text, q)) === 46) {
        q += widthAt(text, q) + 1;
        pairs++;
      }
      if (pairs) return q;
    }
  }
  // A number with separators: digits, then at least one separator followed by digits.
  if (isDigit(c)) {
    let q = i;
    while (isDigit(text.charCodeAt(q))) q++;
    let groups = 0;
    for (;;) {
      const sep = text.charCodeAt(q);
      if (!(sep === 46 || sep === 44 || sep === 58 || sep === 47) || !isDigit(text.charCodeAt(q + 1))) break;
      q++;
      while (isDigit(text.charCodeAt(q))) q++;
      groups++;
    }
    if (groups) return q;
  }
  // A word: letters and numbers, and an elision after an apostrophe unless it is the possessive "'s".
  if (k & (LETTER | NUMBER)) {
    let q = i;
    // (ASCII characters by the table alone: most words are all ASCII.)
    while (q < n) {
      const d = text.charCodeAt(q);
      if (d < 128) {
        if (!(asciiClass[d] & (LETTER | NUMBER))) break;
        q++;
      } else if (classAt(text, q) & (LETTER | NUMBER)) q += widthAt(text, q);
      else break;
    }
    if (isApostrophe(text.charCodeAt(q))) {
      const a = q + 1;
      const possessive = isS(text.charCodeAt(a)) && !isLetterAt(text, a + 1);
      if (!possessive && isLetterAt(text, a)) {
        let r = a;
        while (isLetterAt(text, r)) r += widthAt(text, r);
        q = r;
      }
    }
    return q;
  }
  // The possessive "'s".
  if (isApostrophe(c) && isS(text.charCodeAt(i + 1)) && !isLetterAt(text, i + 2)) return i + 2;
  return i + widthAt(text, i);
}

/** `normalise` of an all printable ASCII token (null for any other): the token itself when it has no capital. */
function asciiLower(t: string): string | null {
  let upper = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return null;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? t.toLowerCase() : t;
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 32 || classAt(text, i) & SPACE) {
      i += c === 32 ? 1 : widthAt(text, i);
      continue;
    }
    const index = i;
    const end = tokenEnd(text, i);
    i = end;
    // Punctuation: one mark that starts no word, number or possessive "'s".
    const punct = !(classAt(text, index) & (LETTER | NUMBER)) && !(isApostrophe(c) && end === index + 2);
    const t = text.slice(index, end);
    const start = offset + index;
    const prev = out[out.length - 1];
    if (t === '-' && prev?.word && prev.end === start && /[\p{L}\p{N}]/u.test(text[index + 1] ?? '')) {
      // A hyphen inside a word: drop it, mark the next word as joined.
      continue;
    }
    const word = !punct;
    const joined = word && !!prev && prev.word && text[index - 1] === '-' && prev.end === start - 1;
    out.push({ text: t, norm: asciiLower(t) ?? normalise(t), start, end: start + t.length, word, hyphenJoined: joined, id: -1, vocab: -1 });
  }
  return out;
}

const WORD_CHAR = LETTER | NUMBER;
const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019; // - ' ’

/**
 * The words of a line as `words` (clean-text.ts) finds them (runs of letters and digits, joined by a hyphen or
 * an apostrophe), counted without building them: all of them, those that start with a letter, and among
 * these the upper- and lower-case ones.
 */
export function wordInitials(line: string): { count: number; lettered: number; upper: number; lower: number } {
  let count = 0;
  let lettered = 0;
  let upper = 0;
  let lower = 0;
  const n = line.length;
  for (let i = 0; i < n; ) {
    const k = classAt(line, i);
    i += widthAt(line, i);
    if (!(k & WORD_CHAR)) continue;
    count++;
    if (k & LETTER) {
      lettered++;
      if (k & UPPER) upper++;
      else if (k & LOWER) lower++;
    }
    // The rest of the word: letters and digits, and more of them after a hyphen or an apostrophe.
    for (;;) {
      while (i < n && classAt(line, i) & WORD_CHAR) i += widthAt(line, i);
      if (i + 1 < n && isJoiner(line.charCodeAt(i)) && classAt(line, i + 1) & WORD_CHAR) i++;
      else break;
    }
  }
  return { count, lettered, upper, lower };
}

/** The runs of letters of a text, as /\p{L}+/gu matches them. */
export function letterRuns(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!(classAt(text, i) & LETTER)) {
      i += widthAt(text, i);
      continue;
    }
    const start = i;
    while (i < n && classAt(text, i) & LETTER) i += widthAt(text, i);
    out.push(text.slice(start, i));
  }
  return out;
}

/** Phrase entries keep their own payload; `exact` compares the surface text case-sensitively. */
export interface PhraseEntry<T> {
  payload: T;
  exact?: string[];
  /** The last token matches any word starting with it ("kunjung*" → "kunjungan", "kunjungannya"). */
  prefixLast?: boolean;
  /** The first letter of the first token must be upper case (names). */
  capitalised?: boolean;
}

// Every word of every phrase matcher, numbered: a token looks its word up here once; each matcher then tells by
// one bit whether a phrase of its own starts with it, and its trie goes by the number (a small integer key), not
// by hashing and comparing the word again per lexicon.
const vocabulary = new Map<string, number>();
/** `vocabulary.size`, kept as a plain number: read at every token of every match. */
let vocabularySize = 0;
/** Per word number, a bit for each phrase matcher (its `bit`) that has a phrase starting with that word. */
let startsPhrase = new Int32Array(4096);
/** Phrase matchers made so far: the first 31 get a bit of their own in `startsPhrase`. */
let matchers = 0;

function wordNumber(norm: string): number {
  let id = vocabulary.get(norm);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(norm, id);
    vocabularySize = vocabulary.size;
    if (id >= startsPhrase.length) {
      const grown = new Int32Array(startsPhrase.length * 2);
      grown.set(startsPhrase);
      startsPhrase = grown;
    }
  }
  return id;
}

/** The number of a token's word in the vocabulary, or -1 (looked up again when lexicons added words since). */
function tokenWord(t: Token): number {
  if (t.vocab === vocabularySize) return t.id;
  t.id = vocabulary.get(t.norm) ?? -1;
  t.vocab = vocabularySize;
  return t.id;
}

// (Each part of a node is null while empty: a test for null is cheaper than a Map's size at every step of a match.)
interface TrieNode<T> {
  /** Children by word number (see `vocabulary`). */
  next: Map<number, TrieNode<T>> | null;
  entries: PhraseEntry<T>[] | null;
  /** Prefix entries ("kunjung*") by the first two letters of their stem, so a token checks only a few. */
  prefixEntries: Map<number, { stem: string; entry: PhraseEntry<T> }[]> | null;
}

export interface PhraseMatch<T> {
  /** Token indexes [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  payload: T;
  /** Every entry of the longest phrase, in lexicon order: one phrase may have several readings. */
  alternatives: T[];
}

const node = <T>(): TrieNode<T> => ({ next: null, entries: null, prefixEntries: null });

/** The first two characters of a word as one number (a one-letter word keeps its own key): no substring per lookup. */
function firstTwo(s: string): number {
  if (s.length >= 2) return 65536 + s.charCodeAt(0) * 65536 + s.charCodeAt(1);
  return s.length ? s.charCodeAt(0) : -1;
}

export class PhraseMatcher<T> {
  private root: TrieNode<T> = node();
  /** This matcher's bit in `startsPhrase` (0 past the 31st matcher: its first words are then looked up in its trie). */
  private bit = matchers < 31 ? 1 << matchers++ : 0;
  size = 0;

  /** Adds a phrase: its words are tokenised like the text. A trailing `*` makes the last word a prefix. */
  add(phrase: string, payload: T, opts: { caseSensitive?: boolean; capitalised?: boolean } = {}): void {
    const prefix = phrase.endsWith('*');
    const toks = tokenize(prefix ? phrase.slice(0, -1) : phrase);
    if (!toks.length) return;
    const entry: PhraseEntry<T> = { payload, capitalised: opts.capitalised };
    if (opts.caseSensitive) entry.exact = toks.map((t) => t.text);
    let n = this.root;
    const upto = prefix ? toks.length - 1 : toks.length;
    for (let i = 0; i < upto; i++) {
      const w = wordNumber(toks[i].norm);
      n.next ??= new Map();
      let c = n.next.get(w);
      if (!c) {
        c = node();
        n.next.set(w, c);
      }
      if (i === 0) startsPhrase[w] |= this.bit;
      n = c;
    }
    if (prefix) {
      entry.prefixLast = true;
      const stem = toks[toks.length - 1].norm;
      const key = firstTwo(stem);
      n.prefixEntries ??= new Map();
      const list = n.prefixEntries.get(key) ?? [];
      list.push({ stem, entry });
      n.prefixEntries.set(key, list);
    } else (n.entries ??= []).push(entry);
    this.size++;
  }

  /** Longest match starting at token i (or null). */
  matchAt(tokens: Token[], i: number, accept?: (p: T) => boolean): PhraseMatch<T> | null {
    // Called at every token of every sentence for each lexicon: most calls end at the first lookup,
    // so empty lists and maps are skipped without allocating.
    let n: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; n; j++) {
      if (j > i && n.entries !== null) {
        for (const e of n.entries) if (this.ok(e, tokens, i, j, accept)) best = this.keep(best, tokens, i, j, e.payload);
      }
      if (j >= tokens.length) break;
      const t = tokens[j];
      if (n.prefixEntries !== null) {
        const list = n.prefixEntries.get(firstTwo(t.norm));
        if (list)
          for (const pe of list) {
            if (t.word && t.norm.startsWith(pe.stem) && this.ok(pe.entry, tokens, i, j + 1, accept))
              best = this.keep(best, tokens, i, j + 1, pe.entry.payload);
          }
      }
      // Punctuation inside a phrase must match exactly; a hyphen-joined word continues the phrase.
      if (n.next === null) break;
      const w = tokenWord(t);
      n = w >= 0 ? n.next.get(w) : undefined;
    }
    return best;
  }

  private ok(e: PhraseEntry<T>, tokens: Token[], i: number, j: number, accept?: (p: T) => boolean): boolean {
    if (e.exact) {
      for (let k = 0; k < e.exact.length && i + k < j; k++) if (tokens[i + k].text !== e.exact[k]) return false;
    }
    if (e.capitalised && !(classAt(tokens[i].text, 0) & UPPER)) return false;
    return accept ? accept(e.payload) : true;
  }

  /** A longer match replaces the best so far; one of the same length adds a reading (the last wins as payload). */
  private keep(best: PhraseMatch<T> | null, tokens: Token[], i: number, j: number, payload: T): PhraseMatch<T> {
    if (best && best.to === j) {
      best.alternatives.push(payload);
      best.payload = payload;
      return best;
    }
    if (best && best.to > j) return best;
    return { from: i, to: j, start: tokens[i].start, end: tokens[j - 1].end, payload, alternatives: [payload] };
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: Token[], accept?: (p: T) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    // Most tokens start no phrase: a word that starts none (no phrase's first word, no one-word prefix's first
    // two letters) is passed over here, without a call.
    const first = this.root.next;
    const bit = this.bit;
    const prefixes = this.root.prefixEntries;
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      const w = tokenWord(t);
      if ((w < 0 || !(bit ? startsPhrase[w] & bit : first?.has(w))) && !prefixes?.has(firstTwo(t.norm))) {
        i++;
        continue;
      }
      const m = this.matchAt(tokens, i, accept);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
