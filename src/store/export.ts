// Chronicle export: JSONL and CSV (gold-format event fields plus mentions), a GDELT-2.0-style
// tab-separated event table (mapping in docs/gdelt-export.md) and PLOVER JSON records (one a line).
import { toPloverStrict } from '../events/plover.ts';
import { loadLexicon } from '../lexicon/load.ts';
import type { CodedEvent } from '../types.ts';
import { partialDateRange } from './dates.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';
import { aggregateFilters, applyFilters, EVENT_COLUMNS, type EventFilters, mentionsOf, toChronicleEvent } from './query.ts';
import type { ChronicleEvent, MentionRecord } from './records.ts';
import type { Store } from './store.ts';

export { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';

/** Media type and file extension of each format. */
export const EXPORT_MEDIA: Record<ExportFormat, { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
};

export interface ExportOptions {
  /**
   * Only events matching these filters (limit/offset/sort ignored). The GDELT table, which has no
   * status column, holds occurred events only unless the filters name a status.
   */
  filters?: Omit<EventFilters, 'limit' | 'offset' | 'sort'>;
  /** Write the GDELT column names as a first line (GDELT's own files have none). Default false. */
  gdeltHeader?: boolean;
  /** Events fetched per page. */
  pageSize?: number;
}

/** An exported event: gold-format fields (`modality` = the event status) plus its mentions. */
export interface ExportedEvent extends ChronicleEvent {
  modality: string;
  mentions: ExportedMention[];
}

export interface ExportedMention {
  doc: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  modality: string;
  date: string | null;
  date_end: string | null;
  source: { name: string | null; country: string | null; sector: string | null };
  target: { name: string | null; country: string | null; sector: string | null };
  evidence: { text: string; start: number; end: number };
  confidence: number;
}

/** Pages through the chronicle in date order (undated last, then id), with mentions. */
export async function* iterateChronicle(
  store: Store,
  opts: Pick<ExportOptions, 'filters' | 'pageSize'> = {},
): AsyncGenerator<ExportedEvent> {
  const size = opts.pageSize ?? 1000;
  const filters = opts.filters ?? {};
  // Dated events: keyset (date_lo, id).
  let after: { d: string; id: string } | null = null;
  for (;;) {
    let q = applyFilters(store, store.db.selectFrom('events').select(EVENT_COLUMNS), filters).where('events.date_lo', 'is not', null);
    if (after) {
      const { d, id } = after;
      q = q.where('events.date_lo', '>=', d).where((eb) => eb.or([eb('events.date_lo', '>', d), eb('events.id', '>', id)]));
    }
    const rows = await q.orderBy('events.date_lo').orderBy('events.id').limit(size).execute();
    if (!rows.length) break;
    yield* withMentions(store, rows.map(toChronicleEvent));
    const last = rows[rows.length - 1]!;
    after = { d: last.date_lo ?? '', id: last.id };
    if (rows.length < size) break;
  }
  // Undated events: keyset id.
  let afterId: string | null = null;
  for (;;) {
    let q = applyFilters(store, store.db.selectFrom('events').select(EVENT_COLUMNS), filters).where('events.date_lo', 'is', null);
    if (afterId !== null) q = q.where('events.id', '>', afterId);
    const rows = await q.orderBy('events.id').limit(size).execute();
    if (!rows.length) break;
    yield* withMentions(store, rows.map(toChronicleEvent));
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < size) break;
  }
}

async function* withMentions(store: Store, events: ChronicleEvent[]): AsyncGenerator<ExportedEvent> {
  const mentions = await mentionsOf(
    store,
    events.map((e) => e.id),
  );
  for (const e of events) {
    yield { ...e, modality: e.status, mentions: (mentions.get(e.id) ?? []).map(exportMention) };
  }
}

function exportMention(m: MentionRecord): ExportedMention {
  return {
    doc: m.doc,
    url: m.url,
    outlet: m.outlet,
    title: m.title,
    published: m.published,
    modality: m.modality,
    date: m.date,
    date_end: m.date_end,
    source: { name: m.source.name, country: m.source.country, sector: m.source.sector },
    target: { name: m.target.name, country: m.target.country, sector: m.target.sector },
    evidence: m.evidence,
    confidence: m.confidence,
  };
}

// ---------------------------------------------------------------- JSONL

export function jsonlLine(e: ExportedEvent): string {
  const { modality, status, ...rest } = e;
  // Key order: gold fields first, then merge statistics and mentions.
  const out = {
    id: rest.id,
    type: rest.type,
    mode: rest.mode,
    cameo: rest.cameo,
    goldstein: rest.goldstein,
    quad_class: rest.quad_class,
    source: rest.source,
    target: rest.target,
    date: rest.date,
    date_end: rest.date_end,
    modality,
    status,
    place: rest.place,
    n_mentions: rest.n_mentions,
    n_articles: rest.n_articles,
    n_outlets: rest.n_outlets,
    first_seen: rest.first_seen,
    last_seen: rest.last_seen,
    mentions: rest.mentions,
  };
  return `${JSON.stringify(out)}\n`;
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  'id',
  'type',
  'mode',
  'cameo',
  'goldstein',
  'quad_class',
  'source_name',
  'source_country',
  'source_sector',
  'target_name',
  'target_country',
  'target_sector',
  'date',
  'date_end',
  'modality',
  'place_name',
  'place_country',
  'n_mentions',
  'n_articles',
  'n_outlets',
  'first_seen',
  'last_seen',
  'mention_docs',
  'mention_urls',
  'mention_modalities',
  'evidence',
] as const;

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

