// Unicode character classes by table lookup: the tokenizer and the line classifier test every character
// of a page, and a Unicode property regex per character would dominate their time.

export const LETTER = 1; // \p{L}
export const NUMBER = 2; // \p{N}
export const SPACE = 4; // \s
export const UPPER = 8; // \p{Lu}
export const LOWER = 16; // \p{Ll}
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

/** Class bits of the code point at i (a surrogate pair is one code point, as in a /u regex). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
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
export function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
