// Actor resolution: an actor phrase of a sentence to the actor it names — a person and their role on the event's
// day, an office's holder, a pronoun's antecedent, a quote's speaker, "both sides", a counterpart — and the
// members of a list of actors.

import type { Group, SentenceContext } from '../events/analysis.ts';
import { usable } from '../events/analysis.ts';
import type { Discourse } from '../events/discourse.ts';
import type { Token } from '../text/tokens.ts';
import { type Ymd, ymdIso } from '../time/expressions.ts';
import type { Actor } from '../types.ts';
import { type ActorKnowledge, type GrammarLexicon, holderOn, ROLE_LABELS, roleOn } from './lexicon.ts';
import { quotedSpeaker } from './speaker.ts';

/** What resolution reads of the page: its knowledge, its day, the people and states named so far, what it told. */
export interface ResolveContext {
  k: ActorKnowledge;
  ref: Ymd | null;
  /** Named people in text order, for "dia"/"he": the last one named before the pronoun. */
  personMentions: { start: number; group: Group; sc: SentenceContext }[];
  /** How often each state was named as an actor. */
  countryCounts: Map<string, number>;
  discourse: Discourse;
}

/** Resolves an actor phrase to a named actor with country, sector and role on the event's day. */
export function resolveActor(
  ctx: ResolveContext,
  sc: SentenceContext,
  g: Group | null,
  other: Actor | null,
  onDate: string | null = null,
): Actor | null {
  if (!g) return null;
  const text = sc.s.text.slice(g.start - sc.s.start, g.end - sc.s.start);
  // Roles are looked up on the event's day when it is known, else on the page's.
  const day = onDate ?? (ctx.ref ? ymdIso(ctx.ref) : null);
  if (g.anaphor) {
    switch (g.anaphor) {
      case 'person': {
        // "Asked whether he would meet Kim, Biden said …": in a clause fronted before the subject, the pronoun
        // is that subject (the first actor of the sentence, not at its start, with a named person after the comma).
        const i = sc.groups.indexOf(g);
        if (i === 0 && g.start > sc.s.start) {
          const comma = sc.tokens.findIndex((x) => x.text === ',' && x.start > g.end);
          const subject = comma >= 0 ? sc.groups.find((x) => x.from === comma + 1 && x.person && !x.anaphor) : undefined;
          if (subject) return resolveActor(ctx, sc, subject, other, onDate);
        }
        return lastPersonBefore(ctx, g, text);
      }
      case 'speaker': {
        // "Kami akan berkunjung …," ucap Jokowi: first person in a quote is the one it is attributed to.
        const i = sc.groups.indexOf(g);
        const speaker = quotedSpeaker(
          sc.tokens,
          sc.groups,
          g.from,
          ctx.k.speechVerbs,
          (x) => x !== g && usable(x) && x.anaphor !== 'speaker',
        );
        if (speaker !== 'previous' && sc.groups.indexOf(speaker) !== i) {
          const actor = resolveActor(ctx, sc, speaker, other, onDate);
          return actor ? { ...actor, text } : null;
        }
        return lastPersonBefore(ctx, g, text);
      }
      case 'country': {
        // "negaranya": the state just named that is not the speaker's own.
        const own = other?.country;
        for (let i = sc.groups.indexOf(g) - 1; i >= 0; i--) {
          const c = sc.groups[i].country ?? sc.groups[i].person?.country;
          if (c && c !== own) return { name: null, country: c, sector: null, text };
        }
        const ranked = [...ctx.countryCounts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
        const c = ranked.find((x) => x !== own);
        return c ? { name: null, country: c, sector: null, text } : null;
      }
      case 'both':
      case 'participants': {
        // "para pemimpin Jepang": participants named by their state.
        if (g.country) return { name: null, country: g.country, sector: 'GOV', text };
        const pair = pairFor(ctx, sc);
        if (!pair) return null;
        // As a subject, "kedua pihak" is the first side; the coder then takes the second as the other side.
        if (!other) return { name: null, country: pair[0], sector: null, text };
        return { name: null, country: pair.find((c) => c !== other.country) ?? pair[1], sector: null, text };
      }
      case 'counterpart': {
        const country = g.country ?? (other ? (ctx.discourse.lastPair?.find((c) => c !== other.country) ?? null) : null);
        if (!country) return null;
        const role = other?.role ? Object.entries(ROLE_LABELS).find(([, v]) => v === other.role)?.[0] : undefined;
        const holder = role ? holderOn(ctx.k, country, role, day) : null;
        return { name: holder?.name ?? null, country, sector: other?.sector ?? 'GOV', role: other?.role ?? null, text };
      }
    }
  }
  const country = g.person?.country ?? g.country ?? g.role?.country ?? g.institution?.country ?? null;
  let name: string | null = g.person?.name ?? g.unknownName ?? null;
  let sector: string | null = g.role?.sector || g.institution?.sector || null;
  let role: string | null = g.role?.role ? (ROLE_LABELS[g.role.role] ?? g.role.role) : null;
  if (g.person) {
    const r = roleOn(g.person, day);
    if (r) {
      role = ROLE_LABELS[r.role] ?? r.role;
      sector = r.sector ?? sector ?? 'GOV';
    }
  } else if (g.role?.role && country && !name) {
    const h = holderOn(ctx.k, country, g.role.role, day);
    if (h) name = h.name;
  }
  if (!sector && g.countryForm === 'metonym') sector = 'GOV';
  // "The prime minister will meet …": an office named bare is its holder named last before it in the text.
  // ("the appointment of a special envoy": an office after an indefinite article has no holder yet.)
  const indefinite = (ctx.k.grammar.indefinites ?? []).includes(sc.tokens[g.from - 1]?.norm ?? '');
  if (!country && g.role?.role && !name && !indefinite) return lastHolderBefore(ctx, g, g.role.role, day, text);
  if (!country) return null;
  return { name, country, sector, role, text };
}

/** The person named last before a phrase whose role on the day is the one given: "the prime minister" after "Kishida". */
function lastHolderBefore(ctx: ResolveContext, g: Group, roleKey: string, day: string | null, text: string): Actor | null {
  for (let i = ctx.personMentions.length - 1; i >= 0; i--) {
    const m = ctx.personMentions[i];
    if (m.start >= g.start || !m.group.person) continue;
    const held = m.group.role?.role ?? roleOn(m.group.person, day)?.role;
    if (held !== roleKey) continue;
    const actor = resolveActor(ctx, m.sc, m.group, null, day);
    return actor ? { ...actor, text } : null;
  }
  return null;
}

/** The person named last before a phrase ("dia", "he", or a quote's speaker told before): else the last subject. */
function lastPersonBefore(ctx: ResolveContext, g: Group, text: string): Actor | null {
  const before = ctx.personMentions.filter((p) => p.start < g.start && p.group !== g);
  const last = before[before.length - 1];
  const actor = last ? resolveActor(ctx, last.sc, last.group, null) : null;
  return actor ? { ...actor, text } : (ctx.discourse.lastSubject?.actor ?? null);
}

/**
 * The pair "kedua pihak" / "both sides" means: the latest pair that includes a state the sentence names
 * ("Trump mengatakan kedua pihak sepakat" → the pair with the USA), else the latest pair, else the two
 * states the text names most.
 */
export function pairFor(ctx: ResolveContext, sc: SentenceContext): [string, string] | null {
  const named = new Set(sc.groups.filter((x) => !x.anaphor && usable(x)).map((x) => x.person?.country ?? x.country));
  for (let i = ctx.discourse.pairs.length - 1; i >= 0; i--)
    if (ctx.discourse.pairs[i].some((c) => named.has(c))) return ctx.discourse.pairs[i];
  if (ctx.discourse.lastPair) return ctx.discourse.lastPair;
  const people = personPair(ctx);
  return people?.some((c) => named.has(c)) ? people : topPair(ctx);
}

/** The states of the last two people named from different states: "the two leaders" before any meeting is told. */
function personPair(ctx: ResolveContext): [string, string] | null {
  const seen: string[] = [];
  for (let i = ctx.personMentions.length - 1; i >= 0 && seen.length < 2; i--) {
    const g = ctx.personMentions[i].group;
    const c = g.person?.country ?? g.country;
    if (c && !seen.includes(c)) seen.push(c);
  }
  return seen.length === 2 ? [seen[1], seen[0]] : null;
}

function topPair(ctx: ResolveContext): [string, string] | null {
  const ranked = [...ctx.countryCounts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length >= 2 ? [ranked[0][0], ranked[1][0]] : null;
}

export const isPerson = (x: Group) => !!(x.person || x.unknownName);

/** The actor a list is joined to: "A, yang diikuti oleh B, C dan D", "A, joined by B and C". */
export function joinedHead(grammar: GrammarLexicon, sc: SentenceContext, first: Group): Group | null {
  const joined = grammar.joined_by ?? [];
  const head = sc.groups[sc.groups.indexOf(first) - 1];
  if (!head || !usable(head) || !joined.length) return null;
  const between = sc.tokens
    .slice(head.to, first.from)
    .filter((x) => x.word)
    .map((x) => x.norm)
    .join(' ');
  return joined.some((j) => j.toLowerCase() === between) ? head : null;
}

/**
 * The members of a list that goes on after an actor phrase and closes with a coordinator: "Kenya, Tanzania,
 * Mozambik, dan Afrika Selatan", "Saudi Arabia, the United Arab Emirates, Brazil and Senegal". A run of commas
 * that no coordinator closes is no list ("visited Japan, China …").
 */
export function listAfter(grammar: GrammarLexicon, sc: SentenceContext, first: Group): Group[] {
  const g = grammar;
  const linkWord = (x: Token) => x.text === ',' || g.coordinators.includes(x.norm) || (g.list_links ?? []).includes(x.norm);
  const members: Group[] = [];
  let cur = first;
  for (let i = sc.groups.indexOf(first) + 1; i < sc.groups.length; i++) {
    const next = sc.groups[i];
    const link = sc.tokens.slice(cur.to, next.from);
    if (!usable(next) || next.anaphor || link.length < 1 || link.length > 3 || !link.every(linkWord)) break;
    members.push(next);
    cur = next;
    if (link.some((x) => g.coordinators.includes(x.norm))) return members;
  }
  return [];
}
