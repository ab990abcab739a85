// Merging mentions (one coded event as stated in one document) into chronicle events.
//
// Everything here is a pure function of a set of mentions, so the chronicle does not
// depend on the order in which documents were ingested:
//
// 1. Block. Mentions are grouped by (type, unordered country pair): `blockKey`.
//    Only mentions of one block can ever form one event.
// 2. Cluster. Within a block, mentions are sorted by a stable key (date precision, first
//    day, mention key) and assigned greedily to the first cluster they are compatible with
//    *every* member of (complete linkage, so an undated mention never chains two events
//    with different dates together). Compatibility:
//    - mode: equal, or one of them null;
//    - direction: for directed mentions the source country must agree; symmetric
//      mentions (AGREE, COOPERATE, CONSULT other than a visit) fit either direction;
//    - dates: the day ranges (date..date_end, a month or year covering all its days)
//      overlap within ±1 day, or one of them is undated;
//    - place: same name (case/diacritic-insensitive) or one missing (visits: any city of the host state);
//    - named actors: when both mentions name persons, the name sets overlap.
// 3. Event. Id = "ev" + first 16 hex digits of sha256(smallest mention key). Status:
//    occurred if any mention occurred; else cancelled if the latest-published mention
//    says cancelled; else the latest-published mention's modality (unknown publication
//    time counts as oldest; ties by mention key). Date: the most precise date among the
//    mentions whose modality equals the status (all mentions if none of those is dated);
//    ties go to the date stated by more mentions, then to the earliest-published report.
import { createHash } from 'node:crypto';
import { dyadKey, isSymmetric, NO_COUNTRY, quadClass } from '../events/merge.ts';
import { dayToIso, eventDateRange } from './dates.ts';

export { dyadKey, isSymmetric, NO_COUNTRY, QUAD_CLASS, quadClass } from '../events/merge.ts';

/**
 * Span classes of an event's date range: class i holds events whose date_hi is at most
 * SPAN_CLASS_DAYS[i] days after date_lo (a day or a month: class 0; a year: class 1);
 * the last class is unbounded. Date filters scan each class from its own lower bound.
 */
export const SPAN_CLASS_DAYS = [31, 366] as const;

export function spanClass(lo: number, hi: number): number {
  const d = hi - lo;
  const i = SPAN_CLASS_DAYS.findIndex((max) => d <= max);
  return i < 0 ? SPAN_CLASS_DAYS.length : i;
}

export function blockKey(type: string, source: string | null | undefined, target: string | null | undefined): string {
  return `${type}|${dyadKey(source, target)}`;
}

export function mentionKey(contentHash: string, index: number, doc: string): string {
  const docTag = createHash('sha256').update(doc).digest('hex').slice(0, 12);
  return `${contentHash}:${String(index).padStart(4, '0')}:${docTag}`;
}

export function eventIdFor(smallestMentionKey: string): string {
  return `ev${createHash('sha256').update(smallestMentionKey).digest('hex').slice(0, 16)}`;
}

export function normName(s: string | null | undefined): string | null {
  if (!s) return null;
  const n = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return n || null;
}

/** What the merge needs to know about one mention. */
export interface MergeMention {
  /** Stable unique key: content hash, index in document, doc tag. */
  key: string;
  doc: string;
  outlet: string | null;
  published: string | null;
  /** Epoch ms of `published`, null when unknown (sorts as the oldest). */
  publishedMs: number | null;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  sourceName: string | null;
  sourceCountry: string | null;
  sourceSector: string | null;
  targetName: string | null;
  targetCountry: string | null;
  targetSector: string | null;
  date: string | null;
  dateEnd: string | null;
  modality: string;
  placeName: string | null;
  placeCountry: string | null;
  evidence: string;
}

/** A merged chronicle event (the row stored in `events`). */
export interface MergedEvent {
  id: string;
  block_key: string;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  quad_class: number | null;
  source_name: string | null;
  source_country: string | null;
  source_sector: string | null;
  target_name: string | null;
  target_country: string | null;
  target_sector: string | null;
  dyad: string;
  date: string | null;
  date_end: string | null;
  date_lo: string | null;
  date_hi: string | null;
  month: string | null;
  span: number;
  place_name: string | null;
  place_country: string | null;
  status: string;
  n_mentions: number;
  n_articles: number;
  n_outlets: number;
  first_seen: string | null;
  last_seen: string | null;
  search_text: string;
  sig: string;
  /** Keys of the member mentions, sorted. */
  mentionKeys: string[];
}

interface Prepared {
  m: MergeMention;
  lo: number | null;
  hi: number | null;
  precision: number;
  directed: boolean;
  place: string | null;
  names: Set<string>;
}

