// The event coder: from a clean document, the events it reports — who did what to whom, when, where,
// with what modality — each with the sentence it came from. Rules are language-agnostic; every word
// list comes from lexicons/<lang>/ (events, modality, grammar, actors, roles, countries, time).
import { type ActorKnowledge, actorKnowledge, type GrammarLexicon } from '../actors/lexicon.ts';
import { isPerson, joinedHead, pairFor, type ResolveContext, resolveActor } from '../actors/resolve.ts';
import { quoteAround } from '../actors/speaker.ts';
import { derived, lowerList, lowerSet, phraseWords } from '../lexicon/derived.ts';
import { type PhraseMatch, startsCapitalised, type Token } from '../text/tokens.ts';
import { dateEvent } from '../time/event-date.ts';
import { findTimeExpressions, parseIsoDay, type Ymd } from '../time/expressions.ts';
import type { Actor, CodedEvent, Document, Modality, Place } from '../types.ts';
import {
  type AnalysisContext,
  analyseSentence,
  datelineEnd,
  type Group,
  placePreposition,
  type SentenceContext,
  usable,
} from './analysis.ts';
import { acceptEvent, beginSentence, type Discourse, droppedSubject, endSentence, startDiscourse } from './discourse.ts';
import { fanOut } from './fanout.ts';
import { featuresOf } from './features.ts';
import { type CueClass, type EventKnowledge, eventKnowledge, goldstein, type TriggerDef } from './lexicon.ts';
import { joinsPair, mergeWithinDocument } from './merge.ts';
import type { RuleName } from './rules.ts';

