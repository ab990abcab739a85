// Read side of the chronicle. Every filter value is a bound parameter.
import { type Expression, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { placeCountry, placePoint } from '../places/gazetteer.ts';
import type { Provenance } from '../types.ts';
import { dayToIso, partialDateRange } from './dates.ts';
import { splitDyad } from './filters.ts';
import { dyadKey, SPAN_CLASS_DAYS } from './merge.ts';
import type {
  ActorSummary,
  ChronicleEvent,
  DocumentHit,
  DyadSeriesPoint,
  DyadSummary,
  EventDetail,
  EventPlace,
  MentionRecord,
  StoredDocument,
} from './records.ts';
import type { Database, EventsTable, MentionsTable } from './schema.ts';
import type { Store } from './store.ts';

export interface EventFilters {
  /** "USA:KOR": either direction unless `directed`. */
  dyad?: string;
  directed?: boolean;
  /** Substring of a source or target name (case-insensitive). */
  actor?: string;
  /** Country code on either side. */
  country?: string;
  type?: string | string[];
  mode?: string;
  /** The event status(es) (occurred, planned, expected, cancelled, negated, hypothetical). */
  modality?: string | string[];
  /** Partial ISO dates; events whose date range overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Events mentioned by a document of this outlet (case-insensitive). */
  outlet?: string;
  /** Full-text search over the events' evidence sentences and actor/place names. */
  text?: string;
  /** Place name (case-insensitive), or a country code matching the place's country. */
  place?: string;
  /** PLOVER quad classes (1–4). */
  quad?: number[];
  goldsteinMin?: number;
  goldsteinMax?: number;
  /** At least one mention coded with this confidence or more. */
  confidence?: number;
  /** Mentioned by a document in this language. */
  language?: string;
  /** Created or changed at or after this ISO time (UTC, with milliseconds). */
  since?: string;
  limit?: number;
  offset?: number;
  /** The page after this position (a `next_cursor`); not combined with offset. */
  cursor?: string;
  /** By date (undated last), default ascending. */
  sort?: 'asc' | 'desc';
}

export interface DyadSeriesOptions {
  a: string;
  b: string;
  directed?: boolean;
  from?: string;
  to?: string;
  /** The one status counted (default occurred). */
  modality?: string;
  /** Further filters (type, quad, place, …). */
  filters?: EventFilters;
}

export const MAX_LIMIT = 100_000;

/** A filter value that cannot be understood (bad dyad or date): a client error, not a store failure. */
export class InvalidFilterError extends Error {
  override name = 'InvalidFilterError';
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

type EventRow = Pick<
  Selectable<EventsTable>,
  | 'id'
  | 'type'
  | 'mode'
  | 'cameo'
  | 'goldstein'
  | 'quad_class'
  | 'source_name'
  | 'source_country'
  | 'source_sector'
  | 'target_name'
  | 'target_country'
  | 'target_sector'
  | 'date'
  | 'date_end'
  | 'status'
  | 'place_name'
  | 'place_country'
  | 'n_mentions'
  | 'n_articles'
  | 'n_outlets'
  | 'first_seen'
  | 'last_seen'
  | 'changed_at'
>;

/** A place with its coordinates (and its country, when the gazetteer knows it and the event does not say). */
export function eventPlace(name: string, country: string | null): EventPlace {
  const c = country ?? placeCountry(name);
  const pt = placePoint(name, c);
  return { name, country: c, lat: pt?.lat ?? null, lon: pt?.lon ?? null, precision: pt?.precision ?? null };
}

export function toChronicleEvent(r: EventRow): ChronicleEvent {
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    cameo: r.cameo,
    goldstein: Number(r.goldstein),
    quad_class: r.quad_class === null ? null : Number(r.quad_class),
    source: { name: r.source_name, country: r.source_country, sector: r.source_sector },
    target: { name: r.target_name, country: r.target_country, sector: r.target_sector },
    date: r.date,
    date_end: r.date_end,
    status: r.status,
    place: r.place_name ? eventPlace(r.place_name, r.place_country) : null,
    n_mentions: Number(r.n_mentions),
    n_articles: Number(r.n_articles),
    n_outlets: Number(r.n_outlets),
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    changed_at: r.changed_at,
  };
}

export const EVENT_COLUMNS = [
  'events.id',
  'events.block_key',
  'events.type',
  'events.mode',
  'events.cameo',
  'events.goldstein',
  'events.quad_class',
  'events.source_name',
  'events.source_country',
  'events.source_sector',
  'events.target_name',
  'events.target_country',
  'events.target_sector',
  'events.dyad',
  'events.date',
  'events.date_end',
  'events.date_lo',
  'events.date_hi',
  'events.month',
  'events.place_name',
  'events.place_country',
  'events.status',
  'events.n_mentions',
  'events.n_articles',
  'events.n_outlets',
  'events.first_seen',
  'events.last_seen',
  'events.changed_at',
] as const;

/** Parses "USA:KOR" (also "USA-KOR", "USA,KOR") into two codes; "-" means no country. */
export function parseDyad(s: string): [string, string] {
  const pair = splitDyad(s);
  if (!pair) throw new InvalidFilterError(`invalid dyad "${s}": expected two codes like USA:KOR`);
  return pair;
}

/** FTS5 query of the word tokens of free text (each a quoted term, all required); null when none. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words.map((w) => `"${w}"`).join(' ');
}

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function likeOp(store: Store) {
  return sql.raw(store.dialect === 'postgres' ? 'ILIKE' : 'LIKE');
}

function lowerBound(s: string): string {
  const r = partialDateRange(s);
  if (!r) throw new InvalidFilterError(`invalid date "${s}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
  return dayToIso(r.lo);
}

function upperBound(s: string): string {
  const r = partialDateRange(s);
  if (!r) throw new InvalidFilterError(`invalid date "${s}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
  return dayToIso(r.hi);
}

function textCondition(store: Store, text: string): Expression<SqlBool> {
  if (store.dialect === 'postgres') {
    return sql<SqlBool>`events.search @@ plainto_tsquery('simple', ${text})`;
  }
  const q = ftsQuery(text);
  // No word to look for matches nothing (a bound JS boolean is no SQLite value).
  if (q === null) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`events.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${q})`;
}

export function applyFilters<O>(
  store: Store,
  qb: SelectQueryBuilder<Database, 'events', O>,
  f: EventFilters,
): SelectQueryBuilder<Database, 'events', O> {
  let q = qb;
  if (f.dyad) {
    const [a, b] = parseDyad(f.dyad);
    q = q.where('events.dyad', '=', dyadKey(a, b));
    if (f.directed) {
      q = a === '-' ? q.where('events.source_country', 'is', null) : q.where('events.source_country', '=', a);
      q = b === '-' ? q.where('events.target_country', 'is', null) : q.where('events.target_country', '=', b);
    }
  }
  if (f.country) {
    const c = f.country.toUpperCase();
    q = q.where((eb) => eb.or([eb('events.source_country', '=', c), eb('events.target_country', '=', c)]));
  }
  if (f.actor) {
    const pat = likePattern(f.actor);
    const op = likeOp(store);
    q = q.where(
      sql<SqlBool>`(events.source_name ${op} ${pat} ESCAPE '\\' OR events.target_name ${op} ${pat} ESCAPE '\\'
        OR events.id IN (SELECT m.event_id FROM mentions m
          WHERE m.source_name ${op} ${pat} ESCAPE '\\' OR m.target_name ${op} ${pat} ESCAPE '\\'))`,
    );
  }
  if (f.type !== undefined) {
    const types = (Array.isArray(f.type) ? f.type : [f.type]).map((t) => t.toUpperCase());
    if (types.length) q = q.where('events.type', 'in', types);
  }
  if (f.mode) q = q.where('events.mode', '=', f.mode.toLowerCase());
  if (f.modality !== undefined) {
    const statuses = (Array.isArray(f.modality) ? f.modality : [f.modality]).map((m) => m.toLowerCase());
    if (statuses.length) q = q.where('events.status', 'in', statuses);
  }
  if (f.quad?.length) q = q.where('events.quad_class', 'in', f.quad);
  if (f.goldsteinMin !== undefined) q = q.where('events.goldstein', '>=', f.goldsteinMin);
  if (f.goldsteinMax !== undefined) q = q.where('events.goldstein', '<=', f.goldsteinMax);
  if (f.place) {
    const name = f.place.toLowerCase();
    const code = f.place.toUpperCase();
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['events.place_name']), '=', name), eb('events.place_country', '=', code)]));
  }
  if (f.confidence !== undefined) {
    q = q.where(sql<SqlBool>`events.id IN (SELECT m.event_id FROM mentions m WHERE m.confidence >= ${f.confidence})`);
  }
  if (f.language) {
    q = q.where(
      sql<SqlBool>`events.id IN (SELECT m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE d.language = ${f.language})`,
    );
  }
  if (f.since) q = q.where('events.changed_at', '>=', f.since);
  q = dateRange(q, f.from, f.to, !f.dyad && !f.text);
  if (f.outlet) {
    const outlet = f.outlet.toLowerCase();
    q = q.where(
      sql<SqlBool>`events.id IN (SELECT m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE lower(d.outlet) = ${outlet})`,
    );
  }
  if (f.text) {
    const text = f.text;
    q = q.where(() => textCondition(store, text));
  }
  return q;
}

/**
 * Events whose date range overlaps [from, to]. With `bySpan` the lower bound is also applied
 * per span class (an event of class i starts at most SPAN_CLASS_DAYS[i] days before `from`),
 * so the scan is an index range per class instead of everything before `to`. Without it (a
 * dyad or text filter already narrows the scan) the plain overlap test is used.
 */
function dateRange<O>(
  qb: SelectQueryBuilder<Database, 'events', O>,
  from: string | undefined,
  to: string | undefined,
  bySpan: boolean,
): SelectQueryBuilder<Database, 'events', O> {
  let q = qb;
  const hi = to ? upperBound(to) : null;
  if (hi) q = q.where('events.date_lo', '<=', hi);
  if (from) {
    const lo = lowerBound(from);
    q = q.where('events.date_hi', '>=', lo);
    if (bySpan) {
      const loDay = partialDateRange(lo)?.lo ?? 0;
      q = q.where((eb) =>
        eb.or(
          [...SPAN_CLASS_DAYS, null].map((max, i) => {
            const terms = [eb('events.span', '=', i)];
            if (max !== null) terms.push(eb('events.date_lo', '>=', dayToIso(loDay - max - 1)));
            if (hi) terms.push(eb('events.date_lo', '<=', hi));
            return eb.and(terms);
          }),
        ),
      );
    }
  }
  return q;
}

function clampLimit(n: number | undefined, dflt: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(n)));
}

