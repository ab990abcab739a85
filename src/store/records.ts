// The records the store returns and the JSON API serves: plain types (importing only src/types.ts, itself
// import-free), so the web UI shares them with the server instead of restating them.
import type { Provenance } from '../types.ts';

export interface ActorRef {
  name: string | null;
  country: string | null;
  sector: string | null;
}

/** A merged chronicle event, in the gold/`extract` event shape plus merge statistics. */
export interface ChronicleEvent {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  quad_class: number | null;
  source: ActorRef;
  target: ActorRef;
  date: string | null;
  date_end: string | null;
  /** Status of the real-world event (occurred, planned, …), following the news. */
  status: string;
  place: EventPlace | null;
  n_mentions: number;
  n_articles: number;
  n_outlets: number;
  /** Publication time of the earliest / latest document mentioning it. */
  first_seen: string | null;
  last_seen: string | null;
  /** When the store last created or changed this event (ISO UTC). */
  changed_at: string;
}

/** Where an event happened, with coordinates from the gazetteer (null when unknown). */
export interface EventPlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** "city": the place itself; "country": its country's centroid (the place was not found). */
  precision: 'city' | 'country' | null;
}

/** A sentence (or clause) of a document body, by character offsets into it. */
export interface EvidenceSpan {
  text: string;
  start: number;
  end: number;
}

/** One coded event as stated in one document. */
export interface MentionRecord {
  key: string;
  event_id: string | null;
  doc: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  source: ActorRef & { role: string | null; text: string | null };
  target: ActorRef & { role: string | null; text: string | null };
  date: string | null;
  date_end: string | null;
  /** Modality as stated by this document. */
  modality: string;
  place: { name: string; country: string | null } | null;
  evidence: EvidenceSpan;
  evidence_more: EvidenceSpan[] | null;
  confidence: number;
  /**
   * What produced the mention: `trigger` (the lexicon entry) and `trigger_text`, `modality_cue`,
   * `date_from` (sentence, inherited, publication, none) and `date_text`.
   */
  provenance: Provenance | null;
}

export interface EventDetail extends ChronicleEvent {
  mentions: MentionRecord[];
}

export interface ActorSummary {
  name: string | null;
  country: string | null;
  sector: string | null;
  n_events: number;
}

export interface DyadSummary {
  dyad: string;
  a: string;
  b: string;
  n_events: number;
  first_date: string | null;
  last_date: string | null;
}

export interface DyadSeriesPoint {
  /** YYYY-MM. Events dated only to a year are left out of the monthly series. */
  month: string;
  n_events: number;
  goldstein_mean: number;
  /** PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  verbal_coop: number;
  material_coop: number;
  verbal_conflict: number;
  material_conflict: number;
}

export interface StoredDocument {
  doc: string;
  url: string | null;
  content_hash: string;
  language: string | null;
  title: string | null;
  published: string | null;
  published_source: string | null;
  outlet: string | null;
  author: string | null;
  dateline: string | null;
  body: string;
  sources: unknown[];
  ingested_at: string;
  mentions: MentionRecord[];
}

export interface DocumentHit {
  doc: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
}
