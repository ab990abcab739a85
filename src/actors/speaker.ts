// Who "I", "we", "saya", "kami" are: first-person words in news text stand inside quotes, and mean the
// person the quote is attributed to ("Kami akan berkunjung ke …," ucap Jokowi; "We agreed …," Blinken said).
import type { Token } from '../text/tokens.ts';

/** Any actor phrase of a sentence, by token positions. */
export interface Span {
  from: number;
  to: number;
}

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„']);

/** How far (in tokens) a speech verb may stand from the quote it attributes. */
const ATTRIBUTION_REACH = 4;

/** The quote marks around token `at` (-1 / tokens.length where the sentence shows none: a quote told on). */
export function quoteAround(tokens: Token[], at: number): [number, number] {
  const isQuote = (i: number) => !tokens[i].word && QUOTE_MARKS.has(tokens[i].text);
  let open = -1;
  for (let i = at - 1; i >= 0; i--)
    if (isQuote(i)) {
      open = i;
      break;
    }
  let close = tokens.length;
  for (let i = at + 1; i < tokens.length; i++)
    if (isQuote(i)) {
      close = i;
      break;
    }
  return [open, close];
}

/**
 * The phrase naming the speaker of a first-person word at token `at`: the actor a speech verb outside the
 * quote attributes it to ("…," kata Retno / Retno said: "…"), or "previous" when the sentence names none
 * (the quote goes on from an earlier sentence, or the attribution is a pronoun suffix such as "ucapnya"):
 * then the speaker is the person named last.
 */
export function quotedSpeaker<G extends Span>(
  tokens: Token[],
  groups: G[],
  at: number,
  speechVerbs: ReadonlySet<string>,
  candidate: (g: G) => boolean,
): G | 'previous' {
  const [open, close] = quoteAround(tokens, at);
  const outside = (g: G) => g.to <= open || g.from > close;
  // The speech verb after the quote ("…," ujar Retno), else before it (Retno berkata: "…").
  const verbAt = (from: number, to: number) => {
    for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) if (speechVerbs.has(tokens[i].norm)) return i;
    return -1;
  };
  let verb = close < tokens.length ? verbAt(close + 1, close + 1 + ATTRIBUTION_REACH) : -1;
  if (verb < 0 && close < tokens.length) {
    // "…," Japanese Foreign Minister Yoko Kamikawa told reporters: a long name between the quote and the verb.
    const named = groups.find((g) => g.from > close && g.from <= close + 2 && candidate(g));
    if (named && speechVerbs.has(tokens[named.to]?.norm ?? '')) return named;
  }
  if (verb < 0 && open >= 0) verb = verbAt(open - ATTRIBUTION_REACH, open);
  if (verb < 0) return 'previous';
  // The speaker stands right after the verb ("kata Retno", "said Blinken") or right before it ("Blinken said").
  const after = groups.find((g) => g.from > verb && g.from <= verb + ATTRIBUTION_REACH && outside(g) && candidate(g));
  if (after) return after;
  const before = groups.find((g) => g.to <= verb && g.to >= verb - 1 && outside(g) && candidate(g));
  return before ?? 'previous';
}