/** A page position: the date and id of the last event of the page before. */
interface Cursor {
  d: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.d, c.id])).toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || typeof v[0] === 'string') && typeof v[1] === 'string') {
      return { d: v[0], id: v[1] };
    }
  } catch {
    // falls through to the error
  }
  throw new InvalidFilterError(`invalid cursor "${s}": pass the next_cursor of a previous page`, 'cursor');
}

export interface EventPage {
  events: ChronicleEvent[];
  /** The position after this page, or null when it is the last. */
  next_cursor: string | null;
}

/** One page of the events matching the filters, sorted by date (undated last), then id. */
export async function queryEventPage(store: Store, filters: EventFilters = {}): Promise<EventPage> {
  const desc = filters.sort === 'desc';
  const limit = clampLimit(filters.limit, 100);
  let q = applyFilters(store, store.db.selectFrom('events').select(EVENT_COLUMNS), filters)
    .orderBy('events.date_lo', (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()))
    .orderBy('events.id')
    // One more than asked tells whether a page follows.
    .limit(limit + 1);
  if (filters.cursor) {
    const { d, id } = decodeCursor(filters.cursor);
    q =
      d === null
        ? q.where('events.date_lo', 'is', null).where('events.id', '>', id)
        : q.where((eb) =>
            eb.or([
              eb('events.date_lo', desc ? '<' : '>', d),
              eb.and([eb('events.date_lo', '=', d), eb('events.id', '>', id)]),
              eb('events.date_lo', 'is', null),
            ]),
          );
  } else if (filters.offset) q = q.offset(Math.max(0, Math.floor(filters.offset)));
  const rows = await q.execute();
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    events: shown.map(toChronicleEvent),
    next_cursor: more && last ? encodeCursor({ d: last.date_lo, id: last.id }) : null,
  };
}