interface Cluster {
  members: Prepared[];
  mode: string | null;
  direction: string | null;
  maxLo: number | null;
  minHi: number | null;
  place: string | null;
  nameSets: Set<string>[];
}

function prepare(m: MergeMention): Prepared {
  const r = eventDateRange(m.date, m.dateEnd);
  const names = new Set<string>();
  for (const n of [m.sourceName, m.targetName]) {
    const k = normName(n);
    if (k) names.add(k);
  }
  return {
    m,
    lo: r ? r.lo : null,
    hi: r ? r.hi : null,
    precision: r ? r.precision : 3,
    directed: !isSymmetric(m.type, m.mode),
    place: normName(m.placeName),
    names,
  };
}

function compatible(c: Cluster, p: Prepared): boolean {
  if (c.mode !== null && p.m.mode !== null && c.mode !== p.m.mode) return false;
  if (p.directed && c.direction !== null && (p.m.sourceCountry || NO_COUNTRY) !== c.direction) return false;
  if (p.lo !== null && p.hi !== null && c.maxLo !== null && c.minHi !== null) {
    if (Math.max(c.maxLo, p.lo) > Math.min(c.minHi, p.hi) + 1) return false;
  }
  // A visit goes to one host state but may pass through several of its cities; other events keep one place.
  if (p.m.mode !== 'visit' && c.mode !== 'visit' && c.place !== null && p.place !== null && c.place !== p.place) return false;
  if (p.names.size > 0) {
    for (const s of c.nameSets) {
      let overlap = false;
      for (const n of p.names) {
        if (s.has(n)) {
          overlap = true;
          break;
        }
      }
      if (!overlap) return false;
    }
  }
  return true;
}

function add(c: Cluster, p: Prepared): void {
  c.members.push(p);
  if (c.mode === null && p.m.mode !== null) c.mode = p.m.mode;
  if (p.directed && c.direction === null) c.direction = p.m.sourceCountry || NO_COUNTRY;
  if (p.lo !== null && p.hi !== null) {
    c.maxLo = c.maxLo === null ? p.lo : Math.max(c.maxLo, p.lo);
    c.minHi = c.minHi === null ? p.hi : Math.min(c.minHi, p.hi);
  }
  if (c.place === null && p.place !== null) c.place = p.place;
  if (p.names.size > 0) c.nameSets.push(p.names);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Mention order for clustering: precise dates first, then by first day, then key. */
function clusterOrder(a: Prepared, b: Prepared): number {
  if (a.precision !== b.precision) return a.precision - b.precision;
  if (a.lo !== b.lo) return (a.lo ?? 0) - (b.lo ?? 0);
  return cmpStr(a.m.key, b.m.key);
}

/** Clusters the mentions of one block. Deterministic in the set of mentions. */
export function clusterBlock(mentions: MergeMention[]): MergeMention[][] {
  const prepared = mentions.map(prepare).sort(clusterOrder);
  const clusters: Cluster[] = [];
  for (const p of prepared) {
    let target: Cluster | undefined;
    for (const c of clusters) {
      if (compatible(c, p)) {
        target = c;
        break;
      }
    }
    if (!target) {
      target = { members: [], mode: null, direction: null, maxLo: null, minHi: null, place: null, nameSets: [] };
      clusters.push(target);
    }
    add(target, p);
  }
  return clusters.map((c) => c.members.map((p) => p.m));
}

/** Newest first by publication time (unknown = oldest), ties by key. */
function latestFirst(a: MergeMention, b: MergeMention): number {
  const ta = a.publishedMs ?? Number.NEGATIVE_INFINITY;
  const tb = b.publishedMs ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return tb > ta ? 1 : -1;
  return cmpStr(a.key, b.key);
}

/** Oldest first by publication time (unknown last), ties by key. */
function earliestFirst(a: MergeMention, b: MergeMention): number {
  const ta = a.publishedMs ?? Number.POSITIVE_INFINITY;
  const tb = b.publishedMs ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return cmpStr(a.key, b.key);
}

/** Status of an event from its mentions' modalities (see the header of this file). */
export function eventStatus(mentions: MergeMention[]): string {
  if (mentions.some((m) => m.modality === 'occurred')) return 'occurred';
  const latest = [...mentions].sort(latestFirst)[0];
  return latest ? latest.modality : 'occurred';
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of counts) {
    if (n > bestN || (n === bestN && best !== null && v < best)) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 24);
}

