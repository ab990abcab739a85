// Text as PostgreSQL can hold it. A `text` value cannot contain NUL ("invalid byte sequence for
// encoding UTF8: 0x00"), and `jsonb` (pg-boss keeps a job's data there) refuses the escape \u0000 and
// a lone surrogate half ("unsupported Unicode escape sequence"). One such character in one page must
// not make the database refuse that page, or a whole batch of jobs with it, so text is made storable
// where it enters: pages as read (before coding, so offsets into the body stay right), job data before
// it goes on the queue, and every row the store writes. SQLite gets the same text, so both backends
// hold the same chronicle.
import type { RawInput } from '../types.ts';

const NUL = /\u0000/g;

/** String.prototype.toWellFormed (ES2024, in Node 20; not in the ES2023 types we compile against). */
type Es2024String = { toWellFormed(): string };
/** Each lone surrogate half replaced by U+FFFD, as a UTF-8 encoder does. */
const toWellFormed = (s: string) => (s as unknown as Es2024String).toWellFormed();

/** NUL or any surrogate half: most text has none, and a compiled regex finds them fastest. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/g;

/** Whether `s` holds nothing PostgreSQL refuses: no NUL, every surrogate half in a pair (no copy is made). */
function storable(s: string): boolean {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(s); m; m = SUSPECT.exec(s)) {
    const c = s.charCodeAt(m.index);
    const next = s.charCodeAt(m.index + 1);
    // A high half followed by a low half is a character outside the BMP (an emoji): skip both.
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) SUSPECT.lastIndex = m.index + 2;
    else return false;
  }
  return true;
}

/** `s` without NUL characters, each lone surrogate half replaced by U+FFFD (as a UTF-8 encoder does). */
export function storableText(s: string): string {
  return storable(s) ? s : toWellFormed(s.replace(NUL, ''));
}

/**
 * `s` with each NUL and lone surrogate half replaced by U+FFFD: the same length, so offsets into it
 * (evidence spans in a document's body) stay right. For rows written by the store, whose text was
 * coded before it got here.
 */
export function storableInPlace(s: string): string {
  return storable(s) ? s : toWellFormed(s.replace(NUL, '\uFFFD'));
}

/** Every string value of a row made storable in place (numbers and nulls as they are). */
export function storableRow<T extends object>(row: T): T {
  let out: T | null = null;
  for (const [k, v] of Object.entries(row)) {
    if (typeof v !== 'string' || storable(v)) continue;
    out ??= { ...row };
    (out as Record<string, unknown>)[k] = storableInPlace(v);
  }
  return out ?? row;
}

/** A container's metadata for a page, with storable text. */
export function storableHints(hints: NonNullable<RawInput['hints']>): NonNullable<RawInput['hints']> {
  const out: NonNullable<RawInput['hints']> = {};
  for (const [k, v] of Object.entries(hints) as [keyof typeof out, string | undefined][]) {
    if (v !== undefined) out[k] = storableText(v);
  }
  return out;
}

/** A page as read, with storable text (NUL removed before anything is coded or queued). */
export function storableRaw(raw: RawInput): RawInput {
  const { doc, path, url, content, hints } = raw;
  const clean =
    storable(doc) &&
    storable(path) &&
    (url === undefined || storable(url)) &&
    storable(content) &&
    (!hints || Object.values(hints).every((v) => v === undefined || storable(v)));
  if (clean) return raw;
  return {
    ...raw,
    doc: storableText(doc),
    path: storableText(path),
    ...(url !== undefined ? { url: storableText(url) } : {}),
    content: storableText(content),
    ...(hints ? { hints: storableHints(hints) } : {}),
  };
}
