// Shared data shapes of the pipeline. Every stage is a plain function over these types.

/** ISO 639-1 code of the languages kronik codes natively, or "other". */
export type Language = 'id' | 'en' | 'other';

/** PLOVER event types (manual draft v2.0, 16 types). */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type EventType = (typeof PLOVER_TYPES)[number];

export const MODALITIES = ['occurred', 'planned', 'expected', 'cancelled', 'negated', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];

/** A span of the cleaned body: [start, end) character offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

/** Where a document came from, before cleaning. */
export interface RawInput {
  /** Display name: the file base name, or `url` for records inside a JSONL/WARC/feed. */
  doc: string;
  /** Path of the file that held it (for error messages). */
  path: string;
  url?: string;
  kind: 'text' | 'html';
  content: string;
  /** Metadata a container already states (feed item date, WARC date, JSONL fields). */
  hints?: { title?: string; published?: string; author?: string; outlet?: string };
}

export interface CitedSource {
  name: string;
  /** The phrase that named it, e.g. "dikutip dari". */
  cue: string;
  url?: string;
}

/** A cleaned document: what `kronik extract` prints (with `events`). */
export interface Document {
  doc: string;
  url?: string | null;
  language: Language;
  title: string | null;
  /** ISO 8601 with offset, e.g. 2020-11-05T20:06:00+07:00, or a date when only the day is known. */
  published: string | null;
  /** "page" (stated by the page), "container" (feed/WARC/JSONL, a search index's date tag), "inferred-text" (from
   * dates in the body), or null. */
  published_source: 'page' | 'container' | 'inferred-text' | null;
  outlet: string | null;
  author: string | null;
  dateline: string | null;
  sources: CitedSource[];
  body: string;
  sentences: Sentence[];
  content_hash: string;
  events: CodedEvent[];
}

export interface Actor {
  /** Canonical person or institution name, null when only a country/role is known. */
  name: string | null;
  /** ISO 3166-1 alpha-3, or an IGO acronym (UN, ASEAN, EU, NATO, G20), or null. */
  country: string | null;
  /** CAMEO-style sector: GOV, MIL, DIP, … or null. */
  sector: string | null;
  /** Role key held at the event date, e.g. "foreign minister". */
  role?: string | null;
  /** The text that named this actor in the evidence sentence. */
  text?: string | null;
}

export interface Place {
  name: string;
  country: string | null;
}

export interface CodedEvent {
  type: EventType;
  mode: string | null;
  cameo: string;
  goldstein: number;
  source: Actor;
  target: Actor;
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  date: string | null;
  date_end: string | null;
  modality: Modality;
  place: Place | null;
  evidence: { text: string; start: number; end: number };
  /** Further spans of the same document that restate this event. */
  evidence_more?: { text: string; start: number; end: number }[];
  confidence: number;
  /** Which lexicon entries produced the fields (trigger, modality cue, date expression) and which rules fired. */
  provenance?: Provenance;
}

/** What produced an event: the lexicon entries behind its fields and the named rules of the coder that fired. */
export interface Provenance {
  /** The trigger's lexicon entry. */
  trigger?: string;
  /** The trigger's words in the sentence. */
  trigger_text?: string;
  /** The cue that set the modality. */
  modality_cue?: string;
  /** Where the date came from: sentence, inherited, publication or none. */
  date_from?: string;
  /** The date expression. */
  date_text?: string;
  /** The named rules (src/events/rules.ts) that fired, in order. */
  rules?: string[];
}
