// The argument frame of a trigger: the actors that stand as its subject, its owner, its partner and its
// other side in the sentence, and those coordinated with its subject, before any is resolved to a state.
// Rules that fire are named through `fire` (./rules.ts), so that each event's provenance lists them.
import { isPerson, joinedHead, resolveActor } from '../actors/resolve.ts';
import { quoteAround } from '../actors/speaker.ts';
import { derived, lowerSet, phraseWords } from '../lexicon/derived.ts';
import type { PhraseMatch } from '../text/tokens.ts';
import type { Actor, CodedEvent } from '../types.ts';
import { type Group, type SentenceContext, usable } from './analysis.ts';
import { type DocContext, hasBoundary, isOblique, isOrganisation } from './context.ts';
import type { TriggerDef } from './lexicon.ts';
import { joinsPair } from './merge.ts';
import { isModalityCue } from './modality.ts';
import type { RuleName } from './rules.ts';

export interface ArgumentFrame {
  /** Usable actors before the trigger (nearest first) and after it, within its quote when it stands in one. */
  before: Group[];
  after: Group[];
  /** Whether an actor is in the trigger's scope: first person inside a quote acts only in what the quote says. */
  here: (x: Group) => boolean;
  source: Group | null;
  /** The other side of a symmetric event named with the source ("A dan B bertemu", "between A and B"). */
  partner: Group | null;
  /** The other side when the syntax names it: the subject of a passive or host trigger. */
  target: Group | null;
  /** The actor owning a trigger noun ("kunjungan Putin", "North Korea's missile test"). */
  possessor: Group | null;
  /** Actors coordinated with the source that act too ("China dan Rusia memveto …"). */
  coActors: Group[];
  /** The state of a crowd that acts ("thousands of Chinese besieged …"). */
  crowd: Actor | null;
  /** The event whose two sides this one keeps ("met … and agreed …"). */
  sameSides: CodedEvent | null;
  /** An organisation's summit ("KTT G20"): attended, not met. */
  multilateral: boolean;
  /** The actor standing right before a one-sided event noun, its owner ("North Korea's missile test"). */
  nounOwner: Group | null;
}

/**
 * The frame of trigger `t`; null when the trigger is no event of its own (a one-sided event noun with no actor by it
 * refers back to an event told elsewhere). `guest` is the one invited to visit, when the trigger is such a visit.
 */
export function argumentFrame(
  ctx: DocContext,
  sc: SentenceContext,
  t: PhraseMatch<TriggerDef>,
  guest: Group | null,
  fire: (rule: RuleName) => void,
): ArgumentFrame | null {
  const def = t.payload;
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
      return null;
    // ("Jepang mengecam peluncuran rudal balistik": a noun right after another event's verb is what that verb is about,
    // not an act of the verb's subject.)
    if (sc.triggers.some((x) => x.from >= near.to && x.to <= t.from && x.alternatives.some((a) => a.pos === 'verb' && !a.requires)))
      return null;
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
    if (g.oblique.includes(tokens[t.from - 1]?.norm ?? '')) return null;
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
      const finite = sc.cues.some((c) => c.to === t.from && isModalityCue(c.payload));
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

  return { before, after, here, source, partner, target, possessor, coActors, crowd, sameSides, multilateral, nounOwner };
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
