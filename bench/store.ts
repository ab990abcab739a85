// Store benchmark: ingest pages/s (SQLite, PostgreSQL) and query latency over a generated
// SQLite chronicle of 1,000,000 events (bulk-generated in one transaction).
//
//   tsx bench/store.ts [--events N] [--docs N] [--pg URL | --no-pg] [--dir DIR] [--runs N]
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { dayToIso, eventDateRange } from '../src/store/dates.ts';
import { ingestDocument } from '../src/store/ingest.ts';
import { blockKey, dyadKey, mentionKey, quadClass, spanClass } from '../src/store/merge.ts';
import { countEvents, dyadSeries, getEvent, listDyads, queryEvents, searchDocuments } from '../src/store/query.ts';
import { openStore, type Store } from '../src/store/store.ts';
import type { CodedEvent, Document, EventType, Modality } from '../src/types.ts';
import { PLOVER_TYPES } from '../src/types.ts';

export interface StoreBenchOptions {
  /** Events in the generated query store (default 1,000,000). */
  events?: number;
  /** Synthetic documents ingested per backend for the pages/s figure (default 2000). */
  docs?: number;
  /** PostgreSQL URL for the ingest figure; null skips it (default $KRONIK_BENCH_PG or the local test server). */
  pgUrl?: string | null;
  /** Where the SQLite files go (default a temp dir, removed afterwards). */
  dir?: string;
  /** Timed runs per query (default 15). */
  runs?: number;
  log?: (line: string) => void;
}

export interface IngestFigure {
  backend: 'sqlite' | 'postgres';
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** Re-ingesting the same pages (all unchanged). */
  unchangedPerSecond: number;
  events: number;
}

export interface QueryFigure {
  name: string;
  rows: number;
  medianMs: number;
  p95Ms: number;
}

export interface StoreBenchResult {
  ingest: IngestFigure[];
  generate: { events: number; mentions: number; documents: number; seconds: number; dbBytes: number };
  queries: QueryFigure[];
}

// ---------------------------------------------------------------- synthetic data

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = (
  'USA CHN RUS KOR PRK JPN IDN AUS IND GBR FRA DEU UKR IRN ISR SAU TUR PAK AFG SYR EGY MYS SGP PHL VNM THA ' +
  'BRA MEX CAN ZAF NGA ETH KEN ITA ESP POL SWE NOR FIN NLD BEL CHE AUT GRC QAT ARE IRQ JOR LBN YEM MMR ' +
  'KHM LAO BGD LKA NPL NZL ARG CHL COL VEN CUB UN ASEAN EU NATO'
).split(' ');
const NAMES = [
  'Joko Widodo',
  'Retno Marsudi',
  'Antony Blinken',
  'Wang Yi',
  'Sergey Lavrov',
  'Kang Kyung-wha',
  'Xi Jinping',
  'Vladimir Putin',
  'Moon Jae-in',
  'Kishida Fumio',
  'Anthony Albanese',
  'Narendra Modi',
  'Emmanuel Macron',
  'Olaf Scholz',
  'Volodymyr Zelensky',
  'Recep Tayyip Erdogan',
  'Anwar Ibrahim',
];
const PLACES = ['Jakarta', 'Washington', 'Beijing', 'Moscow', 'Seoul', 'Tokyo', 'Brussels', 'Geneva', 'New York', 'Bali'];
const OUTLETS = ['Kompas.com', 'Antara', 'Tempo', 'Detik', 'CNN Indonesia', 'Reuters', 'BBC', 'Jakarta Post', 'Xinhua', 'Yonhap'];
const MODALITIES: Modality[] = ['occurred', 'occurred', 'occurred', 'occurred', 'planned', 'expected', 'cancelled', 'negated'];
const WORDS = (
  'talks meeting agreement sanctions trade security border maritime cooperation investment energy climate ' +
  'vaccine nuclear missile ceasefire humanitarian aid embassy delegation summit minister president navy ' +
  'exercise protest accusation tariff fisheries election refugee pandemic infrastructure loan railway port'
).split(' ');

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** Zipf-like choice: low indices much more likely. */
function zipf(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n ** r() - 1));
}

function sentence(r: () => number, n = 14): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(pick(r, WORDS));
  return `${w.join(' ')}.`;
}

