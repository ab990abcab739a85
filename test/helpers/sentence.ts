// A sentence's analysis built by hand for the coder's passes: its tokens, the actor phrases given as
// [first token, last token + 1, what the phrase is], and its time expressions.
import { actorKnowledge } from '../../src/actors/lexicon.ts';
import type { AnalysisContext, Group, SentenceContext } from '../../src/events/analysis.ts';
import { eventKnowledge } from '../../src/events/lexicon.ts';
import { tokenize } from '../../src/text/tokens.ts';
import { findTimeExpressions, type TimeExpression } from '../../src/time/expressions.ts';

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

/** What the analysis knows of a page of this language whose body is `body`, published on 4 March 2024. */
export function pageContext(lang: 'id' | 'en', body: string): AnalysisContext {
  return {
    k: actorKnowledge(lang),
    ek: eventKnowledge(lang),
    ref: { y: 2024, m: 3, d: 4 },
    names: new Map(),
    personMentions: [],
    countryCounts: new Map(),
    times: findTimeExpressions(body, lang),
    datelineEnd: 0,
  };
}