/** Builds the event row of one cluster. */
export function buildEvent(block: string, members: MergeMention[]): MergedEvent {
  const byKey = [...members].sort((a, b) => cmpStr(a.key, b.key));
  const canonical = byKey[0];
  if (!canonical) throw new Error('buildEvent: empty cluster');
  const status = eventStatus(byKey);

  // The date: most precise among mentions agreeing with the status (else among all).
  const dated = (list: MergeMention[]) =>
    list
      .map((m) => ({ m, r: eventDateRange(m.date, m.dateEnd) }))
      .filter((x): x is { m: MergeMention; r: NonNullable<typeof x.r> } => x.r !== null);
  let candidates = dated(byKey.filter((m) => m.modality === status));
  if (!candidates.length) candidates = dated(byKey);
  // Ties: the date stated by more mentions, then the earliest report (closest to the event).
  const votes = new Map<string, number>();
  for (const c of candidates) votes.set(`${c.r.lo}:${c.r.hi}`, (votes.get(`${c.r.lo}:${c.r.hi}`) ?? 0) + 1);
  candidates.sort(
    (a, b) =>
      a.r.hi - a.r.lo - (b.r.hi - b.r.lo) ||
      (votes.get(`${b.r.lo}:${b.r.hi}`) ?? 0) - (votes.get(`${a.r.lo}:${a.r.hi}`) ?? 0) ||
      earliestFirst(a.m, b.m),
  );
  const dateLead = candidates[0];

  // The lead mention gives cameo/goldstein: the dated status mention, else the latest status mention.
  const statusMentions = byKey.filter((m) => m.modality === status).sort(latestFirst);
  const lead = dateLead && dateLead.m.modality === status ? dateLead.m : (statusMentions[0] ?? canonical);

  // Orientation: the smallest-key directed mention, else the canonical mention.
  const directedRep = byKey.find((m) => !isSymmetric(m.type, m.mode)) ?? canonical;
  const srcC = directedRep.sourceCountry;
  const tgtC = directedRep.targetCountry;
  const aligned = byKey.map((m) => {
    const same = (m.sourceCountry || NO_COUNTRY) === (srcC || NO_COUNTRY);
    return same
      ? { name: [m.sourceName, m.targetName], sector: [m.sourceSector, m.targetSector] }
      : { name: [m.targetName, m.sourceName], sector: [m.targetSector, m.sourceSector] };
  });

  const mode = byKey.find((m) => m.mode !== null)?.mode ?? null;
  const placeM = lead.placeName ? lead : byKey.find((m) => m.placeName);
  const range = dateLead ? dateLead.r : null;
  const date = dateLead ? dateLead.m.date : null;
  const dateEnd = dateLead ? dateLead.m.dateEnd : null;

  const pubs = byKey.filter((m) => m.publishedMs !== null).sort(latestFirst);
  const docs = new Set(byKey.map((m) => m.doc));
  const outlets = new Set(byKey.map((m) => m.outlet?.toLowerCase().trim()).filter((o): o is string => !!o));

  const sourceName = mostCommon(aligned.map((a) => a.name[0] ?? null));
  const targetName = mostCommon(aligned.map((a) => a.name[1] ?? null));
  const texts = [...new Set(byKey.map((m) => m.evidence).filter(Boolean))];
  const searchText = [...texts, sourceName ?? '', targetName ?? '', placeM?.placeName ?? ''].filter(Boolean).join('\n');

  const ev: Omit<MergedEvent, 'sig'> = {
    id: eventIdFor(canonical.key),
    block_key: block,
    type: canonical.type,
    mode,
    cameo: lead.cameo,
    goldstein: lead.goldstein,
    quad_class: quadClass(canonical.type),
    source_name: sourceName,
    source_country: srcC,
    source_sector: mostCommon(aligned.map((a) => a.sector[0] ?? null)),
    target_name: targetName,
    target_country: tgtC,
    target_sector: mostCommon(aligned.map((a) => a.sector[1] ?? null)),
    dyad: dyadKey(srcC, tgtC),
    date,
    date_end: dateEnd,
    date_lo: range ? dayToIso(range.lo) : null,
    date_hi: range ? dayToIso(range.hi) : null,
    month: date && date.length >= 7 ? date.slice(0, 7) : null,
    span: range ? spanClass(range.lo, range.hi) : 0,
    place_name: placeM?.placeName ?? null,
    place_country: placeM?.placeCountry ?? null,
    status,
    n_mentions: byKey.length,
    n_articles: docs.size,
    n_outlets: outlets.size,
    first_seen: pubs.length ? (pubs[pubs.length - 1]?.published ?? null) : null,
    last_seen: pubs.length ? (pubs[0]?.published ?? null) : null,
    search_text: searchText,
    mentionKeys: byKey.map((m) => m.key),
  };
  return { ...ev, sig: hash(JSON.stringify(ev)) };
}

/** Clusters one block and builds its events, sorted by id. */
export function mergeBlock(block: string, mentions: MergeMention[]): MergedEvent[] {
  return clusterBlock(mentions)
    .map((c) => buildEvent(block, c))
    .sort((a, b) => cmpStr(a.id, b.id));
}