function randomDate(r: () => number): string {
  const day = Math.floor(r() * 3650) + 16436; // 2015-01-01 .. 2024-12-29
  const iso = dayToIso(day);
  const p = r();
  return p < 0.8 ? iso : p < 0.95 ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** A synthetic extracted document; `reuse` events repeat earlier ones so they merge. */
export function syntheticDocument(i: number, seed = 1): Document {
  const r = rng(seed * 1_000_003 + i);
  const events: CodedEvent[] = [];
  let body = '';
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    // Every third event restates an event of a nearby document (same seed stream).
    const er = r() < 0.33 ? rng(seed * 7919 + Math.floor(i / 3) * 31 + k) : r;
    const a = COUNTRIES[zipf(er, COUNTRIES.length)] as string;
    let b = COUNTRIES[zipf(er, COUNTRIES.length)] as string;
    if (b === a) b = pick(er, COUNTRIES);
    const type = pick(er, PLOVER_TYPES) as EventType;
    const text = `${a} and ${b}: ${sentence(r)}`;
    const start = body.length;
    body += `${text} `;
    events.push({
      type,
      mode: type === 'CONSULT' && er() < 0.3 ? 'visit' : null,
      cameo: '040',
      goldstein: Math.round((er() * 20 - 10) * 10) / 10,
      source: { name: er() < 0.3 ? pick(er, NAMES) : null, country: a, sector: 'GOV' },
      target: { name: null, country: b, sector: null },
      date: randomDate(er),
      date_end: null,
      modality: pick(r, MODALITIES),
      place: er() < 0.4 ? { name: pick(er, PLACES), country: null } : null,
      evidence: { text, start, end: start + text.length },
      confidence: 0.7,
    });
  }
  body += sentence(r, 60);
  return {
    doc: `synthetic-${i}.txt`,
    url: `https://news.example/${i}`,
    language: 'id',
    title: sentence(r, 8),
    published: `${dayToIso(16436 + Math.floor(r() * 3650))}T08:00:00+07:00`,
    published_source: 'page',
    outlet: pick(r, OUTLETS),
    author: null,
    dateline: null,
    sources: [],
    body,
    sentences: [],
    content_hash: createHash('sha256').update(body).digest('hex'),
    events,
  };
}

// ---------------------------------------------------------------- ingest

