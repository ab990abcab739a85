// The event coder: from a clean document, the events it reports — who did what to whom, when, where,
// with what modality — each with the sentence it came from. Rules are language-agnostic; every word
// list comes from lexicons/<lang>/ (events, modality, grammar, actors, roles, countries, time).
import { actorKnowledge } from '../actors/lexicon.ts';
import { isPerson, pairFor, resolveActor } from '../actors/resolve.ts';
import { quoteAround } from '../actors/speaker.ts';
import { derived, lowerList, lowerSet, phraseWords } from '../lexicon/derived.ts';
import { type PhraseMatch, startsCapitalised, type Token } from '../text/tokens.ts';
import { dateEvent } from '../time/event-date.ts';
import { findTimeExpressions, parseIsoDay, type Ymd } from '../time/expressions.ts';
import type { Actor, CodedEvent, Document, Modality, Place } from '../types.ts';
import { analyseSentence, datelineEnd, type Group, placePreposition, type SentenceContext, usable } from './analysis.ts';
import { ahead, type DocContext, hasBoundary, isOrganisation, textOf } from './context.ts';
import { acceptEvent, beginSentence, droppedSubject, endSentence, startDiscourse } from './discourse.ts';
import { fanOut } from './fanout.ts';
import { featuresOf } from './features.ts';
import { argumentFrame } from './frame.ts';
import { type EventKnowledge, eventKnowledge, goldstein, type TriggerDef } from './lexicon.ts';
import { mergeWithinDocument } from './merge.ts';
import { modalityOf } from './modality.ts';
import type { RuleName } from './rules.ts';

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
  const frame = argumentFrame(ctx, sc, t, guest, fire);
  if (!frame) return [];
  const { before, after, here, partner: framePartner, target: frameTarget, sameSides, crowd, possessor, coActors, nounOwner } = frame;
  let { multilateral } = frame;
  let { source } = frame;
  let partner = framePartner;
  let target = frameTarget;

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

/** Whether the tokens hold one of the phrases, word for word ("in response", "sebagai balasan"). */
function hasPhrase(tokens: Token[], phrases: string[]): boolean {
  if (!phrases.length) return false;
  const text = ` ${tokens.map((x) => x.norm).join(' ')} `;
  return phrases.some((p) => text.includes(` ${p.toLowerCase()} `));
}

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