/** Events matching the filters, sorted by date (undated last), then id. */
export async function queryEvents(store: Store, filters: EventFilters = {}): Promise<ChronicleEvent[]> {
  return (await queryEventPage(store, filters)).events;
}

/** Ids of events removed (merged into others) at or after `since`, oldest first. */
export async function removedSince(store: Store, since: string, limit = MAX_LIMIT): Promise<{ id: string; removed_at: string }[]> {
  return store.db
    .selectFrom('events_removed')
    .select(['id', 'removed_at'])
    .where('removed_at', '>=', since)
    .orderBy('removed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countEvents(store: Store, filters: EventFilters = {}): Promise<number> {
  const row = await applyFilters(
    store,
    store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')),
    filters,
  ).executeTakeFirst();
  return Number(row?.n ?? 0);
}

type MentionJoinRow = Omit<MentionsTable, 'id' | 'document_id' | 'idx' | 'block_key' | 'date_lo' | 'date_hi'> & {
  doc: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
};

function toMention(r: MentionJoinRow): MentionRecord {
  return {
    key: r.mention_key,
    event_id: r.event_id,
    doc: r.doc,
    url: r.url,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    type: r.type,
    mode: r.mode,
    cameo: r.cameo,
    goldstein: Number(r.goldstein),
    source: {
      name: r.source_name,
      country: r.source_country,
      sector: r.source_sector,
      role: r.source_role,
      text: r.source_text,
    },
    target: {
      name: r.target_name,
      country: r.target_country,
      sector: r.target_sector,
      role: r.target_role,
      text: r.target_text,
    },
    date: r.date,
    date_end: r.date_end,
    modality: r.modality,
    place: r.place_name ? { name: r.place_name, country: r.place_country } : null,
    evidence: { text: r.evidence_text, start: Number(r.evidence_start), end: Number(r.evidence_end) },
    evidence_more: r.evidence_more ? (JSON.parse(r.evidence_more) as MentionRecord['evidence_more']) : null,
    confidence: Number(r.confidence),
    provenance: parseProvenance(r.provenance),
  };
}

/** The stored provenance (trigger, modality cue, date expression, rules that fired), or null when absent or unreadable. */
function parseProvenance(s: string | null): Provenance | null {
  if (!s) return null;
  try {
    const v = JSON.parse(s) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const rules = (v as { rules?: unknown }).rules;
    return {
      ...Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')),
      ...(Array.isArray(rules) ? { rules: rules.filter((r): r is string => typeof r === 'string') } : {}),
    };
  } catch {
    return null;
  }
}

function mentionQuery(store: Store) {
  return store.db
    .selectFrom('mentions as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select([
      'm.mention_key',
      'm.event_id',
      'm.type',
      'm.mode',
      'm.cameo',
      'm.goldstein',
      'm.source_name',
      'm.source_country',
      'm.source_sector',
      'm.source_role',
      'm.source_text',
      'm.target_name',
      'm.target_country',
      'm.target_sector',
      'm.target_role',
      'm.target_text',
      'm.date',
      'm.date_end',
      'm.modality',
      'm.place_name',
      'm.place_country',
      'm.evidence_text',
      'm.evidence_start',
      'm.evidence_end',
      'm.evidence_more',
      'm.confidence',
      'm.provenance',
      'd.doc',
      'd.url',
      'd.title',
      'd.outlet',
      'd.published',
    ]);
}

