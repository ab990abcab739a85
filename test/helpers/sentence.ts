// A sentence's analysis built by hand for the coder's passes: its tokens, the actor phrases given as
// [first token, last token + 1, what the phrase is], and its time expressions.
import type { Group, SentenceContext } from '../../src/events/analysis.ts';
import { tokenize } from '../../src/text/tokens.ts';
import type { TimeExpression } from '../../src/time/expressions.ts';

export function sentenceWith(
  text: string,
  phrases: [number, number, Partial<Group>][] = [],
  times: TimeExpression[] = [],
): SentenceContext {
  const tokens = tokenize(text);
  const groups: Group[] = phrases.map(([from, to, g]) => ({ from, to, start: tokens[from].start, end: tokens[to - 1].end, ...g }));
  return {
    s: { text, start: 0, end: text.length },
    tokens,
    groups,
    places: [],
    times,
    cues: [],
    predicates: [],
    triggers: [],
    boundaryAt: new Set(),
    continuerAt: new Set(),
  };
}
