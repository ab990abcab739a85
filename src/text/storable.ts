// Text as PostgreSQL can hold it. A `text` value cannot contain NUL ("invalid byte sequence for
// encoding UTF8: 0x00"), and `jsonb` (pg-boss keeps a job's data there) refuses the escape \u0000 and
// a lone surrogate half ("unsupported Unicode escape sequence"). One such character in one page must
// not make the database refuse that page, or a whole batch of jobs with it, so text is made storable
// where it enters: pages as read (before coding, so offsets into the body stay right), job data before
// it goes on the queue, and every row the store writes. SQLite gets the same text, so both backends
// hold the same chronicle.
import type { RawInput } from '../types.ts';

const NUL = /\u0000/g;
/** A high surrogate not followed by a low one, or a low one not after a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** Whether `s` holds nothing PostgreSQL refuses (the common case: no copy is made). */
function storable(s: string): boolean {
  return !s.includes('\u0000') && !(ANY_SURROGATE.test(s) && HAS_LONE_SURROGATE.test(s));
}

/** `s` without NUL characters, each lone surrogate half replaced by U+FFFD (as a UTF-8 encoder does). */
export function storableText(s: string): string {
  return storable(s) ? s : s.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * `s` with each NUL and lone surrogate half replaced by U+FFFD: the same length, so offsets into it
 * (evidence spans in a document's body) stay right. For rows written by the store, whose text was
 * coded before it got here.
 */
export function storableInPlace(s: string): string {
  return storable(s) ? s : s.replace(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
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