async function benchIngest(store: Store, backend: 'sqlite' | 'postgres', docs: number): Promise<IngestFigure> {
  const list = Array.from({ length: docs }, (_, i) => syntheticDocument(i));
  const t0 = performance.now();
  let events = 0;
  for (const d of list) {
    await ingestDocument(store, d);
    events += d.events.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  // The same pages again: all unchanged (what a re-run of an interrupted ingest costs).
  const t1 = performance.now();
  for (const d of list) await ingestDocument(store, d);
  const again = (performance.now() - t1) / 1000;
  return { backend, pages: docs, seconds, pagesPerSecond: docs / seconds, unchangedPerSecond: docs / again, events };
}

// ---------------------------------------------------------------- bulk generation (SQLite)

/** Fills an empty SQLite store with `n` events (1 mention each, 4 events per document) in one transaction. */
export function generateSqliteChronicle(store: Store, n: number, seed = 2): { documents: number; mentions: number } {
  const db = store.sqlite;
  if (!db) throw new Error('generateSqliteChronicle needs a SQLite store');
  const r = rng(seed);
  const insDoc = db.prepare(
    `INSERT INTO documents (id, doc, url, content_hash, language, title, published, published_ms, published_source,
       outlet, author, dateline, body, sources, ingested_at)
     VALUES (?, ?, ?, ?, 'id', ?, ?, ?, 'page', ?, NULL, NULL, ?, '[]', ?)`,
  );
  const insMention = db.prepare(
    `INSERT INTO mentions (document_id, idx, mention_key, block_key, event_id, type, mode, cameo, goldstein,
       source_name, source_country, source_sector, target_name, target_country, target_sector,
       date, date_end, date_lo, date_hi, modality, place_name, place_country,
       evidence_text, evidence_start, evidence_end, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GOV', NULL, ?, NULL, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, 0.7)`,
  );
  const insEvent = db.prepare(
    `INSERT INTO events (id, block_key, type, mode, cameo, goldstein, quad_class, source_name, source_country,
       source_sector, target_name, target_country, target_sector, dyad, date, date_end, date_lo, date_hi, month, span,
       place_name, place_country, status, n_mentions, n_articles, n_outlets, first_seen, last_seen, search_text, sig)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GOV', NULL, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, 1, 1, 1, ?, ?, ?, '')`,
  );
  const now = new Date().toISOString();
  const perDoc = 4;
  // Bulk load: no journal, no FK checks (a document row follows its mentions), secondary
  // indexes and search triggers dropped and rebuilt afterwards (a sorted build is much faster).
  db.pragma('foreign_keys = OFF');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 4');
  const isoDays = new Map<number, string>();
  const iso = (day: number) => {
    let v = isoDays.get(day);
    if (v === undefined) {
      v = dayToIso(day);
      isoDays.set(day, v);
    }
    return v;
  };
  const deferred = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('documents', 'mentions', 'events')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const d of deferred) db.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  let documents = 0;
  db.transaction(() => {
    let docId = 0;
    let docHash = '';
    let published = '';
    let publishedMs = 0;
    let body: string[] = [];
    let title = '';
    let outlet = '';
    const flush = () => {
      if (!docId) return;
      insDoc.run(
        docId,
        `gen-${docId}.txt`,
        `https://news.example/gen/${docId}`,
        docHash,
        title,
        published,
        publishedMs,
        outlet,
        body.join(' '),
        now,
      );
      documents++;
    };
    for (let i = 0; i < n; i++) {
      if (i % perDoc === 0) {
        flush();
        docId++;
        // Sequential keys and ids (real ones are hashes): appending to the unique indexes is far
        // cheaper than random inserts, and no query depends on their order.
        docHash = `${seed.toString(16).padStart(8, '0')}${docId.toString(16).padStart(24, '0')}`;
        const day = 16436 + Math.floor(r() * 3650);
        published = `${iso(day)}T08:00:00+07:00`;
        publishedMs = day * 86_400_000;
        body = [];
        title = sentence(r, 8);
        outlet = pick(r, OUTLETS);
      }
      const a = COUNTRIES[zipf(r, COUNTRIES.length)] as string;
      let b = COUNTRIES[zipf(r, COUNTRIES.length)] as string;
      if (b === a) b = pick(r, COUNTRIES);
      const type = pick(r, PLOVER_TYPES);
      const mode = type === 'CONSULT' && r() < 0.3 ? 'visit' : null;
      const date = randomDate(r);
      const range = eventDateRange(date, null);
      const lo = range ? iso(range.lo) : null;
      const hi = range ? iso(range.hi) : null;
      const text = `${a} and ${b}: ${sentence(r)}`;
      body.push(text);
      const srcName = r() < 0.3 ? pick(r, NAMES) : null;
      const place = r() < 0.4 ? pick(r, PLACES) : null;
      const modality = pick(r, MODALITIES);
      const goldstein = Math.round((r() * 20 - 10) * 10) / 10;
      const block = blockKey(type, a, b);
      const mkey = mentionKey(docHash, i % perDoc, `gen-${docId}.txt`);
      const id = `ev${i.toString(16).padStart(16, '0')}`;
      insMention.run(
        docId,
        i % perDoc,
        mkey,
        block,
        id,
        type,
        mode,
        '040',
        goldstein,
        srcName,
        a,
        b,
        date,
        lo,
        hi,
        modality,
        place,
        text,
        0,
        text.length,
      );
      insEvent.run(
        id,
        block,
        type,
        mode,
        '040',
        goldstein,
        quadClass(type),
        srcName,
        a,
        b,
        dyadKey(a, b),
        date,
        lo,
        hi,
        date.length >= 7 ? date.slice(0, 7) : null,
        range ? spanClass(range.lo, range.hi) : 0,
        place,
        modality,
        published,
        published,
        [text, srcName ?? '', place ?? ''].filter(Boolean).join('\n'),
      );
    }
    flush();
  })();
  for (const d of deferred) db.exec(d.sql);
  db.exec(`INSERT INTO events_fts (events_fts) VALUES ('rebuild')`);
  db.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('analysis_limit = 2000');
  db.exec('ANALYZE');
  return { documents, mentions: n };
}

// ---------------------------------------------------------------- queries