/** One CSV row per event; mention lists are " | "-separated, aligned across the three columns. */
export function csvLine(e: ExportedEvent): string {
  const first = e.mentions[0];
  const values = [
    e.id,
    e.type,
    e.mode,
    e.cameo,
    e.goldstein,
    e.quad_class,
    e.source.name,
    e.source.country,
    e.source.sector,
    e.target.name,
    e.target.country,
    e.target.sector,
    e.date,
    e.date_end,
    e.status,
    e.place?.name,
    e.place?.country,
    e.n_mentions,
    e.n_articles,
    e.n_outlets,
    e.first_seen,
    e.last_seen,
    e.mentions.map((m) => m.doc).join(' | '),
    e.mentions.map((m) => m.url ?? '').join(' | '),
    e.mentions.map((m) => m.modality).join(' | '),
    first?.evidence.text,
  ];
  return `${values.map(csvField).join(',')}\n`;
}

// ---------------------------------------------------------------- GDELT 2.0

const GEO = (p: string) => [
  `${p}Geo_Type`,
  `${p}Geo_FullName`,
  `${p}Geo_CountryCode`,
  `${p}Geo_ADM1Code`,
  `${p}Geo_ADM2Code`,
  `${p}Geo_Lat`,
  `${p}Geo_Long`,
  `${p}Geo_FeatureID`,
];
const ACTOR = (p: string) => [
  `${p}Code`,
  `${p}Name`,
  `${p}CountryCode`,
  `${p}KnownGroupCode`,
  `${p}EthnicCode`,
  `${p}Religion1Code`,
  `${p}Religion2Code`,
  `${p}Type1Code`,
  `${p}Type2Code`,
  `${p}Type3Code`,
];

/** The 61 columns of the GDELT 2.0 event table, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR('Actor1'),
  ...ACTOR('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO('Actor1'),
  ...GEO('Actor2'),
  ...GEO('Action'),
  'DATEADDED',
  'SOURCEURL',
];

/** Codes that are international organisations / groups rather than countries. */
const GROUPS = new Set(['UN', 'ASEAN', 'EU', 'NATO', 'G20', 'G7', 'AU', 'OPEC', 'WHO', 'IMF', 'WTO', 'OIC', 'APEC']);

/** Numeric GDELT id: the first 13 hex digits (52 bits) of the kronik event id. */
export function gdeltEventId(id: string): number {
  return Number.parseInt(id.replace(/^ev/, '').slice(0, 13), 16);
}

