// The discourse state of a page: what has been told so far that later sentences point back to — the last
// subject, the pairs that met, the last act of force, the dates told. Passes read it; only this module writes
// it, at two moments: when an event is accepted, and when a sentence has been coded.
import type { GrammarLexicon } from '../actors/lexicon.ts';
import { dayRange, type ResolvedDate, resolveTime, type TimeExpression, type Ymd } from '../time/expressions.ts';
import type { Actor, CodedEvent, Modality } from '../types.ts';
import type { Group } from './analysis.ts';
import { featuresOf } from './features.ts';

/** A date told in a sentence. */
export interface Dated {
  readonly date: ResolvedDate;
  readonly sentence: number;
}

/** The discourse state as passes see it: read-only. */
export interface Discourse {
  /** The subject of the last event coded, and its sentence: a clause with no subject of its own continues it. */
  readonly lastSubject: { readonly actor: Actor; readonly sentence: number } | null;
  /** The last pair that met, talked or agreed. */
  readonly lastPair: [string, string] | null;
  /** Every pair that met, talked or agreed, in text order: "kedua pihak" picks among them. */
  readonly pairs: readonly [string, string][];
  /** The last date told ahead of the page's day, before it, and either. */
  readonly lastDate: { readonly past: Dated | null; readonly future: Dated | null; readonly latest: Dated | null };
  /** The date of the last event coded: what "pada hari yang sama" points to. */
  readonly lastEventDate: Dated | null;
  /** The named person whose dated past act was told last, and its date. */
  readonly lastActorDate: (Dated & { readonly name: string }) | null;
  /** The day of the first event the page tells as done: the news of the day, which "came a week after …". */
  readonly leadDate: ResolvedDate | null;
  /** The state whose act of material conflict was told last: what "in response" answers. */
  readonly lastHostile: string | null;
  /** The date of that act. */
  readonly lastHostileDate: ResolvedDate | null;
  /** The state of the previous sentence's first actor: whose step "langkah tersebut" is. */
  readonly lastOpening: string | null;
  /** The last visit coded: what "kunjungan ini" is. */
  readonly lastVisit: CodedEvent | null;
  /** The last event of each type accepted: what a load of relief told with no sides of its own continues. */
  readonly lastOfType: Readonly<Record<string, CodedEvent>>;
  /** Within the sentence being coded: what its events told so far. */
  readonly sentence: SentenceDiscourse;
}