/** Mentions of the given events, grouped by event id (ordered by publication, then key). */
export async function mentionsOf(store: Store, eventIds: string[]): Promise<Map<string, MentionRecord[]>> {
  const out = new Map<string, MentionRecord[]>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const part = eventIds.slice(i, i + 500);
    const rows = await mentionQuery(store)
      .where('m.event_id', 'in', part)
      .orderBy('d.published_ms', (ob) => ob.asc().nullsFirst())
      .orderBy('m.mention_key')
      .execute();
    for (const r of rows) {
      const m = toMention(r);
      const list = out.get(r.event_id ?? '') ?? [];
      list.push(m);
      out.set(r.event_id ?? '', list);
    }
  }
  return out;
}

/** One event with its mentions (document, evidence, modality as stated, outlet, url). */
export async function getEvent(store: Store, id: string): Promise<EventDetail | null> {
  const row = await store.db.selectFrom('events').select(EVENT_COLUMNS).where('events.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const mentions = (await mentionsOf(store, [id])).get(id) ?? [];
  return { ...toChronicleEvent(row), mentions };
}

/** Actors (name, country, sector) with their number of events, most frequent first. */
export async function listActors(store: Store, opts: { country?: string; limit?: number; offset?: number } = {}): Promise<ActorSummary[]> {
  let q = store.db.selectFrom('actors').select(['name', 'country', 'sector', 'n_events']);
  if (opts.country) q = q.where('country', '=', opts.country.toUpperCase());
  q = q
    .orderBy('n_events', 'desc')
    .orderBy('country', (ob) => ob.asc().nullsLast())
    .orderBy('name', (ob) => ob.asc().nullsFirst())
    .orderBy('sector', (ob) => ob.asc().nullsFirst())
    .limit(clampLimit(opts.limit, MAX_LIMIT));
  if (opts.offset) q = q.offset(Math.max(0, Math.floor(opts.offset)));
  const rows = await q.execute();
  return rows.map((r) => ({ name: r.name, country: r.country, sector: r.sector, n_events: Number(r.n_events) }));
}

/** The status an aggregate counts: occurred unless the filters name one. */
export function aggregateFilters(f: EventFilters = {}): EventFilters {
  return { ...f, modality: f.modality ?? 'occurred' };
}

/** Country pairs with their number of (occurred, unless filtered otherwise) events, most frequent first. */
export async function listDyads(store: Store, opts: { limit?: number; filters?: EventFilters } = {}): Promise<DyadSummary[]> {
  const rows = await applyFilters(
    store,
    store.db
      .selectFrom('events')
      .select((eb) => [
        'events.dyad',
        eb.fn.countAll().as('n'),
        eb.fn.min('events.date_lo').as('first_date'),
        eb.fn.max('events.date_hi').as('last_date'),
      ]),
    aggregateFilters(opts.filters),
  )
    // An event with a missing side names no pair of countries.
    .where('events.source_country', 'is not', null)
    .where('events.target_country', 'is not', null)
    .groupBy('events.dyad')
    .orderBy('n', 'desc')
    .orderBy('events.dyad')
    .limit(clampLimit(opts.limit, MAX_LIMIT))
    .execute();
  return rows.map((r) => {
    const [a = '-', b = '-'] = r.dyad.split(':');
    return {
      dyad: r.dyad,
      a,
      b,
      n_events: Number(r.n),
      first_date: r.first_date ?? null,
      last_date: r.last_date ?? null,
    };
  });
}

/**
 * Monthly event counts, mean Goldstein score and PLOVER quad-class counts of one dyad, over the
 * events of one status (occurred unless `modality` names another): statuses are never summed.
 */
export async function dyadSeries(store: Store, opts: DyadSeriesOptions): Promise<DyadSeriesPoint[]> {
  const a = opts.a.toUpperCase();
  const b = opts.b.toUpperCase();
  const filters: EventFilters = {
    ...(opts.filters ?? {}),
    dyad: `${a}:${b}`,
    ...(opts.directed ? { directed: true } : {}),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    modality: opts.modality ?? opts.filters?.modality ?? 'occurred',
  };
  const rows = await applyFilters(
    store,
    store.db
      .selectFrom('events')
      .select((eb) => [
        'events.month',
        eb.fn.countAll().as('n'),
        eb.fn.avg('events.goldstein').as('g'),
        sql<number>`SUM(CASE WHEN events.quad_class = 1 THEN 1 ELSE 0 END)`.as('q1'),
        sql<number>`SUM(CASE WHEN events.quad_class = 2 THEN 1 ELSE 0 END)`.as('q2'),
        sql<number>`SUM(CASE WHEN events.quad_class = 3 THEN 1 ELSE 0 END)`.as('q3'),
        sql<number>`SUM(CASE WHEN events.quad_class = 4 THEN 1 ELSE 0 END)`.as('q4'),
      ])
      .where('events.month', 'is not', null),
    filters,
  )
    .groupBy('events.month')
    .orderBy('events.month')
    .execute();
  return rows.map((r) => ({
    month: r.month ?? '',
    n_events: Number(r.n),
    goldstein_mean: Math.round(Number(r.g) * 1000) / 1000,
    verbal_coop: Number(r.q1),
    material_coop: Number(r.q2),
    verbal_conflict: Number(r.q3),
    material_conflict: Number(r.q4),
  }));
}

/** A stored document with its mentions. */
export async function getDocument(store: Store, doc: string): Promise<StoredDocument | null> {
  const d = await store.db.selectFrom('documents').selectAll().where('doc', '=', doc).executeTakeFirst();
  if (!d) return null;
  const rows = await mentionQuery(store).where('m.document_id', '=', d.id).orderBy('m.idx').execute();
  return {
    doc: d.doc,
    url: d.url,
    content_hash: d.content_hash,
    language: d.language,
    title: d.title,
    published: d.published,
    published_source: d.published_source,
    outlet: d.outlet,
    author: d.author,
    dateline: d.dateline,
    body: d.body,
    sources: JSON.parse(d.sources) as unknown[],
    ingested_at: d.ingested_at,
    mentions: rows.map(toMention),
  };
}

/** Full-text search over document titles and bodies, best match first. */
export async function searchDocuments(store: Store, q: string, opts: { limit?: number; offset?: number } = {}): Promise<DocumentHit[]> {
  const limit = clampLimit(opts.limit, 20);
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  if (store.dialect === 'postgres') {
    const { rows } = await sql<DocumentHit>`
      SELECT doc, title, url, outlet, published,
        ts_headline('simple', body, plainto_tsquery('simple', ${q}),
          'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1') AS snippet
      FROM (
        SELECT doc, title, url, outlet, published, body,
          ts_rank(search, plainto_tsquery('simple', ${q})) AS rank
        FROM documents WHERE search @@ plainto_tsquery('simple', ${q})
        ORDER BY rank DESC, doc LIMIT ${limit} OFFSET ${offset}
      ) hits ORDER BY rank DESC, doc`.execute(store.db);
    return rows;
  }
  const fq = ftsQuery(q);
  if (fq === null) return [];
  const { rows } = await sql<DocumentHit>`
    SELECT d.doc, d.title, d.url, d.outlet, d.published,
      snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet
    FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH ${fq}
    ORDER BY bm25(documents_fts), d.doc LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
  return rows;
}