function tsv(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

function actorFields(a: { name: string | null; country: string | null; sector: string | null }): unknown[] {
  const isGroup = a.country !== null && (GROUPS.has(a.country) || !/^[A-Z]{3}$/.test(a.country));
  const code = `${a.country ?? ''}${a.sector ?? ''}`;
  return [code, a.name ?? a.country ?? '', isGroup ? '' : a.country, isGroup ? a.country : '', '', '', '', a.sector, '', ''];
}

function dateFields(e: ExportedEvent): unknown[] {
  const fallback = e.first_seen ? e.first_seen.slice(0, 10) : null;
  const r = partialDateRange(e.date) ?? partialDateRange(fallback);
  if (!r) return ['', '', '', ''];
  const d = new Date(r.lo * 86_400_000);
  const y = d.getUTCFullYear();
  const iso = d.toISOString().slice(0, 10);
  const doy = (Date.UTC(y, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(y, 0, 1)) / 86_400_000;
  return [iso.replace(/-/g, ''), iso.slice(0, 7).replace('-', ''), y, (y + doy / 365).toFixed(4)];
}

function dateAdded(e: ExportedEvent): string {
  const t = e.first_seen ? Date.parse(e.first_seen) : Number.NaN;
  if (!Number.isFinite(t)) return '';
  return new Date(t).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** ActionGeo_*: type (1 country, 3 US city, 4 world city), name, country, ADM1, ADM2, lat, long, feature. */
function actionGeo(e: ExportedEvent): unknown[] {
  const p = e.place;
  if (!p) return ['', '', '', '', '', '', '', ''];
  const full = [p.name, p.country].filter(Boolean).join(', ');
  const type = p.precision === 'city' ? (p.country === 'USA' ? 3 : 4) : p.precision === 'country' ? 1 : '';
  return [type, full, p.country ?? '', '', '', p.lat ?? '', p.lon ?? '', p.precision === 'country' ? (p.country ?? '') : ''];
}

export function gdeltHeader(): string {
  return `${GDELT_COLUMNS.join('\t')}\n`;
}

export function gdeltLine(e: ExportedEvent): string {
  const first = e.mentions[0];
  const cameo = e.cameo ?? '';
  const noGeo = ['', '', '', '', '', '', '', ''];
  const values: unknown[] = [
    gdeltEventId(e.id),
    ...dateFields(e),
    ...actorFields(e.source),
    ...actorFields(e.target),
    '',
    cameo,
    cameo.slice(0, 3),
    cameo.slice(0, 2),
    e.quad_class,
    e.goldstein,
    e.n_mentions,
    e.n_outlets,
    e.n_articles,
    '',
    ...noGeo,
    ...noGeo,
    ...noGeo,
    dateAdded(e),
    first ? (first.url ?? first.doc) : '',
  ];
  values.splice(GDELT_COLUMNS.indexOf('ActionGeo_Type'), 8, ...actionGeo(e));
  if (values.length !== GDELT_COLUMNS.length) throw new Error(`gdelt row has ${values.length} columns`);
  return `${values.map(tsv).join('\t')}\n`;
}

// ---------------------------------------------------------------- PLOVER

interface ContextTable {
  cameo: Record<string, string[]>;
  sector: Record<string, string[]>;
}

/** PLOVER contexts kronik can tell (lexicons/common/plover-contexts.yaml): by CAMEO code and sector. */
function ploverContexts(e: ExportedEvent, cameo: string): string[] {
  const table = loadLexicon<ContextTable>('common', 'plover-contexts');
  const out = new Set<string>();
  for (let c = cameo; c.length >= 2; c = c.slice(0, -1)) for (const x of table.cameo[c] ?? []) out.add(x);
  for (const s of [e.source.sector, e.target.sector]) for (const x of (s && table.sector[s]) || []) out.add(x);
  return [...out].sort();
}

function ploverEntity(a: ExportedEvent['source']) {
  if (!a.name && !a.country) return [];
  return [{ entity_name: a.name ?? a.country, country: a.country, sector_code: a.sector }];
}

/**
 * One PLOVER record (manual draft v2.0 field names). The type is PLOVER's reading: a planned or
 * expected meeting is AGREE, a cancelled one REJECT; kronik's own type and status are kept in
 * `kronik_type` and `kronik_status`.
 */
export function ploverRecord(e: ExportedEvent): Record<string, unknown> {
  const strict = toPloverStrict({ type: e.type, mode: e.mode, cameo: e.cameo, goldstein: e.goldstein, modality: e.status } as CodedEvent);
  const range = partialDateRange(e.date);
  const end = partialDateRange(e.date_end);
  const first = e.mentions[0];
  const p = e.place;
  const loc = p
    ? {
        place_name: p.name,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        resolution: p.precision === 'city' ? 4 : p.precision === 'country' ? 1 : null,
      }
    : null;
  return {
    id: e.id,
    date: range ? new Date(range.lo * 86_400_000).toISOString().slice(0, 10) : null,
    ...(end ? { enddate: new Date(end.hi * 86_400_000).toISOString().slice(0, 10) } : {}),
    actor: ploverEntity(e.source),
    recipient: ploverEntity(e.target),
    event: strict.type,
    mode: strict.mode,
    context: ploverContexts(e, strict.cameo),
    quad_code: e.quad_class,
    event_loc: loc,
    event_text: first?.evidence.text ?? null,
    link: first?.url ?? null,
    cite_info: first ? { url: first.url, doc: first.doc, outlet: first.outlet, published: first.published } : null,
    coder: 'kronik',
    kronik_type: e.type,
    kronik_status: e.status,
    cameo: strict.cameo,
    goldstein: strict.goldstein,
    n_mentions: e.n_mentions,
    n_articles: e.n_articles,
  };
}

export function ploverLine(e: ExportedEvent): string {
  return `${JSON.stringify(ploverRecord(e))}\n`;
}

/** Writes the chronicle in `format` through `write`; returns the number of events written. */
export async function exportChronicle(
  store: Store,
  format: ExportFormat,
  write: (chunk: string) => void | Promise<void>,
  opts: ExportOptions = {},
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`unknown export format "${format}"; expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (format === 'csv') await write(csvHeader());
  if (format === 'gdelt' && opts.gdeltHeader) await write(gdeltHeader());
  const line = { csv: csvLine, gdelt: gdeltLine, jsonl: jsonlLine, plover: ploverLine }[format];
  const filters = format === 'gdelt' ? aggregateFilters(opts.filters) : opts.filters;
  let n = 0;
  let buf = '';
  for await (const e of iterateChronicle(store, { ...opts, ...(filters ? { filters } : {}) })) {
    buf += line(e);
    n++;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  if (buf) await write(buf);
  return n;
}

/** The whole export as one string (small stores, tests). */
export async function exportToString(store: Store, format: ExportFormat, opts: ExportOptions = {}): Promise<string> {
  const parts: string[] = [];
  await exportChronicle(store, format, (s) => void parts.push(s), opts);
  return parts.join('');
}