/** What the events coded so far in one sentence tell the next trigger of the same sentence. */
export interface SentenceDiscourse {
  /** The subject of the last event: "X supported Y and urged Z" shares it (undefined before any event). */
  readonly lastSource: Group | null | undefined;
  /** The last event: "met … and agreed to …" shares its two sides. */
  readonly lastEvent: CodedEvent | undefined;
  /** Dates of the events so far, by trigger token: the anchor of "two days after …". */
  readonly datedAt: readonly { readonly from: number; readonly date: ResolvedDate }[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type SentenceState = Omit<Mutable<SentenceDiscourse>, 'datedAt'> & { datedAt: { from: number; date: ResolvedDate }[] };
type State = Omit<Mutable<Discourse>, 'pairs' | 'lastDate' | 'sentence' | 'lastOfType'> & {
  lastOfType: Record<string, CodedEvent>;
  pairs: [string, string][];
  lastDate: Mutable<Discourse['lastDate']>;
  sentence: SentenceState;
};

const emptySentence = (): SentenceState => ({ lastSource: undefined, lastEvent: undefined, datedAt: [] });

/** The state of a page before its first sentence. */
export function startDiscourse(): Discourse {
  const state: State = {
    lastSubject: null,
    lastPair: null,
    pairs: [],
    lastDate: { past: null, future: null, latest: null },
    lastEventDate: null,
    lastActorDate: null,
    leadDate: null,
    lastHostile: null,
    lastHostileDate: null,
    lastOpening: null,
    lastVisit: null,
    lastOfType: {},
    sentence: emptySentence(),
  };
  return state;
}

/** A new sentence: nothing coded in it yet. */
export function beginSentence(d: Discourse): void {
  (d as State).sentence = emptySentence();
}

/** An event accepted: what it tells later triggers and sentences. */
export interface Accepted {
  event: CodedEvent;
  /** Its sentence's index. */
  sentence: number;
  /** The phrase that named its subject. */
  subject: Group | null;
  /** Its trigger's first token. */
  triggerFrom: number;
  /** Its date as resolved (null when it has none). */
  date: ResolvedDate | null;
  /** Whether its trigger names an event between two sides (a meeting, a visit): its pair is what "kedua pihak" means later. */
  symmetric: boolean;
}

/** Records an accepted event: its pair, its subject, an act of force, its date in the sentence. */
export function acceptEvent(d: Discourse, a: Accepted): void {
  const state = d as State;
  const { event } = a;
  const src = event.source.country;
  const tgt = event.target.country;
  // A visit is between two sides too: "kedua pihak" after it means the visitor and the host.
  if (a.symmetric && src && tgt) {
    state.lastPair = [src, tgt];
    state.pairs.push(state.lastPair);
  }
  // (The first act of a sentence is its main clause's: "X is condemning an Israeli airstrike" — the next sentence's
  // dropped subject is X, not the owner of a noun told after it.)
  if (state.lastSubject?.sentence !== a.sentence) state.lastSubject = { actor: event.source, sentence: a.sentence };
  state.sentence.lastSource = a.subject;
  // Material conflict (CAMEO 15–20: force, sanctions, coercion, assault) is what a later act answers.
  if (Number(event.cameo.slice(0, 2)) >= 15 && event.modality === 'occurred') {
    state.lastHostile = src;
    state.lastHostileDate = a.date;
  }
  if (a.date) state.sentence.datedAt.push({ from: a.triggerFrom, date: a.date });
  state.sentence.lastEvent = event;
  if (src && tgt) state.lastOfType[event.type] = event;
}

/** A sentence coded: its events and the dates it tells anchor the sentences after it. */
export function endSentence(
  d: Discourse,
  s: {
    index: number;
    /** The events coded in it, fanned out, in order. */
    events: CodedEvent[];
    /** Its time expressions and tokens (to tell a date in an aside from an anchor). */
    times: TimeExpression[];
    tokens: { text: string; norm: string; start: number; end: number }[];
    /** The state of its first actor, or null. */
    opening: string | null;
  },
  ref: Ymd | null,
  grammar: GrammarLexicon,
): void {
  const state = d as State;
  for (const e of s.events) {
    if (featuresOf(e.type, e.mode).travel) state.lastVisit = e;
    if (!state.leadDate && e.modality === 'occurred' && e.date?.length === 10 && !e.date_end)
      state.leadDate = { date: e.date, date_end: e.date_end, precision: 'day' };
    if (e.date && e.date.length >= 7)
      state.lastEventDate = {
        date: { date: e.date, date_end: e.date_end, precision: e.date.length >= 10 ? 'day' : 'month' },
        sentence: s.index,
      };
  }
  rememberDates(state, s.index, s.times, s.tokens, ref, grammar);
  state.lastOpening = s.opening;
  // The dates of events just coded anchor later sentences of the same tense.
  for (const e of s.events) {
    if (!e.date || e.provenance?.date_from !== 'sentence') continue;
    const dated = {
      date: { date: e.date, date_end: e.date_end, precision: (e.date.length >= 10 ? 'day' : 'month') as 'day' | 'month' },
      sentence: s.index,
    };
    if (isFuture(e.modality)) state.lastDate.future = dated;
    else if (e.modality === 'occurred') {
      state.lastDate.past = dated;
      if (e.source.name) state.lastActorDate = { ...dated, name: e.source.name };
    }
  }
}

const isFuture = (m: Modality) => m === 'planned' || m === 'expected';

/** Dates told in a sentence become the anchor of later sentences that state none ("Saat itu, …"). */
function rememberDates(
  state: State,
  sentence: number,
  times: TimeExpression[],
  tokens: { text: string; norm: string; start: number; end: number }[],
  ref: Ymd | null,
  grammar: GrammarLexicon,
): void {
  if (!ref) return;
  const refMs = Date.UTC(ref.y, ref.m - 1, ref.d);
  const rel = grammar.relativizers;
  for (const x of times) {
    if (x.value.kind === 'duration') continue;
    // A date in a relative clause about someone (", who takes office on May 10") is theirs, not an anchor.
    const aside = tokens.findIndex((tk, i) => tk.end <= x.start && rel.includes(tk.norm) && tokens[i - 1]?.text === ',');
    if (aside >= 0 && !tokens.some((tk) => tk.start > tokens[aside].start && tk.end <= x.start && tk.text === ',')) continue;
    const r = resolveTime(x.value, ref, 'none');
    if (!r) continue;
    const range = dayRange(r.date, r.date_end);
    if (!range) continue;
    const dated = { date: r, sentence };
    if (range[1] >= refMs + 86400000) state.lastDate.future = dated;
    else state.lastDate.past = dated;
    state.lastDate.latest = dated;
  }
}

/** A clause with no subject continues the previous sentence's subject (pronoun drop). */
export function droppedSubject(d: Discourse, index: number): Actor | null {
  if (d.lastSubject && index - d.lastSubject.sentence <= 1) return d.lastSubject.actor;
  return null;
}