async function timeQuery(name: string, runs: number, fn: () => Promise<number>): Promise<QueryFigure> {
  let rows = 0;
  for (let i = 0; i < 2; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { name, rows, medianMs: q(0.5), p95Ms: q(0.95) };
}

export async function runStoreBench(opts: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const nEvents = opts.events ?? 1_000_000;
  const nDocs = opts.docs ?? 2000;
  const runs = opts.runs ?? 15;
  const pgUrl = opts.pgUrl === undefined ? process.env.KRONIK_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/test' : opts.pgUrl;
  const dir = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), 'kronik-bench-'));
  const result: StoreBenchResult = {
    ingest: [],
    generate: { events: 0, mentions: 0, documents: 0, seconds: 0, dbBytes: 0 },
    queries: [],
  };
  try {
    // Ingest pages/s.
    const sq = await openStore(join(dir, `ingest-${process.pid}.db`));
    try {
      const f = await benchIngest(sq, 'sqlite', nDocs);
      result.ingest.push(f);
      log(
        `ingest sqlite:   ${f.pages} pages (${f.events} mentions) in ${f.seconds.toFixed(2)} s = ${f.pagesPerSecond.toFixed(0)} pages/s; unchanged re-run ${f.unchangedPerSecond.toFixed(0)} pages/s`,
      );
    } finally {
      await sq.close();
    }
    if (pgUrl) {
      const schema = `kronik_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
      let pgStore: Store | null = null;
      try {
        pgStore = await openStore(pgUrl, { schema });
        const f = await benchIngest(pgStore, 'postgres', nDocs);
        result.ingest.push(f);
        log(
          `ingest postgres: ${f.pages} pages (${f.events} mentions) in ${f.seconds.toFixed(2)} s = ${f.pagesPerSecond.toFixed(0)} pages/s; unchanged re-run ${f.unchangedPerSecond.toFixed(0)} pages/s`,
        );
      } catch (e) {
        log(`ingest postgres: skipped (${e instanceof Error ? e.message : String(e)})`);
      } finally {
        await pgStore?.close();
        const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
        try {
          await admin.connect();
          await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } catch {
          // unreachable: nothing was created
        } finally {
          await admin.end().catch(() => {});
        }
      }
    }

    // Generated store.
    const path = join(dir, `chronicle-${nEvents}-${process.pid}.db`);
    const store = await openStore(path);
    try {
      const t0 = performance.now();
      const g = generateSqliteChronicle(store, nEvents);
      const seconds = (performance.now() - t0) / 1000;
      const dbBytes = statSync(path).size;
      result.generate = { events: nEvents, mentions: g.mentions, documents: g.documents, seconds, dbBytes };
      log(
        `generate: ${nEvents} events, ${g.mentions} mentions, ${g.documents} documents in ${seconds.toFixed(1)} s ` +
          `(${(nEvents / seconds / 1000).toFixed(0)}k events/s, ${(dbBytes / 2 ** 20).toFixed(0)} MiB)`,
      );

      const some = await queryEvents(store, { dyad: 'USA:CHN', limit: 1 });
      const sampleId = some[0]?.id ?? '';
      const queries: [string, () => Promise<number>][] = [
        [
          'dyad USA:CHN + 3-month range, limit 100',
          async () => (await queryEvents(store, { dyad: 'USA:CHN', from: '2020-01', to: '2020-03', limit: 100 })).length,
        ],
        [
          'dyad USA:RUS directed + type + year, limit 100',
          async () => (await queryEvents(store, { dyad: 'USA:RUS', directed: true, type: 'ACCUSE', from: '2021', to: '2021' })).length,
        ],
        ['dyad KOR:JPN + range, count', async () => await countEvents(store, { dyad: 'KOR:JPN', from: '2018', to: '2022' })],
        ['date range (1 week), limit 100', async () => (await queryEvents(store, { from: '2022-03-01', to: '2022-03-07' })).length],
        ['free text "ceasefire" (common), limit 50', async () => (await queryEvents(store, { text: 'ceasefire', limit: 50 })).length],
        [
          'free text "ceasefire humanitarian railway" + dyad',
          async () => (await queryEvents(store, { text: 'ceasefire humanitarian railway', dyad: 'USA:CHN', limit: 50 })).length,
        ],
        [
          'free text + date range',
          async () => (await queryEvents(store, { text: 'nuclear missile', from: '2023-01', to: '2023-01', limit: 50 })).length,
        ],
        ['actor substring "Widodo", limit 50', async () => (await queryEvents(store, { actor: 'Widodo', limit: 50 })).length],
        ['dyad series USA:CHN (monthly, 10 years)', async () => (await dyadSeries(store, { a: 'USA', b: 'CHN' })).length],
        ['dyad series IDN:AUS', async () => (await dyadSeries(store, { a: 'IDN', b: 'AUS' })).length],
        ['getEvent with mentions', async () => ((await getEvent(store, sampleId)) ? 1 : 0)],
        ['searchDocuments "pandemic vaccine"', async () => (await searchDocuments(store, 'pandemic vaccine', { limit: 20 })).length],
        ['listDyads (full scan)', async () => (await listDyads(store, { limit: 100 })).length],
      ];
      for (const [name, fn] of queries) {
        const fig = await timeQuery(name, name.startsWith('listDyads') ? 3 : runs, fn);
        result.queries.push(fig);
        log(
          `  ${name.padEnd(52)} median ${fig.medianMs.toFixed(2).padStart(8)} ms   p95 ${fig.p95Ms.toFixed(2).padStart(8)} ms   rows ${fig.rows}`,
        );
      }
    } finally {
      await store.close();
    }
  } finally {
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const events = argValue(args, '--events');
  const docs = argValue(args, '--docs');
  const runs = argValue(args, '--runs');
  const dir = argValue(args, '--dir');
  const pgArg = argValue(args, '--pg');
  await runStoreBench({
    ...(events ? { events: Number(events) } : {}),
    ...(docs ? { docs: Number(docs) } : {}),
    ...(runs ? { runs: Number(runs) } : {}),
    ...(dir ? { dir } : {}),
    ...(args.includes('--no-pg') ? { pgUrl: null } : pgArg ? { pgUrl: pgArg } : {}),
  });
}
