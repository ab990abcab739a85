// The analysis of one sentence that every pass of the coder reads: its tokens, actor phrases, places, time
// expressions, cues and trigger matches.
import type { Person, PlacePayload } from '../actors/lexicon.ts';
import type { PhraseMatch, Token } from '../text/tokens.ts';
import type { TimeExpression } from '../time/expressions.ts';
import type { Sentence } from '../types.ts';
import type { CueClass, TriggerDef } from './lexicon.ts';

/** One actor phrase of a sentence: "Menteri Luar Negeri Amerika Serikat (AS), Antony Blinken". */
export interface Group {
  from: number;
  to: number;
  start: number;
  end: number;
  country?: string;
  countryForm?: string;
  person?: Person;
  unknownName?: string;
  role?: { role: string; sector: string; country?: string };
  institution?: { institution: string; sector: string; country?: string; label: string };
  anaphor?: 'person' | 'country' | 'both' | 'participants' | 'counterpart' | 'speaker';
  nationals?: boolean;
  nonactor?: boolean;
  /** A capital after "di"/"ke": a place, not the government. */
  place?: PlacePayload;
  honorific?: boolean;
  /** For first person: the quote marks around it (token positions; -1 / length when the quote is open). */
  quote?: [number, number];
}

/** A place named in a sentence, with the preposition before it ("ke"/"to", "di"/"in"). */
export interface SentencePlace {
  from: number;
  to: number;
  place: PlacePayload;
  prep: 'at' | 'to' | null;
}

export interface SentenceContext {
  s: Sentence;
  tokens: Token[];
  groups: Group[];
  places: SentencePlace[];
  times: TimeExpression[];
  cues: PhraseMatch<CueClass>[];
  predicates: PhraseMatch<true>[];
  triggers: PhraseMatch<TriggerDef>[];
  boundaryAt: Set<number>;
  continuerAt: Set<number>;
}

/** Whether an actor phrase can be a side of an event: not a non-actor, a people's nationals, or a place. */
export const usable = (g: Group) => !g.nonactor && !g.nationals && !g.place;
