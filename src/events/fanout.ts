// Fan-out: one accepted event that tells of several — both sides of a pair acting, coordinated actors, a
// second destination or partner, a list of states — becomes one event for each. Each expansion is a named
// entry, applied in order.
import { listAfter, pairFor, type ResolveContext, resolveActor } from '../actors/resolve.ts';
import type { CodedEvent } from '../types.ts';
import { type Group, type SentenceContext, type SentencePlace, usable } from './analysis.ts';
import type { TriggerDef } from './lexicon.ts';
import type { RuleName } from './rules.ts';

/** The accepted event and what the coder found around it. */
export interface FanOutInput {
  event: CodedEvent;
  def: TriggerDef;
  /** Whether its subject is "both sides" of the pair told before, acting together on a third. */
  jointBoth: boolean;
  /** Actors coordinated with its subject ("China dan Rusia memveto …"). */
  coActors: Group[];
  /** A place right after its trigger ("terbang ke Tokyo"). */
  adjacentPlace: SentencePlace | undefined;
  /** The phrase that named its other side. */
  target: Group | null;
}

/** A copy of an event for another side, by an expansion: slightly less sure than the event told first. */
const another = (rule: RuleName, e: CodedEvent, over: Partial<CodedEvent>): CodedEvent => ({
  ...e,
  ...over,
  confidence: Math.max(0.3, e.confidence - 0.05),
  ...(e.provenance ? { provenance: { ...e.provenance, rules: [...(e.provenance.rules ?? []), rule] } } : {}),
});

interface Expansion {
  name: RuleName;
  /** Adds the events this expansion finds to `out` (which holds the event and those added before). */
  expand(ctx: ResolveContext, sc: SentenceContext, f: FanOutInput, out: CodedEvent[]): void;
}

export const EXPANSIONS: readonly Expansion[] = [
  {
    // Both sides of the pair act: one event for each ("keduanya mengecam peluncuran Korut").
    name: 'both-sides-act',
    expand(ctx, sc, { event, jointBoth }, out) {
      if (!jointBoth) return;
      const second = pairFor(ctx, sc)?.find((c) => c !== event.source.country && c !== event.target.country);
      if (second) out.push(another(this.name, event, { source: { ...event.source, country: second } }));
    },
  },
  {
    // "China dan Rusia memveto …" (not a meeting): each coordinated actor acts; the same for
    // coordinated recipients of a visit or a conflict event ("akan mengunjungi Korea Selatan dan Jepang").
    // A joint show of force ("Korsel dan AS menembakkan rudal") is one act of the allies together.
    name: 'coordinated-actors-act',
    expand(ctx, sc, { event, def, coActors }, out) {
      const jointForce = def.show_of_force && def.target === 'none';
      for (const x of jointForce ? [] : coActors) {
        const co = resolveActor(ctx, sc, x, null);
        if (
          co?.country &&
          co.country !== event.source.country &&
          co.country !== event.target.country &&
          !out.some((e) => e.source.country === co.country)
        )
          out.push(another(this.name, event, { source: co }));
      }
    },
  },
  {
    // "will fly to Kuala Lumpur and then to Bangkok": a second destination of the same trip.
    name: 'second-destination',
    expand(ctx, sc, { event, def, adjacentPlace }, out) {
      if (!def.travel || !adjacentPlace) return;
      const g = ctx.k.grammar;
      const more = sc.places.find(
        (p) =>
          p.from > adjacentPlace.to &&
          p.from <= adjacentPlace.to + 5 &&
          p.prep === 'to' &&
          sc.tokens.slice(adjacentPlace.to, p.from).some((x) => g.coordinators.includes(x.norm) || g.continuers.includes(x.norm)),
      );
      if (more && more.place.country !== event.source.country && more.place.country !== event.target.country)
        out.push(
          another(this.name, event, {
            target: { name: null, country: more.place.country, sector: null, text: more.place.name },
            place: { name: more.place.name, country: more.place.country },
          }),
        );
    },
  },
  {
    // "talks with Yoon in Seoul on May 21, and with Kishida in Tokyo": a second partner after "and with".
    name: 'second-partner',
    expand(ctx, sc, { event, def, target }, out) {
      if (!target || !event.target.country || !def.symmetric) return;
      const g = ctx.k.grammar;
      const { tokens } = sc;
      const g2 = sc.groups.find(
        (x) =>
          x.from > target.to &&
          usable(x) &&
          g.comitative.includes(tokens[x.from - 1]?.norm ?? '') &&
          g.coordinators.includes(tokens[x.from - 2]?.norm ?? ''),
      );
      const second = g2 ? resolveActor(ctx, sc, g2, event.source) : null;
      if (second?.country && second.country !== event.source.country && second.country !== event.target.country)
        out.push(another(this.name, event, { target: second }));
    },
  },
  {
    // "will visit South Korea and Japan", "held talks with counterparts from A, B, C and D": a trip to several states
    // is a visit to each, talks with the counterparts of several are talks with each. (A meeting with the leaders
    // of several may be one gathering, and an act aimed at several states, "criticized Beijing and Moscow", stays
    // one event, on the first named.)
    name: 'list-of-others',
    expand(ctx, sc, { event, def, target }, out) {
      if (!target || !event.target.country || !(def.travel || (def.symmetric && target.anaphor === 'counterpart'))) return;
      const seen = new Set([event.source.country, event.target.country]);
      const firsts = [...out];
      for (const member of listAfter(ctx.k.grammar, sc, target)) {
        const more = resolveActor(ctx, sc, member, event.source);
        if (!more?.country || seen.has(more.country)) continue;
        seen.add(more.country);
        for (const e of firsts) out.push(another(this.name, e, { target: more }));
      }
    },
  },
];

/** The event and the events it fans out to, in order. */
export function fanOut(ctx: ResolveContext, sc: SentenceContext, f: FanOutInput): CodedEvent[] {
  const out = [f.event];
  for (const x of EXPANSIONS) x.expand(ctx, sc, f, out);
  return out;
}
