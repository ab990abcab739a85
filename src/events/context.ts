// What the coder knows while it codes one document, and readings of a sentence that several passes share.
import type { ActorKnowledge } from '../actors/lexicon.ts';
import type { ResolveContext } from '../actors/resolve.ts';
import type { Token } from '../text/tokens.ts';
import type { Ymd } from '../time/expressions.ts';
import type { AnalysisContext, Group, SentenceContext } from './analysis.ts';
import type { Discourse } from './discourse.ts';
import type { EventKnowledge } from './lexicon.ts';

export interface DocContext extends ResolveContext, AnalysisContext {
  k: ActorKnowledge;
  ek: EventKnowledge;
  lang: string;
  ref: Ymd | null;
  /** What the page has told so far (written by discourse.ts only). */
  discourse: Discourse;
  /** The author of the first act of force the page tells, known from a first pass: what a reaction told before it answers. */
  aheadHostile: string | null;
  /** Set when a reaction to an act referred back came before any act was told (a second pass may find its author). */
  wantsAhead: boolean;
}

export function hasBoundary(sc: SentenceContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (sc.boundaryAt.has(i)) return true;
  return false;
}

export const textOf = (tokens: Token[], m: { from: number; to: number }) =>
  tokens
    .slice(m.from, m.to)
    .map((t) => t.text)
    .join(' ');

export function isOblique(ctx: DocContext, sc: SentenceContext, g: Group): boolean {
  const prev = sc.tokens[g.from - 1]?.norm;
  if (!prev) return false;
  if (ctx.k.grammar.oblique.includes(prev)) return true;
  // ("protes … baik di Tokyo dan Beijing": the second of two places joined after a preposition is governed by it too.)
  if (!ctx.k.grammar.coordinators.includes(prev)) return false;
  const first = sc.groups.find((x) => x.to === g.from - 1);
  return !!first && !!first.place && isOblique(ctx, sc, first);
}

/** The author of an act answered before the page told any: known on the second pass, asked for on the first. */
export function ahead(ctx: DocContext): string | null {
  ctx.wantsAhead = true;
  return ctx.aheadHostile;
}

/** International organisations are coded by acronym (UN, ASEAN, G20), states by ISO alpha-3. */
export const isOrganisation = (code: string | undefined) => !!code && !/^[A-Z]{3}$/.test(code);