interface DocContext extends ResolveContext, AnalysisContext {
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

/** Raised when coding a document runs past its deadline. */
export class DeadlineError extends Error {}

/** Codes the events of one document; past `deadline` (a Date.now() time) it gives up with a DeadlineError. */
export function codeEvents(doc: Document, opts: { deadline?: number } = {}): CodedEvent[] {
  if (doc.language === 'other' || !doc.body) return [];
  const first = codePass(doc, opts, null);
  if (!first.wantsAhead) return first.events;
  // "Ned Price mengutuk peluncuran ICBM …" told before "Pyongyang menembakkan 25 rudal …": the page leads with the
  // reactions; the act they answer is the first act of force it tells.
  const act = first.raw.find((e) => Number(e.cameo.slice(0, 2)) >= 15 && e.modality === 'occurred');
  if (!act?.source.country) return first.events;
  return codePass(doc, opts, act.source.country).events;
}

function codePass(
  doc: Document,
  opts: { deadline?: number },
  aheadHostile: string | null,
): { events: CodedEvent[]; raw: CodedEvent[]; wantsAhead: boolean } {
  const lang = doc.language as Exclude<Document['language'], 'other'>;
  const ctx: DocContext = {
    k: actorKnowledge(lang),
    ek: eventKnowledge(lang),
    lang,
    ref: parseIsoDay(doc.published),
    names: new Map(),
    personMentions: [],
    bodies: new Map(),
    countryCounts: new Map(),
    discourse: startDiscourse(),
    datelineEnd: datelineEnd(doc),
    times: findTimeExpressions(doc.body, lang),
    aheadHostile,
    wantsAhead: false,
  };
  const events: CodedEvent[] = [];
  doc.sentences.forEach((s, i) => {
    if (opts.deadline !== undefined && Date.now() > opts.deadline) throw new DeadlineError(`past its deadline at sentence ${i + 1}`);
    const sc = analyseSentence(ctx, s);
    beginSentence(ctx.discourse);
    const coded = codeSentence(ctx, sc, i);
    events.push(...coded);
    // The sentence's subject (its first actor): whose step "langkah tersebut" in the next one is.
    const opening = sc.groups.find((g) => usable(g) && !g.anaphor);
    endSentence(
      ctx.discourse,
      {
        index: i,
        events: coded,
        times: sc.times,
        tokens: sc.tokens,
        opening: opening
          ? (opening.person?.country ?? opening.country ?? opening.role?.country ?? opening.institution?.country ?? null)
          : null,
      },
      ctx.ref,
      ctx.k.grammar,
    );
  });
  return { events: mergeWithinDocument(events.map((e) => ({ ...e }))), raw: events, wantsAhead: ctx.wantsAhead };
}

// ---------------------------------------------------------------- events of a sentence

function codeSentence(ctx: DocContext, sc: SentenceContext, index: number): CodedEvent[] {
  const { ek } = ctx;
  const { tokens } = sc;
  const blocked = new Set<number>();
  for (const m of ek.notEvents.findAll(tokens)) for (let i = m.from; i < m.to; i++) blocked.add(i);
  const out: CodedEvent[] = [];
  // ("Iranian-backed fighters", "a Saudi-led strike": a word hyphened to the one before is half a compound adjective.)
  const triggers = sc.triggers.filter((t) => !blocked.has(t.from) && !tokens[t.from].hyphenJoined);
  let consumedUntil = -1;
  let lastDemand: PhraseMatch<TriggerDef> | null = null;
  // Where the last trigger told only as an aim or a topic ends ("untuk melakukan kunjungan"): a noun joined to it
  // ("… atau pertemuan pertama dengan Presiden RI") is the same aim.
  let aimEnd = -1;
  const joiners = ctx.k.grammar.event_links ?? [];
  for (const match of triggers) {
    // One phrase may have several readings ("called on … to" requests, "called on the PM" visits): the
    // first whose conditions hold. A required word after it belongs to the event ("menghadiri KTT").
    let reading: { def: TriggerDef; until: number } | null = null;
    for (const alt of match.alternatives) {
      const at = alt.requires
        ? alt.requires_before
          ? requirementBefore(tokens, match.from, alt.requires, alt.within)
          : requirementAt(tokens, match.to, alt.requires, alt.within)
        : -1;
      if (alt.requires && at < 0) continue;
      if (alt.object === 'required' && !sc.groups.some((x) => x.from >= match.to && x.from <= match.to + 1 && usable(x))) continue;
      reading = { def: alt, until: alt.requires_before ? -1 : at };
      break;
    }
    if (!reading) continue;
    let referredPair: [string, string] | null = null;
    const t: PhraseMatch<TriggerDef> = { ...match, payload: reading.def };
    const def = t.payload;
    // "meminta DK PBB menggelar pertemuan": what is asked for or threatened has not happened.
    if (lastDemand && t.from - lastDemand.to <= 8 && !hasBoundary(sc, lastDemand.to, t.from)) continue;
    // ('urged all parties to take "concrete action … and an inclusive dialogue"': a quote opened right after the
    // demand is what is asked for, however long.)
    if (lastDemand && quotedDemand(tokens, lastDemand, t)) continue;
    if (def.demand || def.content) lastDemand = t;
    // "menghadiri KTT": the summit noun belongs to the verb's event.
    if (t.from <= consumedUntil) continue;
    if (def.requires) consumedUntil = reading.until;
    if (def.pos === 'noun' && aimEnd >= 0 && t.from - 1 === aimEnd && joiners.includes(tokens[aimEnd].norm)) {
      aimEnd = t.to;
      continue;
    }
    if (def.pos === 'noun') {
      const after = tokens[t.to]?.norm;
      const before = tokens[t.from - 1]?.norm;
      // "pertemuan tersebut" / "that meeting": an event already told — unless it is now called off
      // ("mengumumkan pembatalan KTT tersebut"), which is news about the same two sides.
      if ((after && ek.anaphoricAfter.has(after)) || (before && ek.anaphoricBefore.has(before))) {
        const calledOff = sc.cues.some((c) => c.payload === 'cancelled' && c.to <= t.from && c.to >= t.from - 2);
        if (!calledOff || !def.meeting || !ctx.discourse.lastPair) continue;
        referredPair = ctx.discourse.lastPair;
      }
      // "membahas kemungkinan kunjungan …": a topic, not an event — but "setelah pertemuan puncak Kim dan
      // Trump … pada Februari lalu", an earlier event told with its own sides and date, is one.
      // ("a possible North Korean weapons test": the marker may stand before the owner's adjective.)
      const owner = sc.groups.find((x) => x.to === t.from);
      const topicAt = [t.from - 1, t.from - 2, owner ? owner.from - 1 : -1, owner ? owner.from - 2 : -1].find(
        (i) => i >= 0 && ek.topicMarkers.matchAt(tokens, i)?.to === (i < (owner?.from ?? 0) ? owner?.from : t.from),
      );
      if (topicAt !== undefined && !(ctx.k.grammar.subordinators.includes(tokens[topicAt].norm) && toldOnItsOwn(sc, t))) {
        aimEnd = t.to;
        continue;
      }
    }
    if (recurring(ctx, sc, t)) continue;
    let m = modalityOf(sc, t, ek.decisions, ctx.k.grammar);
    // "will not visit Ireland next month as planned": a plan denied in its own clause is called off.
    if (m !== 'purpose' && m.modality === 'negated') {
      const ref = ek.planReferences.findAll(tokens).find((r) => r.from >= t.to && r.from - t.to <= 12 && !hasBoundary(sc, t.to, r.from));
      if (ref) m = { modality: 'cancelled', cue: `${m.cue ?? ''} … ${textOf(tokens, ref)}`.trim() };
    }
    // "China mengancam membalas apabila AS menaikkan bea masuk": the act inside the condition is only supposed; the
    // threat around it is the event.
    if (m !== 'purpose' && m.modality === 'hypothetical' && m.cue && ek.conditions.has(m.cue.toLowerCase())) continue;
    // "agreed to hold talks between foreign ministers", "agreed to hold a summit": a meeting agreed on is planned, not
    // only an aim (a noun after "to hold a" has no cue of its own).
    const agreed = def.meeting && (m === 'purpose' || (def.pos === 'noun' && m.modality === 'occurred')) ? agreedAim(ek, tokens, t) : null;
    if (agreed) m = { modality: 'planned', cue: agreed };
    // "Trump is also meeting with Xi in Buenos Aires": a meeting or trip in the present progressive is arranged.
    if (m !== 'purpose' && m.modality === 'occurred' && !m.cue && def.pos === 'verb' && (def.meeting || def.travel)) {
      const prog = progressiveBefore(ctx, sc, t);
      if (prog) m = { modality: 'planned', cue: prog };
    }
    if (m === 'purpose') {
      aimEnd = t.to;
      // "Kim mengundang Putin untuk mengunjungi negaranya": the one invited plans the visit.
      const guest = def.travel ? invitedGuest(ctx, sc, t) : null;
      if (guest) for (const ev of buildEvent(ctx, sc, t, 'planned', 'invitation', index, guest)) out.push(ev);
      // "menyambangi Johannesburg … untuk mengikuti KTT BRICS", "Kunjungan Jokowi ini untuk menghadiri …": what a trip
      // is for happens on it, as the trip does (planned with a planned trip).
      const trip = !def.travel ? tripBefore(ctx, sc, t, out) : null;
      if (trip)
        for (const ev of buildEvent(ctx, sc, t, trip.modality, trip.provenance?.modality_cue ?? null, index, null, null, trip.source))
          out.push(ev);
      continue;
    }
    // "…dijadwalkan terbang ke Tokyo …, sebelum bertolak ke Seoul": a verb right after a subordinator,
    // with no cue of its own, keeps the modality of the event before it in the sentence.
    let { modality, cue } = m;
    const prev = out[out.length - 1];
    const firstRules: RuleName[] = [];
    if (!cue && prev && def.pos === 'verb' && opensWithSubordinator(ctx, sc, t)) {
      modality = prev.modality;
      cue = prev.provenance?.modality_cue ?? null;
      firstRules.push('subordinate-keeps-modality');
    }
    // "Selanjutnya, menyambangi Johannesburg …": the next leg of a planned trip, told with no cue of its own, is planned too.
    const trip = ctx.discourse.lastVisit;
    if (!cue && def.travel && def.pos === 'verb' && trip && futureModality(trip.modality) && opensWithSequence(ctx, sc)) {
      modality = trip.modality;
      cue = trip.provenance?.modality_cue ?? null;
      firstRules.push('next-leg-keeps-modality');
    }
    for (const ev of buildEvent(ctx, sc, t, modality, cue, index, null, referredPair, null, firstRules)) out.push(ev);
  }
  return out;
}

/**
 * The trip a purpose belongs to, told in an earlier sentence: "Kunjungan Jokowi ini untuk menghadiri …" (a visit noun
 * before it refers to the last visit). A trip coded in the same sentence already is the event ("tiba di Singapura
 * untuk menghadiri KTT").
 */
function tripBefore(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>, coded: CodedEvent[]): CodedEvent | null {
  if (coded.some((e) => featuresOf(e.type, e.mode).travel)) return null;
  const visitNoun = sc.triggers.some((x) => x.to <= t.from && x.payload.travel && x.payload.pos === 'noun');
  return visitNoun ? ctx.discourse.lastVisit : null;
}

/** The traveller of the trip whose next leg this is ("Selanjutnya, menyambangi …"), however long ago it was told. */
const nextLegTraveller = (ctx: DocContext, fired: RuleName[]) =>
  fired.includes('next-leg-keeps-modality') ? (ctx.discourse.lastVisit?.source ?? null) : null;

const futureModality = (m: Modality) => m === 'planned' || m === 'expected';

/**
 * Whether the trigger's clause tells a habit ("melakukan latihan bersama di udara, yang disebut …, setiap bulan Desember"):
 * a recurrence phrase in it (a relative clause after the trigger still describes it) and no day of its own in that clause
 * ("… uji coba, yang paling baru pada Sabtu (26/8), namun menembaki proyektil di daratan Jepang jarang terjadi").
 */
function recurring(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): boolean {
  const phrases = phraseWords(ctx.k.grammar.recurrence);
  if (!phrases.length) return false;
  const { tokens } = sc;
  // (Most sentences hold no word that starts a recurrence phrase: nothing to look for around the trigger.)
  const firsts = derived(phrases, 'firsts', () => new Set(phrases.map((ws) => ws[0])));
  if (!tokens.some((x) => firsts.has(x.norm))) return false;
  const rel = ctx.k.grammar.relativizers;
  const hard = (i: number) => sc.boundaryAt.has(i) && tokens[i].word && !rel.includes(tokens[i].norm);
  let from = t.from;
  while (from > 0 && !hard(from - 1)) from--;
  let to = t.to;
  while (to < tokens.length && to - t.to < 15 && !hard(to)) to++;
  const [start, end] = [tokens[from].start, tokens[to - 1].end];
  if (sc.times.some((x) => x.start >= start && x.end <= end && x.value.kind === 'date' && x.value.d !== undefined)) return false;
  for (let i = from; i < to; i++)
    if (phrases.some((ws) => ws.every((w, k) => tokens[i + k]?.norm === w) && i + ws.length <= to)) return true;
  return false;
}

/** Whether the sentence opens with a word telling the next step of a sequence ("Selanjutnya, …", "Then …"). */
function opensWithSequence(ctx: DocContext, sc: SentenceContext): boolean {
  const words = sc.tokens.filter((x) => x.word).map((x) => x.norm);
  return phraseWords(ctx.k.grammar.sequence_openers).some((ws) => ws.every((w, i) => words[i] === w));
}

/** Whether the trigger's clause opens with a subordinator ("…, saat Presiden Korsel itu menghadiri …"). */
function opensWithSubordinator(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): boolean {
  const subs = ctx.k.grammar.subordinators;
  for (let i = t.from - 1; i >= Math.max(0, t.from - 8); i--) {
    if (subs.includes(sc.tokens[i].norm)) return true;
    if (sc.boundaryAt.has(i) || sc.tokens[i].text === ',') return false;
  }
  return false;
}

/**
 * The speaker a pronoun subject points to when it stands right after a speech verb, only auxiliaries between it and the
 * trigger ("… said it had launched"): the actor right before the verb ("NATO said it …"), or, when the verb has none of
 * its own ("NATO denied …, but said it …"), the sentence's opening subject.
 */
function reportedSpeaker(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): Group | null {
  const g = ctx.k.grammar;
  const { tokens } = sc;
  const pronouns = lowerSet(g.reported_pronouns);
  const auxiliary = (i: number) => sc.cues.some((c) => c.from <= i && i < c.to) || (g.passive_auxiliaries ?? []).includes(tokens[i].norm);
  let i = t.from - 1;
  while (i >= 0 && t.from - i <= 3 && !pronouns.has(tokens[i].norm) && auxiliary(i)) i--;
  if (i < 1 || !pronouns.has(tokens[i].norm) || !ctx.k.speechVerbs.has(tokens[i - 1].norm)) return null;
  const verb = i - 1;
  const subject = (x: Group) => x.to <= verb && usable(x) && !x.anaphor && !isOblique(ctx, sc, x);
  return sc.groups.find((x) => subject(x) && verb - x.to <= 1) ?? sc.groups.find(subject) ?? null;
}

/**
 * Where a participle clause about the trigger's object begins ("criticized the Western countries enforcing a no-fly
 * zone …": "enforcing"), or -1: an -ing word right after a noun of the object and before an object of its own (a
 * determiner or an actor), with no actor, comma or clause boundary between the trigger and it (not a preposition such
 * as "including", a time word such as "evening", nor a trigger).
 */
function reducedRelativeAt(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): number {
  const g = ctx.k.grammar;
  const { tokens } = sc;
  const not = derived(g, 'reduced-relative.not', () => lowerSet([...g.oblique, ...g.continuers, ...g.subordinators, ...g.coordinators]));
  for (let i = t.to + 1; i < Math.min(tokens.length, t.to + 8); i++) {
    const x = tokens[i];
    const prev = tokens[i - 1];
    if (sc.groups.some((gr) => gr.from <= i && i < gr.to) || sc.boundaryAt.has(i) || !x.word) return -1;
    if (!(g.participle_suffixes ?? []).some((sfx) => x.norm.endsWith(sfx)) || not.has(x.norm) || !prev.word || not.has(prev.norm)) continue;
    if (sc.times.some((tm) => tm.start <= x.start && x.end <= tm.end) || sc.triggers.some((tr) => tr.from === i)) continue;
    if (sc.groups.some((gr) => gr.from <= i - 1 && i - 1 < gr.to)) return -1;
    // A verb with an object of its own ("enforcing a no-fly zone", "backing Russia"); "full blocking sanctions" is an adjective.
    const next = tokens[i + 1]?.norm ?? '';
    const determiners = derived(
      ctx.ek,
      'reduced-relative.determiners',
      () => new Set([...(g.indefinites ?? []), ...ctx.ek.anaphoricBefore]),
    );
    if (determiners.has(next) || sc.groups.some((gr) => gr.from === i + 1)) return i;
  }
  return -1;
}

/** The actor right after a directive phrase before the trigger ("following the directives of Prime Minister X"), or null. */
function directiveGiver(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): Group | null {
  const links = phraseWords(ctx.k.grammar.directive_links);
  const words = sc.tokens.map((x) => x.norm);
  for (const link of links)
    for (let i = 0; i + link.length <= t.from; i++) {
      if (!link.every((w, k) => words[i + k] === w)) continue;
      const giver = sc.groups.find((x) => x.from === i + link.length && x.to <= t.from && usable(x));
      if (giver) return giver;
    }
  return null;
}

/** The progressive auxiliary right before an -ing trigger ("is also meeting"), as text, or null. */
function progressiveBefore(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): string | null {
  const { tokens } = sc;
  const ing = (ctx.k.grammar.participle_suffixes ?? []).some((x) => (tokens[t.from]?.norm ?? '').endsWith(x));
  if (!ing) return null;
  const m = ctx.ek.progressive.findAll(tokens).find((x) => x.to === t.from);
  return m ? textOf(tokens, m) : null;
}

/** The agreement phrase ending at most three words before a trigger ("agreed to hold talks", "agreed to hold a summit"), or null. */
function agreedAim(ek: EventKnowledge, tokens: Token[], t: PhraseMatch<TriggerDef>): string | null {
  const m = ek.agreedAims.findAll(tokens).find((x) => x.to <= t.from && t.from - x.to <= 3);
  return m ? textOf(tokens, m) : null;
}

/** The actor invited right before "untuk/to" + a visit verb: "mengundang Putin untuk mengunjungi …". */
function invitedGuest(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): Group | null {
  const invite = lowerSet(ctx.k.grammar.invite_verbs);
  for (let i = t.from - 2; i >= Math.max(0, t.from - 10); i--) {
    if (!invite.has(sc.tokens[i].norm)) continue;
    return sc.groups.find((x) => x.from > i && x.to < t.from && usable(x)) ?? null;
  }
  return null;
}

/** Whether a trigger stands inside the first quote opened within a few words after a demand. */
function quotedDemand(tokens: Token[], demand: PhraseMatch<TriggerDef>, t: PhraseMatch<TriggerDef>): boolean {
  const [open] = quoteAround(tokens, t.from);
  if (open < demand.to || open - demand.to > 8) return false;
  // (The first quote mark after the demand opens the quote.)
  return quoteAround(tokens, demand.to - 1)[1] === open;
}

function hasBoundary(sc: SentenceContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (sc.boundaryAt.has(i)) return true;
  return false;
}

/** Token index of the nearest required word within `within` tokens before a trigger, in its clause, or -1. */
function requirementBefore(tokens: Token[], from: number, req: string[], within = 5): number {
  const want = lowerList(req);
  for (let i = from - 1; i >= Math.max(0, from - within); i--) {
    if (!tokens[i].word && tokens[i].text !== '-') return -1;
    if (want.some((w) => tokens[i].norm.startsWith(w))) return i;
  }
  return -1;
}

/** Token index of the first required word within 5 tokens after a trigger, or -1. */
function requirementAt(tokens: Token[], from: number, req: string[], within = 5): number {
  const want = lowerList(req);
  for (let i = from; i < Math.min(tokens.length, from + within); i++) if (want.some((w) => tokens[i].norm.startsWith(w))) return i;
  return -1;
}

const DASHES = new Set(['-', '–', '—']);

const STRENGTH: Record<string, number> = { cancelled: 6, negated: 5, hypothetical: 4, expected: 3, planned: 2, past: 1 };

/** The modality of a trigger from cues in its clause; "purpose" when the trigger is only an aim. */
function modalityOf(
  sc: SentenceContext,
  t: PhraseMatch<TriggerDef>,
  decisions: Set<string>,
  grammar: GrammarLexicon,
): { modality: Modality; cue: string | null } | 'purpose' {
  const { boundaryAt, tokens } = sc;
  // "would work with allies … and voiced concern", "to defend it and pledged support": a finite past verb
  // after a coordinator starts a clause of its own; cues before the coordinator do not reach it.
  const first = tokens[t.from]?.norm ?? '';
  const finitePast =
    t.payload.pos === 'verb' &&
    ((grammar.past_suffixes ?? []).some((x) => first.endsWith(x)) || (grammar.past_forms ?? []).includes(first));
  let coordAt = -1;
  if (finitePast)
    for (let i = t.from - 1; i >= Math.max(0, t.from - 12); i--)
      if (grammar.coordinators.includes(tokens[i].norm)) {
        coordAt = i;
        break;
      }
  const cues = coordAt >= 0 ? sc.cues.filter((c) => c.from > coordAt || c.to > t.from) : sc.cues;
  let best: PhraseMatch<CueClass> | null = null;
  // Left scope: back to the clause boundary (or a comma), at most 10 tokens.
  let leftLimit = Math.max(0, t.from - 10);
  for (let i = t.from - 1; i >= leftLimit; i--) {
    // (A dash closes an aside: "ASEAN - di bawah tekanan … untuk menengahi … - mencoret …": its words do not govern the verb.)
    if (boundaryAt.has(i) || tokens[i].text === ',' || (!tokens[i].word && DASHES.has(tokens[i].text))) {
      // "…, lalu bertemu": a continuing clause keeps the modality of the one before, unless it states its
      // own ("…, dan belum jelas apakah … akan …").
      const ownCue = cues.some((c) => c.from > i && c.to <= t.from && c.payload in STRENGTH);
      if (tokens[i].text === ',' && sc.continuerAt.has(i + 1) && !ownCue) {
        leftLimit = Math.max(0, i - 12);
        continue;
      }
      leftLimit = i + 1;
      break;
    }
  }
  // ("Rencana kunjungan tersebut dibahas dalam pertemuan …": a cue right before another event noun is that noun's; it
  // does not reach a trigger after it.)
  const ownedByNoun = (c: PhraseMatch<CueClass>) => sc.triggers.some((x) => x.from === c.to && x.to <= t.from && x.payload.pos === 'noun');
  const inScope = cues.filter((c) => c.to <= t.from && c.from >= leftLimit && c.payload !== 'boundary' && !ownedByNoun(c));
  // An aim: the nearest cue before a verb is "untuk"/"to" ("untuk bertemu", "untuk X dan menghadiri …").
  const nearest = inScope[inScope.length - 1];
  // ("responded to Wednesday's launches by firing …": a verb right after a preposition is the means, not an aim.)
  const means = !!nearest && grammar.oblique.includes(tokens[t.from - 1]?.norm ?? '') && t.from - nearest.to > 1;
  // ("opposes arms sales to Taiwan and urges …": a purpose word that governs an actor is a preposition, and the
  // verb coordinated after that actor is no aim.)
  const governs =
    !!nearest &&
    sc.groups.some(
      (x) =>
        (x.from === nearest.to || (x.from === nearest.to + 1 && (grammar.list_links ?? []).includes(tokens[nearest.to].norm))) &&
        x.to < t.from &&
        tokens.slice(x.to, t.from).some((y) => grammar.coordinators.includes(y.norm)),
    );
  if (nearest?.payload === 'purpose' && t.payload.pos === 'verb' && t.from - nearest.to <= 8 && !means && !governs) {
    // "voted unanimously on Friday to impose …": what follows a decision has been decided.
    const decided = tokens.slice(leftLimit, nearest.from).some((x) => decisions.has(x.norm));
    if (!decided) return 'purpose';
  }
  for (const c of inScope) {
    if (!(c.payload in STRENGTH)) continue;
    if (!best || STRENGTH[c.payload] > STRENGTH[best.payload]) best = c;
  }
  // A trigger noun as subject takes the modality of its predicate: "kunjungan itu dibatalkan", "the summit
  // will take place". A cancellation word is enough; a plan or forecast needs a predicate verb beside it.
  if (t.payload.pos === 'noun') {
    const limit = Math.min(tokens.length, t.to + 14);
    for (const c of cues) {
      if (c.from < t.to || c.from >= limit) continue;
      // ("KTT antara AS dan China yang menurut rencana akan berlangsung": a relative clause still tells of the noun.)
      if (c.payload === 'boundary' && !grammar.relativizers.includes(tokens[c.from].norm)) break;
      if (c.payload !== 'cancelled' && c.payload !== 'planned' && c.payload !== 'expected') continue;
      const nearPredicate = sc.predicates.some((p) => p.from >= c.from - 1 && p.from <= c.to + 2);
      // ("kunjungan menlu Filipina ke Indonesia, Agustus mendatang": a time ahead dates the noun itself.)
      const timeAhead = c.payload === 'planned' && sc.times.some((x) => x.start <= tokens[c.from].start && tokens[c.to - 1].end <= x.end);
      if ((c.payload === 'cancelled' || nearPredicate || timeAhead) && (!best || STRENGTH[c.payload] > STRENGTH[best.payload])) best = c;
    }
  }
  if (!best || best.payload === 'past') return { modality: 'occurred', cue: best ? textOf(tokens, best) : null };
  return { modality: best.payload as Modality, cue: textOf(tokens, best) };
}

const textOf = (tokens: Token[], m: { from: number; to: number }) =>
  tokens
    .slice(m.from, m.to)
    .map((t) => t.text)
    .join(' ');

function isOblique(ctx: DocContext, sc: SentenceContext, g: Group): boolean {
  const prev = sc.tokens[g.from - 1]?.norm;
  if (!prev) return false;
  if (ctx.k.grammar.oblique.includes(prev)) return true;
  // ("protes … baik di Tokyo dan Beijing": the second of two places joined after a preposition is governed by it too.)
  if (!ctx.k.grammar.coordinators.includes(prev)) return false;
  const first = sc.groups.find((x) => x.to === g.from - 1);
  return !!first && !!first.place && isOblique(ctx, sc, first);
}

/**
 * Whether an actor stands inside a relative clause set off by commas that closes before the trigger: in "China,
 * which claims Taiwan as its own, began drills" Taiwan belongs to the clause about China, not to "began".
 */
function inClosedRelative(ctx: DocContext, sc: SentenceContext, x: Group, triggerFrom: number): boolean {
  const { tokens } = sc;
  const rel = ctx.k.grammar.relativizers;
  let opens = -1;
  for (let i = x.from - 1; i > 0; i--) {
    if (tokens[i].text === ',') return false;
    if (rel.includes(tokens[i].norm) && tokens[i - 1].text === ',') {
      opens = i;
      break;
    }
  }
  if (opens < 0) return false;
  for (let i = x.to; i < triggerFrom; i++) if (tokens[i].text === ',') return true;
  return false;
}

function buildEvent(
  ctx: DocContext,
  sc: SentenceContext,
  t: PhraseMatch<TriggerDef>,
  modality: Modality,
  cue: string | null,
  index: number,
  guest: Group | null = null,
  referredPair: [string, string] | null = null,
  /** The actor already known to act (the traveller whose trip this is for). */
  traveller: Actor | null = null,
  /** Rules that fired before this event was built (in choosing its modality). */
  firedBefore: RuleName[] = [],
): CodedEvent[] {
  const def = t.payload;
  const fired = [...firedBefore];
  const fire = (r: RuleName) => {
    if (!fired.includes(r)) fired.push(r);
  };
  if (guest) fire('invited-guest');
  if (traveller) fire('purpose-of-trip');
  const { groups, tokens } = sc;
  const g = ctx.k.grammar;
  // First person inside a quote is an actor of what the quote says, not of the sentence around it.
  const here = (x: Group) => !x.quote || (x.quote[0] < t.from && t.from < x.quote[1]);
  const before = groups.filter((x) => x.to <= t.from && usable(x) && here(x)).reverse();
  const after = groups.filter((x) => x.from >= t.to && usable(x) && here(x));
  let source: Group | null = null;
  let partner: Group | null = null;
  let sameSides: CodedEvent | null = null;
  /** The state of a crowd that acts ("thousands of Chinese", "thousands have protested in Goma"). */
  let crowd: Actor | null = null;
  let target: Group | null = null;

  // Possessor of a trigger noun: "kunjungan Putin ke Korea Utara", "pertemuan para menlu".
  let possessor: Group | null = null;
  let coActors: Group[] = [];
  // "pertemuan antara A dan B" / "talks between A and B".
  if (def.symmetric) {
    const bi = tokens.findIndex((x, i) => i >= t.to && i <= t.to + 4 && g.between.includes(x.norm));
    if (bi >= 0) {
      const a = groups.find((x) => x.from > bi && x.from <= bi + 4 && !x.nonactor);
      const b = a ? groups[groups.indexOf(a) + 1] : undefined;
      const link = a && b ? tokens.slice(a.to, b.from) : [];
      if (a && b && link.length === 1 && g.coordinators.includes(link[0].norm)) {
        possessor = a;
        partner = b;
        fire('between-pair');
      }
    }
  }
  // ("support for Indonesia's presidency": a noun phrase that ends in a preposition governs the actor after it, its
  // object, not its owner.)
  const endsInPreposition = g.oblique.includes(tokens[t.to - 1]?.norm ?? '');
  if (def.pos === 'noun' && after[0] && !possessor && !endsInPreposition) {
    const gap = tokens.slice(t.to, after[0].from);
    // "peluncuran rudal oleh Korea Utara": an agent after the noun is its actor too.
    const agentBefore = g.agent.includes(tokens[after[0].from - 1]?.norm ?? '');
    if (
      gap.length <= 4 &&
      gap.every(
        (x, k) => x.word && (!g.oblique.includes(x.norm) || (agentBefore && k === gap.length - 1)) && !sc.boundaryAt.has(tokens.indexOf(x)),
      )
    ) {
      possessor = after[0];
      fire('noun-owner');
    }
  }
  // A one-sided event named by a noun ("uji coba rudal", "missile launches", "kecaman") is new only when
  // its actor stands right by it ("uji coba rudal Korut", "North Korea's missile test"); otherwise the
  // noun refers back to an event told elsewhere ("over its renewed missile launches").
  // The owner standing right before such a noun is its actor, whatever governs it ("defend against Russia's airstrikes").
  let nounOwner: Group | null = null;
  if (def.pos === 'noun' && !def.symmetric && !def.travel && !possessor) {
    const near = before[0];
    const gap = near ? tokens.slice(near.to, t.from) : [];
    // (Not across a clause boundary: "Pemerintah kami percaya bahwa desakan …" names a topic, not an act.)
    if (!near || gap.length > 2 || !gap.every((x, k) => (x.word || x.text === "'s" || x.text === '’s') && !sc.boundaryAt.has(near.to + k)))
      return [];
    // ("Jepang mengecam peluncuran rudal balistik": a noun right after another event's verb is what that verb is about,
    // not an act of the verb's subject.)
    if (sc.triggers.some((x) => x.from >= near.to && x.to <= t.from && x.alternatives.some((a) => a.pos === 'verb' && !a.requires)))
      return [];
    nounOwner = near;
  }
  // "KTT G20", "KTT kelompok Quad": an organisation's summit; the subject attends it.
  let multilateral = false;
  if (possessor && def.meeting && isOrganisation(possessor.country)) {
    multilateral = true;
    possessor = null;
    fire('organisation-summit');
    // ("memuji kepemimpinannya pada Pertemuan Menlu G20", "dicoret dari KTT ASEAN", "kata Kishida pada pertemuan APEC"): a
    // body's summit after a preposition is the setting of what the sentence tells, not news of its own.
    if (g.oblique.includes(tokens[t.from - 1]?.norm ?? '')) return [];
  }
  const ownerSuffix = g.possessive_suffixes.some((sfx) => tokens[t.to - 1]?.norm.endsWith(sfx) && !def.phrase.endsWith(sfx));

  // The subject: the nearest actor before that no preposition governs, or one followed by a relative
  // pronoun ("… Mike Pompeo, yang membatalkan kunjungannya").
  const relativeHead = (x: Group) => {
    const next = tokens.slice(x.to, x.to + 2).map((y) => y.norm);
    return next.some((w) => g.relativizers.includes(w)) && x.to < t.from;
  };
  let subjectBefore = before.find((x) => (!isOblique(ctx, sc, x) || relativeHead(x)) && !inClosedRelative(ctx, sc, x, t.from)) ?? null;
  if (nounOwner && nounOwner !== subjectBefore) {
    subjectBefore = nounOwner;
    fire('noun-owner-before');
  }
  // "AS mendukung Seoul dan mendesak Korut": a coordinated verb keeps the previous verb's subject, or,
  // when that verb coded nothing, the subject that opens the sentence ("Kim menyebut X … dan mengecam Seoul").
  if (def.pos === 'verb' && g.coordinators.includes(tokens[t.from - 1]?.norm ?? '')) {
    const opening = groups.find((x) => x.to <= t.from && usable(x) && !isOblique(ctx, sc, x));
    // ("Militer Filipina mengatakan penjaga pantai China telah "menghalangi dan menyemprotkan air" …": after a speech
    // verb the reported clause has its own subject, the one both verbs share.)
    const reported = subjectBefore && ctx.k.speechVerbs.has(tokens[subjectBefore.from - 1]?.norm ?? '') ? subjectBefore : null;
    subjectBefore = ctx.discourse.sentence.lastSource ?? reported ?? opening ?? subjectBefore;
    fire('coordinated-verb-subject');
    // "held talks with Sherman … and agreed to keep consulting on …": the same two sides agree.
    const last = ctx.discourse.sentence.lastEvent;
    if (def.symmetric && last && joinsPair(last.type) && last.target.country && subjectBefore === ctx.discourse.sentence.lastSource) {
      sameSides = last;
      fire('same-sides');
    }
  }
  // "met Truss in London on Tuesday, where they agreed on a road map": a plural pronoun right before a joint act, after a
  // meeting told in the same sentence, is that meeting's two sides.
  const pairLast = ctx.discourse.sentence.lastEvent;
  if (
    def.symmetric &&
    !sameSides &&
    (g.pair_pronouns ?? []).includes(tokens[t.from - 1]?.norm ?? '') &&
    pairLast &&
    joinsPair(pairLast.type) &&
    pairLast.target.country &&
    ctx.discourse.sentence.lastSource &&
    !after.some((x) => !sc.boundaryAt.has(x.from))
  ) {
    subjectBefore = ctx.discourse.sentence.lastSource;
    sameSides = pairLast;
    fire('same-sides');
  }
  // "Yoon …, saat bertemu Li …": after a subordinator the verb shares the main clause's subject; so does a
  // meeting noun after a preposition with no side of its own ("… mengecam …, dalam pertemuan di Seoul").
  const prevWord = tokens[t.from - 1]?.norm ?? '';
  const nounAfterPrep =
    def.pos === 'noun' && def.symmetric && !possessor && (g.oblique.includes(prevWord) || g.subordinators.includes(prevWord));
  if ((def.pos === 'verb' && g.subordinators.includes(prevWord)) || nounAfterPrep) {
    const main = groups.find((x) => x.to <= t.from && usable(x) && !isOblique(ctx, sc, x));
    if (main) {
      subjectBefore = main;
      fire('main-clause-subject');
    }
    // "Blinken dan Park Jin mengecam …, dalam pertemuan …": the coordinated subject is the other side.
    const next = main ? groups[groups.indexOf(main) + 1] : undefined;
    const link = main && next ? tokens.slice(main.to, next.from) : [];
    if (nounAfterPrep && next && usable(next) && link.length === 1 && g.coordinators.includes(link[0].norm)) {
      partner = next;
      fire('coordinated-subjects');
    }
  }
  // "…, meeting President Zelensky in Kyiv": a participle after a comma shares the main clause's subject.
  const participle =
    tokens[t.from - 1]?.text === ',' && (g.participle_suffixes ?? []).some((x) => (tokens[t.from]?.norm ?? '').endsWith(x));
  if (participle) {
    const main = groups.find((x) => x.to <= t.from && usable(x) && !isOblique(ctx, sc, x));
    if (main) subjectBefore = main;
    fire('participle-subject');
    // (The actor after a gerund is its object, not an owner as after a noun: "meeting President Zelensky".)
    possessor = null;
  }
  // "NATO denied targeting Qaddafi …, but said it had launched air strikes": a pronoun after a speech verb is its speaker.
  const speaker = def.pos === 'verb' ? reportedSpeaker(ctx, sc, t) : null;
  if (speaker) {
    subjectBefore = speaker;
    fire('reported-pronoun-speaker');
  }
  // "arrived in Hanoi early Thursday for a state visit to Vietnam": the trip's purpose has the traveller as subject.
  const purposeBefore = [t.from - 1, t.from - 2].some((i) => i >= 0 && (g.purpose_preps ?? []).includes(tokens[i].norm));
  if (def.travel && purposeBefore && ctx.discourse.sentence.lastSource && usable(ctx.discourse.sentence.lastSource)) {
    subjectBefore = ctx.discourse.sentence.lastSource;
    fire('trip-purpose-traveller');
  }
  // ("with the bloc being criticised by commentators": an active trigger between a passive auxiliary and an agent word.)
  const passive =
    def.voice === 'passive' ||
    (def.pos === 'verb' &&
      (g.passive_auxiliaries ?? []).includes(tokens[t.from - 1]?.norm ?? '') &&
      g.agent.includes(tokens[t.to]?.norm ?? ''));
  // "The US side was told that any hostile act would meet a response": the one told is addressed, not the actor;
  // the teller is the speaker the page follows (the subject told before).
  // (The subject's head noun may stand between: "The US side was told".)
  const subjectEnd = subjectBefore?.to ?? -1;
  const addressee =
    !passive &&
    !!subjectBefore &&
    [subjectEnd, subjectEnd + 1, subjectEnd + 2].some(
      (i) =>
        i + 1 < t.from &&
        tokens.slice(subjectEnd, i).every((x) => x.word) &&
        (g.passive_auxiliaries ?? []).includes(tokens[i]?.norm ?? '') &&
        (g.addressed_passives ?? []).includes(tokens[i + 1]?.norm ?? ''),
    );
  if (passive) {
    fire('passive-voice');
    target = subjectBefore;
    source = after.find((x) => g.agent.includes(sc.tokens[x.from - 1]?.norm ?? '')) ?? after[0] ?? null;
    // ("Bahwa Korea Utara terus meluncurkan rudal sangat disesalkan," katanya): with no agent named, the one who says it.
    if (!source) {
      const quote = quoteAround(tokens, t.from);
      const attributed = quote[0] >= 0 || tokens.some((x) => ctx.k.speechVerbs.has(x.norm));
      if (attributed)
        source = { from: t.from, to: t.to, start: tokens[t.from].start, end: tokens[t.to - 1].end, anaphor: 'speaker', quote };
      if (source) fire('speaker-regrets');
    }
  } else if (addressee) {
    fire('passive-addressee');
    target = subjectBefore;
  } else if (def.voice === 'host') {
    fire('host-voice');
    target = subjectBefore;
    source = after[0] ?? null;
  } else {
    source = guest ?? (possessor && !ownerSuffix ? possessor : subjectBefore);
    // "Miller menegaskan kembali komitmen keamanan AS": a named person as subject speaks for the state that
    // owns the noun; the person is the more precise source.
    if (source === possessor && possessor && subjectBefore && isPerson(subjectBefore) && !isPerson(possessor)) {
      const owner = resolveActor(ctx, sc, possessor, null)?.country;
      if (owner && resolveActor(ctx, sc, subjectBefore, null)?.country === owner) {
        source = subjectBefore;
        fire('person-speaks-for-owner');
      }
    }
    if (source && source === subjectBefore) {
      // "A dan B bertemu": the coordinated actor before the subject is the first side.
      const i = groups.indexOf(source);
      const prev = groups[i - 1];
      const link = tokens.slice(prev?.to ?? 0, source.from);
      if (prev && usable(prev) && link.length >= 1 && link.length <= 2 && link.some((x) => g.coordinators.includes(x.norm))) {
        // Both act: for a meeting they are the two sides; otherwise each is a source of its own.
        if (def.symmetric) partner = source;
        else coActors = [source];
        source = prev;
        fire('coordinated-subjects');
        // "Amerika Serikat, Korea Selatan, dan Jepang mengumumkan sanksi": the rest of the list.
        if (!def.symmetric) {
          for (let j = groups.indexOf(prev) - 1; j >= 0; j--) {
            const gap = tokens.slice(groups[j].to, source.from);
            if (!usable(groups[j]) || gap.length !== 1 || gap[0].text !== ',') break;
            coActors.push(source);
            source = groups[j];
          }
          // "misi AS untuk PBB, yang diikuti oleh Prancis, Irlandia dan Jepang, mengecam …": the list joins the one before it.
          const head = joinedHead(g, sc, source);
          if (head) {
            coActors.push(source);
            source = head;
            fire('joined-list');
          }
        }
      }
    }
    if (!source && def.crowd) {
      crowd = crowdState(ctx, sc, t);
      if (crowd) fire('crowd-state');
    }
    if (!source && !crowd) {
      // Subject after a fronted clause: "saat mengunjungi Rusia, Tn. Kim Jong-un mengundang …".
      // (Not after an adverb and a comma: in "Selanjutnya, menyambangi Johannesburg, …" the subject is dropped, the one
      // of the sentence before.)
      // ("Thousands have protested in Goma, denouncing Rwanda …": a verb with its auxiliary is finite, no fronted
      // clause; its subject stands before it, unnamed, and is not the actor after the comma.)
      const finite = sc.cues.some((c) => c.to === t.from && c.payload in STRENGTH);
      const comma = prevWord === ',' || finite ? -1 : tokens.findIndex((x, i) => i >= t.to && x.text === ',');
      if (comma >= 0) source = after.find((x) => x.from > comma && !isOblique(ctx, sc, x)) ?? null;
      if (source) fire('fronted-clause-subject');
    }
    // "Following the directives of Prime Minister Shehbaz Sharif, a relief consignment was dispatched for Myanmar": with
    // no actor as subject, the one whose directive the act carries out is its actor.
    if (!source && !crowd) {
      source = directiveGiver(ctx, sc, t);
      if (source) fire('directive-giver');
    }
    if (possessor && possessor !== source) {
      // "KTT Korea Utara dan Amerika Serikat": a coordinated pair after the noun.
      const i = groups.indexOf(possessor);
      const next = groups[i + 1];
      const link = next ? tokens.slice(possessor.to, next.from) : [];
      if (next && link.length === 1 && g.coordinators.includes(link[0].norm) && !source) {
        source = possessor;
        fire('owner-pair');
      }
    }
  }

  // (A host with no guest named hosts a gathering, not a visit: "the summit that Indonesia will host".)
  // "no South Korean president had held a summit so soon": a negated subject makes a general statement, no event.
  const subjectFrom = source?.from ?? -1;
  if (modality === 'negated' && source && sc.cues.some((c) => c.payload === 'negated' && c.to === subjectFrom)) return [];
  // "… rudal yang mana beberapa di antaranya mendarat di dekat perairan Korsel": a state named bare does not arrive.
  if (def.agent === 'person' && source && !source.anaphor && !source.person && !source.unknownName && !source.role && !source.institution)
    return [];
  if (def.crowd === 'only' && !crowd) return [];
  if (traveller) source = null;
  // "Three planes carried 105 tonnes of food on Sunday night": a load of relief told with no giver of its own is the last
  // relief's, given by the same state to the same receiver.
  const series = def.series ? ctx.discourse.lastOfType[def.type] : undefined;
  const srcActor =
    traveller ??
    crowd ??
    resolveActor(ctx, sc, source, null) ??
    (source || def.voice === 'host' ? null : (droppedSubject(ctx.discourse, index) ?? nextLegTraveller(ctx, fired))) ??
    (series ? { ...series.source } : null);
  if (!srcActor?.country) return [];
  if (!traveller && !crowd && !source && srcActor) fire('dropped-subject');

  // "Blinken and Austin held talks with their Japanese counterparts": two of one state are one side.
  if (partner && resolveActor(ctx, sc, partner, srcActor)?.country === srcActor.country) partner = null;
  // "criticized the Western countries enforcing a no-fly zone over Libya": an actor inside a participle clause about the
  // object is where that object acts, not the other side.
  const reduced = reducedRelativeAt(ctx, sc, t);
  const aboutObject = (x: Group) => reduced >= 0 && x.from > reduced && !hasBoundary(sc, reduced, x.from);
  // The other side.
  if (!target && def.target !== 'none') {
    if (partner) target = partner;
    else {
      const startAfter = possessor && possessor === source ? possessor.to : t.to;
      const clauseEnd = tokens.findIndex((x, i) => i >= startAfter && sc.boundaryAt.has(i) && !/[;:]/.test(x.text) && x.word);
      // ("a trip to lobby support for its presidency and the Russian invasion": a trip whose "to" names no place but an
      // aim has its host before the next event named after it, whose own sides those are.)
      const aimAfter =
        def.travel &&
        !def.voice &&
        g.place_to.includes(tokens[t.to - 1]?.norm ?? '') &&
        tokens[t.to]?.word &&
        !startsCapitalised(tokens[t.to].text) &&
        !(g.list_links ?? []).includes(tokens[t.to].norm);
      const nextEvent = aimAfter ? sc.triggers.find((x) => x.from >= t.to)?.from : undefined;
      const limit = Math.min(clauseEnd < 0 ? tokens.length : clauseEnd, nextEvent ?? tokens.length);
      const bothSides = source?.anaphor === 'both' || source?.anaphor === 'participants';
      const coCountries = new Set(coActors.map((x) => resolveActor(ctx, sc, x, null)?.country));
      // "keduanya mengecam peluncuran itu": both sides act together against someone else.
      if (!def.symmetric && (source?.anaphor === 'both' || source?.anaphor === 'participants'))
        for (const c of pairFor(ctx, sc) ?? []) coCountries.add(c);
      // "mengajukan protes ke Pyongyang": a capital the act is sent to is its government (a visit goes to a place);
      // "… melalui Beijing": the channel it goes through is not the other side.
      const addressed = (x: Group) => !!x.place && !def.travel && placePreposition(g, tokens, x.from) === 'to';
      const channel = (x: Group) => (g.intermediaries ?? []).includes(tokens[x.from - 1]?.norm ?? '');
      const cands = bothSides
        ? []
        : groups.filter(
            (x) =>
              x.from >= startAfter &&
              x.from < limit &&
              x !== source &&
              (usable(x) || addressed(x)) &&
              here(x) &&
              !channel(x) &&
              !aboutObject(x),
          );
      // The direct object of a verb of the same state ("meminta Menlu Pompeo …") makes it domestic.
      // ("warned that the North would …": after a complementizer the actor is the subject of what follows.)
      // ("pledged North Korea's full support": a possessor is no object.)
      const possessive = ["'s", '’s'].includes(tokens[cands[0]?.to ?? -1]?.text ?? '');
      if (def.pos === 'verb' && !def.meeting && cands[0] && cands[0].from === t.to && !sc.boundaryAt.has(t.to - 1) && !possessive) {
        const obj = resolveActor(ctx, sc, cands[0], srcActor);
        if (obj?.country && obj.country === srcActor.country) return [];
      }
      // ("Tiongkok … mendukung armada penangkap ikan Beijing": an object whose owner is the subject's own state is a thing
      // of that state; the act stays at home, whatever other state the sentence names. Only after a one-word verb: after
      // "menyatakan dukungan" the state is the noun's owner, and a person after "mengusulkan pengiriman" is the one sent.)
      const objectGap = cands[0] && !isPerson(cands[0]) && !cands[0].role ? tokens.slice(t.to, cands[0].from) : [];
      if (
        def.pos === 'verb' &&
        t.to - t.from === 1 &&
        !def.meeting &&
        objectGap.length >= 1 &&
        objectGap.length <= 4 &&
        objectGap.every((x, k) => x.word && x.text === x.norm && !g.oblique.includes(x.norm) && !sc.boundaryAt.has(t.to + k))
      ) {
        const owner = resolveActor(ctx, sc, cands[0], srcActor);
        if (owner?.country && owner.country === srcActor.country) return [];
      }
      if (possessor === source && source) {
        const i = groups.indexOf(source);
        const next = groups[i + 1];
        const link = next ? tokens.slice(source.to, next.from) : [];
        if (next && link.length === 1 && g.coordinators.includes(link[0].norm)) {
          target = next;
          fire('owner-pair');
        }
      }
      // A visit noun names its destination with a preposition ("kunjungan Putin ke Korea Utara").
      const needsTo = def.travel && def.pos === 'noun';
      target ??=
        cands.find((x) => {
          if (needsTo && !g.place_to.includes(tokens[x.from - 1]?.norm ?? '')) return false;
          const a = resolveActor(ctx, sc, x, srcActor);
          return a?.country && a.country !== srcActor.country && !coCountries.has(a.country);
        }) ?? null;
      if (target) fire('other-side-after-trigger');
    }
  }
  let tgtActor = target ? resolveActor(ctx, sc, target, srcActor) : null;
  if (sameSides && srcActor.country === sameSides.source.country) tgtActor = sameSides.target;
  // "keduanya mengecam peluncuran itu", "called the launch a violation": the act referred back to is answered,
  // and its author is the state whose hostile act was told last.
  // The states acting: the source and those coordinated with it.
  const actingSides = () => new Set([srcActor.country, ...coActors.map((x) => resolveActor(ctx, sc, x, null)?.country)]);
  // "Biden menyambut baik langkah tersebut": a step referred back is the last actor's, the one it backs.
  const referred = !def.meeting ? refersToAct(ctx, sc, t) : null;
  const answeredBy =
    referred === 'hostile' && goldstein(def.cameo) < 0
      ? [ctx.discourse.lastHostile ?? ahead(ctx)]
      : referred === 'act' && !tgtActor?.country
        ? // ("kecewa dengan tindakan ini": disapproval of "this act" answers the last hostile one, if any.)
          [goldstein(def.cameo) < 0 ? ctx.discourse.lastHostile : null, ctx.discourse.lastOpening, ctx.discourse.lastSubject?.actor.country]
        : [];
  if (answeredBy.length) {
    const own = actingSides();
    if (source?.anaphor === 'both' || source?.anaphor === 'participants') for (const c of pairFor(ctx, sc) ?? []) own.add(c);
    const answered = answeredBy.find((c) => c && !own.has(c));
    if (answered) {
      tgtActor = { name: null, country: answered, sector: null };
      fire('answers-referred-act');
    }
  }

  // Place: where it happens, or where a visit goes.
  const place = findPlace(sc, t, !!def.travel);
  // "tiba di Seoul", "terbang ke Tokyo": the place right after a visit verb names the host.
  // ("menyambangi Johannesburg", "visited Osaka": a city right after a visit verb is its object.)
  const adjacentPlace = sc.places.find(
    (p) => (p.prep || (def.travel && def.pos === 'verb' && p.from === t.to)) && p.from >= t.to && p.from <= t.to + 1,
  );
  if (def.travel && adjacentPlace && adjacentPlace.place.country !== srcActor.country) {
    tgtActor = { name: null, country: adjacentPlace.place.country, sector: null, text: adjacentPlace.place.name };
    fire('visit-place-host');
  }
  // "will fly to Anchorage, where he will meet Chinese officials": a trip home is no visit; the meeting is the event.
  if (def.travel && def.voice !== 'host' && adjacentPlace && adjacentPlace.place.country === srcActor.country) return [];
  if (
    def.travel &&
    (!tgtActor?.country || tgtActor.country === srcActor.country) &&
    place &&
    place.country !== srcActor.country &&
    (def.pos === 'verb' || sc.places.some((p) => p.prep === 'to' && p.from >= t.to))
  ) {
    tgtActor = { name: null, country: place.country, sector: null, text: place.name };
    fire('visit-place-host');
  }
  const jointBoth = !def.symmetric && (source?.anaphor === 'both' || source?.anaphor === 'participants');
  if (def.target !== 'none' && !def.gathering && !tgtActor?.country) {
    // Conflict events often name the other side only earlier in the sentence.
    if (def.target !== 'after') {
      // (A hostile act named by a noun is aimed at the sentence's subject, the one it is told about, before a state
      // named in between: "Ukraine asks Washington for missiles to defend its cities from Russian airstrikes".)
      const order = def.pos === 'noun' && nounOwner ? [...before].reverse() : before;
      const other = [...order, ...after].find((x) => {
        // Not one of the actors themselves ("Seoul, Washington and Tokyo condemned the launch").
        if (x === source || x === partner || coActors.includes(x) || aboutObject(x)) return false;
        const c = resolveActor(ctx, sc, x, srcActor)?.country;
        return !!c && c !== srcActor.country && !(jointBoth && pairFor(ctx, sc)?.includes(c));
      });
      if (other) {
        tgtActor = resolveActor(ctx, sc, other, srcActor);
        fire('other-side-in-sentence');
      }
    }
  }
  // "kedua pihak bertemu": the subject names both sides of the text's main pair.
  // (Not for a visit: "both leaders arrived in …" names no host between them.)
  if (!tgtActor?.country && !def.travel && (source?.anaphor === 'both' || source?.anaphor === 'participants')) {
    const pair = pairFor(ctx, sc);
    const other = pair?.find((c) => c !== srcActor.country);
    if (other) {
      tgtActor = { name: null, country: other, sector: null, text: srcActor.text };
      fire('both-sides-pair');
    }
  }
  // "pembatalan KTT tersebut": the meeting referred back is between the sides it was told with.
  if (referredPair && !tgtActor?.country && referredPair.includes(srcActor.country)) {
    const other = referredPair.find((c) => c !== srcActor.country);
    if (other) {
      tgtActor = { name: null, country: other, sector: null };
      fire('referred-meeting-pair');
    }
  }
  // "Sebagai balasan, militer Korsel dan AS menembakkan rudal": a show of force in response answers the
  // state whose hostile act was told last; done by two states with no one to answer, it is an act
  // between them (a joint drill), coded once.
  if (def.target === 'none' && def.show_of_force && !tgtActor?.country) {
    if (
      ctx.discourse.lastHostile &&
      !actingSides().has(ctx.discourse.lastHostile) &&
      (hasPhrase(tokens, g.response_cues ?? []) || hostileActBefore(ctx, sc, t))
    ) {
      tgtActor = { name: null, country: ctx.discourse.lastHostile, sector: null };
      fire('force-in-response');
    } else if (coActors.length) {
      const co = resolveActor(ctx, sc, coActors[0], null);
      if (co?.country && co.country !== srcActor.country) {
        tgtActor = co;
        fire('joint-drill');
      }
    }
  }
  // "began drills around Taiwan", "… around the island": a show of force answering no one is aimed at the other state
  // it surrounds (a state or an island state named after the word, in the trigger's clause).
  if (def.target === 'none' && def.show_of_force && !tgtActor?.country) {
    const around = lowerSet(g.surrounding);
    const end = tokens.findIndex((x, i) => i >= t.to && sc.boundaryAt.has(i) && x.word);
    const ring = groups.find((x) => x.from >= t.to && (end < 0 || x.from < end) && usable(x) && around.has(tokens[x.from - 1]?.norm ?? ''));
    const ringed = ring ? resolveActor(ctx, sc, ring, srcActor) : null;
    if (ringed?.country && ringed.country !== srcActor.country && !actingSides().has(ringed.country)) {
      tgtActor = { name: null, country: ringed.country, sector: null, text: ringed.text };
      fire('force-around-state');
    }
  }
  // "melancarkan serangan udara ke sejumlah wilayah di Jalur Gaza": an attack on a place of another state is on that state.
  if (def.target === 'place' && !tgtActor?.country && place?.country && place.country !== srcActor.country)
    tgtActor = { name: null, country: place.country, sector: null, text: place.name };
  if (series && !tgtActor?.country && series.source.country === srcActor.country && series.target.country) {
    tgtActor = { ...series.target };
    fire('series-continues');
  }
  // "Pertemuan Presiden Jokowi dan Morisson akan berlangsung …": a meeting whose other side is named but known to no list
  // is with the one the owner's state has on a visit just told (its guest, or its host).
  const unknownPartner = def.pos === 'noun' && source && g.coordinators.includes(tokens[source.to]?.norm ?? '') && !partner;
  if (def.meeting && !def.travel && unknownPartner && !tgtActor?.country && ctx.discourse.lastVisit) {
    const v = ctx.discourse.lastVisit;
    const other =
      v.source.country === srcActor.country ? v.target.country : v.target.country === srcActor.country ? v.source.country : null;
    if (other) {
      tgtActor = { name: null, country: other, sector: null };
      fire('visit-pair');
    }
  }
  if (def.target !== 'none' && !def.gathering && !multilateral && !tgtActor?.country) return [];
  if (tgtActor?.country && tgtActor.country === srcActor.country) {
    if (def.target === 'none' || def.gathering) tgtActor = null;
    else return [];
  }

  const dated = dateEvent({ ref: ctx.ref, grammar: g, lang: ctx.lang, discourse: ctx.discourse }, sc, t, index, {
    modality,
    cue,
    sourceName: srcActor.name,
    ready: !!cue && ctx.ek.readiness.has(cue.toLowerCase()),
    reaction: referred === 'hostile',
    tenseless: !!(g.tenseless || def.tense === 'present'),
  });
  const when = dated.when;
  modality = dated.modality;
  // "Menlu AS" in a story about July 2000 is the foreign minister of July 2000: roles on the event's day.
  const eventDay = when.date?.date ?? null;
  if (eventDay && ctx.ref && eventDay.slice(0, 10) !== fmt(ctx.ref)) {
    const s2 = source ? resolveActor(ctx, sc, source, null, eventDay) : null;
    if (s2?.country === srcActor.country) {
      if (s2.name !== srcActor.name || s2.role !== srcActor.role) fire('roles-on-event-day');
      Object.assign(srcActor, { name: s2.name, role: s2.role, sector: s2.sector });
    }
    const t2 = target && tgtActor?.country ? resolveActor(ctx, sc, target, srcActor, eventDay) : null;
    if (t2 && t2.country === tgtActor?.country) {
      if (t2.name !== tgtActor.name || t2.role !== tgtActor.role) fire('roles-on-event-day');
      tgtActor = t2;
    }
  }
  // "KTT ke-43 ASEAN": a meeting noun whose other side is an organisation is that body's summit.
  if (def.pos === 'noun' && def.meeting && def.mode === null && isOrganisation(tgtActor?.country ?? undefined)) {
    multilateral = true;
    fire('organisation-summit');
  }
  // A summit's other side is the state where it meets, when the text names it ("KTT G20 di Osaka, Jepang").
  if (multilateral || def.gathering) {
    if (place?.country && place.country !== srcActor.country) {
      tgtActor = { name: null, country: place.country, sector: null, text: place.name };
      fire('summit-host-state');
    } else if (multilateral) tgtActor = null;
  }
  const target_ = tgtActor ?? { name: null, country: null, sector: null };
  // A visit is between two sides too: "kedua pihak" after it means the visitor and the host.

  // A meeting with no mode of its own held in a third state is mediated there ("third-party").
  const mode = multilateral ? 'multilateral' : place && def.meeting && def.mode === null ? thirdParty(place, srcActor, target_) : def.mode;
  if (mode === 'third-party') fire('third-party-place');
  let confidence = 0.45;
  if (srcActor.name) confidence += 0.1;
  if (target_.country) confidence += 0.1;
  if (when.source === 'sentence') confidence += 0.15;
  if (source && !source.anaphor) confidence += 0.1;
  if (def.pos === 'verb') confidence += 0.05;
  const event: CodedEvent = {
    type: def.type,
    mode,
    cameo: mode === 'third-party' ? '044' : def.cameo,
    goldstein: goldstein(mode === 'third-party' ? '044' : def.cameo),
    source: srcActor,
    target: target_,
    date: when.date?.date ?? null,
    date_end: when.date?.date_end ?? null,
    modality,
    // A whole state named after "di" is not a place of its own ("tiba di Korea Selatan").
    place: place && !place.wholeCountry ? { name: place.name, country: place.country } : null,
    evidence: { text: sc.s.text, start: sc.s.start, end: sc.s.end },
    confidence: Math.min(0.95, Number(confidence.toFixed(2))),
    provenance: {
      trigger: def.phrase,
      trigger_text: textOf(tokens, t),
      ...(cue ? { modality_cue: cue } : {}),
      date_from: when.source,
      ...(when.text ? { date_text: when.text } : {}),
      rules: fired,
    },
  };
  acceptEvent(ctx.discourse, {
    event,
    sentence: index,
    subject: source,
    triggerFrom: t.from,
    date: when.date,
    symmetric: !!def.symmetric,
  });
  return fanOut(ctx, sc, { event, def, jointBoth, coActors, adjacentPlace, target });
}

/**
 * Whether the trigger's object is an act told before, with no actor named: a hostile one ("the launch",
 * "peluncuran itu") or any other ("the move", "langkah tersebut").
 */
function refersToAct(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): 'hostile' | 'act' | null {
  const { tokens } = sc;
  for (let i = t.to; i < Math.min(tokens.length, t.to + 3); i++) {
    if (sc.groups.some((x) => x.from >= t.to && x.from <= i)) return null;
    const hostile = ctx.ek.hostileActs.matchAt(tokens, i);
    const m = hostile ?? ctx.ek.acts.matchAt(tokens, i);
    if (!m) continue;
    if (referredBack(ctx, tokens, m)) return hostile ? 'hostile' : 'act';
    // "mengutuk peluncuran ICBM": a hostile act with no author of its own named is the one told before.
    const owned = sc.groups.some((x) => x.from >= m.to && x.from <= m.to + 2);
    return hostile && !owned ? 'hostile' : null;
  }
  return null;
}

/** The author of an act answered before the page told any: known on the second pass, asked for on the first. */
function ahead(ctx: DocContext): string | null {
  ctx.wantsAhead = true;
  return ctx.aheadHostile;
}

/** Whether a phrase is marked as told before: "the launch", "that move", "peluncuran itu". */
const referredBack = (ctx: DocContext, tokens: Token[], m: { from: number; to: number }) =>
  ctx.ek.anaphoricBefore.has(tokens[m.from - 1]?.norm ?? '') || ctx.ek.anaphoricAfter.has(tokens[m.to]?.norm ?? '');

/** A hostile act referred back before the trigger: "Hours after the launch, … staged a drill". */
function hostileActBefore(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): boolean {
  const { tokens } = sc;
  for (let i = 0; i < t.from; i++) {
    const m = ctx.ek.hostileActs.matchAt(tokens, i);
    if (m && m.to <= t.from && referredBack(ctx, tokens, m)) return true;
  }
  return false;
}

/** An event noun with its own actor right after it and its own calendar date in its clause. */
function toldOnItsOwn(sc: SentenceContext, t: PhraseMatch<TriggerDef>): boolean {
  const own = sc.groups.some((x) => x.from >= t.to && x.from <= t.to + 2 && usable(x));
  const end = sc.tokens.findIndex((x, i) => i >= t.to && sc.boundaryAt.has(i) && x.word);
  const limit = end < 0 ? Number.POSITIVE_INFINITY : sc.tokens[end].start;
  const start = sc.tokens[t.to - 1].end;
  const dated = sc.times.some(
    (x) => x.start >= start && x.start < limit && (x.value.kind === 'date' || x.value.kind === 'month-rel') && x.value.m !== undefined,
  );
  return own && dated;
}

/**
 * The state of a crowd that is the trigger's subject: "Thousands of Chinese besieged …" (the state named with it),
 * "Thousands have protested in the eastern Congo …", "10,000 people have gathered in the Turkish capital …" (where
 * it gathers). The crowd word stands before the trigger in its clause with no actor as subject between them.
 */
function crowdState(ctx: DocContext, sc: SentenceContext, t: PhraseMatch<TriggerDef>): Actor | null {
  const g = ctx.k.grammar;
  const crowds = lowerSet(g.crowds);
  const { tokens } = sc;
  let at = -1;
  for (let i = t.from - 1; i >= Math.max(0, t.from - 8); i--) {
    if (sc.boundaryAt.has(i) || tokens[i].text === ',') break;
    if (crowds.has(tokens[i].norm)) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  // An actor standing as subject between the crowd and the trigger acts itself ("thousands of miles away, Japan …").
  if (sc.groups.some((x) => x.from > at && x.to <= t.from && usable(x) && !isOblique(ctx, sc, x))) return null;
  const links = derived(g, 'crowd.links', () => lowerSet([...g.place_at, ...(g.owner_links ?? [])]));
  const named = [
    ...sc.groups.filter((x) => !x.nonactor).map((x) => ({ from: x.from, country: x.country ?? x.place?.country })),
    ...sc.places.map((p) => ({ from: p.from, country: p.place.country })),
  ]
    .filter((x) => x.from > at && x.from <= t.to + 8 && x.country)
    .sort((a, b) => a.from - b.from);
  for (const x of named) {
    if (hasBoundary(sc, at + 1, x.from)) return null;
    // "of Chinese", "in the eastern Democratic Republic of the Congo": a link word, then at most two words.
    for (let i = x.from - 1; i >= Math.max(at + 1, x.from - 3); i--) {
      if (links.has(tokens[i].norm)) return { name: null, country: x.country ?? null, sector: null };
      if (!tokens[i].word) break;
    }
  }
  return null;
}

/** Whether the tokens hold one of the phrases, word for word ("in response", "sebagai balasan"). */
function hasPhrase(tokens: Token[], phrases: string[]): boolean {
  if (!phrases.length) return false;
  const text = ` ${tokens.map((x) => x.norm).join(' ')} `;
  return phrases.some((p) => text.includes(` ${p.toLowerCase()} `));
}

/** International organisations are coded by acronym (UN, ASEAN, G20), states by ISO alpha-3. */
const isOrganisation = (code: string | undefined) => !!code && !/^[A-Z]{3}$/.test(code);

/** A meeting held in a state that is neither side's is CONSULT/third-party. */
function thirdParty(place: Place, a: Actor, b: Actor): string | null {
  if (!place.country || !a.country || !b.country) return null;
  return place.country !== a.country && place.country !== b.country ? 'third-party' : null;
}

function findPlace(sc: SentenceContext, t: PhraseMatch<TriggerDef>, visit: boolean): (Place & { wholeCountry: boolean }) | null {
  const after = sc.places.filter((p) => p.from >= t.to && p.prep);
  const pick = visit ? (after.find((p) => p.prep === 'to') ?? after[0]) : after[0];
  const chosen = pick ?? sc.places.filter((p) => p.to <= t.from && p.prep === 'at').pop();
  return chosen ? { name: chosen.place.name, country: chosen.place.country, wholeCountry: chosen.place.kind === 'country' } : null;
}

const fmt = (d: Ymd) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
