// Idempotent, crash-safe ingest: one transaction per document (document row, its mentions,
// and the re-merge of every block its old or new mentions belong to).
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { storableInPlace, storableRow } from '../text/storable.ts';
import type { CodedEvent, Document } from '../types.ts';
import { dayToIso, eventDateRange, timestampMs } from './dates.ts';
import { blockKey, type MergedEvent, type MergeMention, mentionKey, mergeBlock } from './merge.ts';
import type { Database, EventsTable, MentionsTable } from './schema.ts';
import { type Store, withTransaction } from './store.ts';

export interface IngestResult {
  status: 'new' | 'unchanged' | 'replaced';
  /** Events coded in the document (0 when it is unchanged and was not stored again). */
  eventsExtracted: number;
  /** Events holding this document's mentions and no other document's. */
  eventsNew: number;
  /** Events holding this document's mentions merged with other documents' mentions. */
  eventsMerged: number;
}

export interface IngestOptions {
  /** Called inside the transaction just before COMMIT (tests use it to simulate a crash window). */
  beforeCommit?: () => Promise<void>;
}

type Trx = Kysely<Database>;
type MentionInsert = Omit<MentionsTable, 'id'>;

const CHUNK = 500;

function chunks<T>(list: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

function lockId(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown, dflt: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

/** A mention's row; its text made storable (a Document given to the API may still hold NUL). */
function mentionRow(doc: Document, documentId: number, ev: CodedEvent, idx: number): MentionInsert {
  return storableRow(mentionFields(doc, documentId, ev, idx));
}

function mentionFields(doc: Document, documentId: number, ev: CodedEvent, idx: number): MentionInsert {
  const source = ev.source ?? { name: null, country: null, sector: null };
  const target = ev.target ?? { name: null, country: null, sector: null };
  const range = eventDateRange(ev.date, ev.date_end);
  const evidence = ev.evidence ?? { text: '', start: 0, end: 0 };
  return {
    document_id: documentId,
    idx,
    mention_key: mentionKey(doc.content_hash, idx, doc.doc),
    block_key: blockKey(ev.type, source.country, target.country),
    event_id: null,
    type: ev.type,
    mode: str(ev.mode),
    cameo: ev.cameo ?? '',
    goldstein: num(ev.goldstein, 0),
    source_name: str(source.name),
    source_country: str(source.country),
    source_sector: str(source.sector),
    source_role: str(source.role),
    source_text: str(source.text),
    target_name: str(target.name),
    target_country: str(target.country),
    target_sector: str(target.sector),
    target_role: str(target.role),
    target_text: str(target.text),
    date: str(ev.date),
    date_end: str(ev.date_end),
    date_lo: range ? dayToIso(range.lo) : null,
    date_hi: range ? dayToIso(range.hi) : null,
    modality: ev.modality ?? 'occurred',
    place_name: str(ev.place?.name),
    place_country: str(ev.place?.country),
    evidence_text: evidence.text ?? '',
    evidence_start: num(evidence.start, 0),
    evidence_end: num(evidence.end, 0),
    evidence_more: ev.evidence_more?.length ? JSON.stringify(ev.evidence_more) : null,
    confidence: num(ev.confidence, 0),
    provenance: ev.provenance ? JSON.stringify(ev.provenance) : null,
  };
}

/** A document's row; its text made storable in place (same length, so evidence offsets stay right). */
function documentRow(doc: Document) {
  return storableRow({
    doc: doc.doc,
    url: str(doc.url),
    content_hash: doc.content_hash,
    language: str(doc.language),
    title: str(doc.title),
    published: str(doc.published),
    published_ms: timestampMs(doc.published),
    published_source: str(doc.published_source),
    outlet: str(doc.outlet),
    author: str(doc.author),
    dateline: str(doc.dateline),
    body: doc.body ?? '',
    sources: JSON.stringify(doc.sources ?? []),
    ingested_at: new Date().toISOString(),
  });
}

/** The document with a name the store can look up (it is compared before any row is written). */
function storableName(doc: Document): Document {
  const name = storableInPlace(doc.doc);
  return name === doc.doc ? doc : { ...doc, doc: name };
}

/** Running totals of an ingest run, as `ingest` and `demo` report them. */
export interface IngestTotals {
  read: number;
  skipped: number;
  failed: number;
  /** Events coded in the pages stored … */
  extracted: number;
  /** … that became events of their own … */
  eventsNew: number;
  /** … or joined another event (of the same page or stored before): extracted = new + merged. */
  merged: number;
}

export const noTotals = (): IngestTotals => ({ read: 0, skipped: 0, failed: 0, extracted: 0, eventsNew: 0, merged: 0 });

export function addToTotals(t: IngestTotals, r: IngestResult): void {
  if (r.status === 'unchanged') t.skipped++;
  t.extracted += r.eventsExtracted;
  t.eventsNew += r.eventsNew;
  // Each new event holds at least one of the page's events; every other one was merged into an event.
  t.merged += r.eventsExtracted - r.eventsNew;
}

export function describeTotals(t: IngestTotals): string {
  return `pages read ${t.read}, skipped ${t.skipped} (unchanged), failed ${t.failed}, events extracted ${t.extracted}: new ${t.eventsNew}, merged ${t.merged}`;
}

/** Stores one document and re-merges the events it touches, all in one transaction. */
export async function ingestDocument(store: Store, given: Document, opts: IngestOptions = {}): Promise<IngestResult> {
  if (!given || typeof given.doc !== 'string' || !given.doc) throw new Error('ingestDocument: document has no name');
  const doc = storableName(given);
  if (typeof doc.content_hash !== 'string' || !doc.content_hash) {
    throw new Error(`ingestDocument: ${doc.doc} has no content_hash`);
  }
  return withTransaction(store, async (trx) => {
    const pg = store.dialect === 'postgres';
    if (pg) await sql`SELECT pg_advisory_xact_lock(1, ${lockId(doc.doc)})`.execute(trx);

    const existing = await trx.selectFrom('documents').select(['id', 'content_hash']).where('doc', '=', doc.doc).executeTakeFirst();
    if (existing && existing.content_hash === doc.content_hash) {
      return { status: 'unchanged', eventsExtracted: 0, eventsNew: 0, eventsMerged: 0 } satisfies IngestResult;
    }

    const events = Array.isArray(doc.events) ? doc.events : [];
    const newBlocks = events.map((ev) => blockKey(ev.type, ev.source?.country, ev.target?.country));
    const oldBlocks = existing
      ? (await trx.selectFrom('mentions').select('block_key').distinct().where('document_id', '=', existing.id).execute()).map(
          (r) => r.block_key,
        )
      : [];
    const blocks = [...new Set([...oldBlocks, ...newBlocks])].sort();
    if (pg) {
      // Lock every affected block in a fixed order, so concurrent writers cannot deadlock.
      // unnest() yields the ids in array order, so the locks are taken in ascending order.
      const ids = [...new Set(blocks.map(lockId))].sort((a, b) => a - b);
      if (ids.length) {
        await sql`SELECT count(pg_advisory_xact_lock(2, k)) FROM unnest(${ids}::int4[]) AS k`.execute(trx);
      }
    }

    let documentId: number;
    const row = documentRow(doc);
    if (existing) {
      documentId = existing.id;
      await trx.deleteFrom('mentions').where('document_id', '=', documentId).execute();
      await trx.updateTable('documents').set(row).where('id', '=', documentId).execute();
    } else {
      const inserted = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
      documentId = Number(inserted.id);
    }

    const mentions = events.map((ev, i) => mentionRow(doc, documentId, ev, i));
    for (const part of chunks(mentions, 100)) await trx.insertInto('mentions').values(part).execute();

    const ownKeys = new Set(mentions.map((m) => m.mention_key));
    const touched = new Map<string, MergedEvent>();
    for (const ev of await recomputeBlocks(trx, blocks)) {
      if (ev.mentionKeys.some((k) => ownKeys.has(k))) touched.set(ev.id, ev);
    }
    let eventsNew = 0;
    let eventsMerged = 0;
    for (const ev of touched.values()) {
      if (ev.mentionKeys.every((k) => ownKeys.has(k))) eventsNew++;
      else eventsMerged++;
    }
    if (opts.beforeCommit) await opts.beforeCommit();
    return { status: existing ? 'replaced' : 'new', eventsExtracted: events.length, eventsNew, eventsMerged } satisfies IngestResult;
  });
}

/**
 * Stores several documents in one transaction, with one re-merge of every block their old or new
 * mentions belong to: the same chronicle as `ingestDocument` on each of them in turn (merging is a
 * function of the set of stored mentions), for one transaction and one re-merge instead of one per
 * document. The names must differ (a page given twice goes to two calls). On PostgreSQL every
 * document lock is taken before any block lock, each kind in ascending order in one statement, so
 * batches and single-document ingests, which take theirs in the same order, cannot deadlock.
 * Results are in the order of `docs`; a document's events count as new when no other document's
 * mention (of this batch or stored before) joined them.
 */
export async function ingestDocuments(store: Store, given: Document[], opts: IngestOptions = {}): Promise<IngestResult[]> {
  if (given.length === 1) return [await ingestDocument(store, given[0]!, opts)];
  if (!given.length) return [];
  for (const doc of given) if (!doc || typeof doc.doc !== 'string' || !doc.doc) throw new Error('ingestDocuments: document has no name');
  const docs = given.map(storableName);
  const names = new Set<string>();
  for (const doc of docs) {
    if (typeof doc.content_hash !== 'string' || !doc.content_hash) throw new Error(`ingestDocuments: ${doc.doc} has no content_hash`);
    if (names.has(doc.doc)) throw new Error(`ingestDocuments: ${doc.doc} is given twice`);
    names.add(doc.doc);
  }
  return withTransaction(store, async (trx) => {
    const pg = store.dialect === 'postgres';
    const lockAll = async (cls: number, keys: string[]) => {
      const ids = [...new Set(keys.map(lockId))].sort((a, b) => a - b);
      if (ids.length) await sql`SELECT count(pg_advisory_xact_lock(${cls}, k)) FROM unnest(${ids}::int4[]) AS k`.execute(trx);
    };
    if (pg) await lockAll(1, [...names]);

    const existing = new Map<string, { id: number; content_hash: string }>();
    for (const part of chunks([...names])) {
      const rows = await trx.selectFrom('documents').select(['id', 'doc', 'content_hash']).where('doc', 'in', part).execute();
      for (const r of rows) existing.set(r.doc, { id: Number(r.id), content_hash: r.content_hash });
    }
    const unchanged = (doc: Document) => existing.get(doc.doc)?.content_hash === doc.content_hash;
    const changed = docs.filter((d) => !unchanged(d));
    const replacedIds = changed.flatMap((d) => (existing.has(d.doc) ? [existing.get(d.doc)!.id] : []));

    const blocks = new Set<string>();
    for (const part of chunks(replacedIds)) {
      const rows = await trx.selectFrom('mentions').select('block_key').distinct().where('document_id', 'in', part).execute();
      for (const r of rows) blocks.add(r.block_key);
    }
    const eventsOf = (doc: Document) => (Array.isArray(doc.events) ? doc.events : []);
    for (const doc of changed) for (const ev of eventsOf(doc)) blocks.add(blockKey(ev.type, ev.source?.country, ev.target?.country));
    const sortedBlocks = [...blocks].sort();
    // Lock every affected block in a fixed order, so concurrent writers cannot deadlock.
    if (pg) await lockAll(2, sortedBlocks);

    const ids = new Map<string, number>();
    for (const part of chunks(replacedIds)) await trx.deleteFrom('mentions').where('document_id', 'in', part).execute();
    for (const doc of changed) {
      const old = existing.get(doc.doc);
      if (!old) continue;
      await trx.updateTable('documents').set(documentRow(doc)).where('id', '=', old.id).execute();
      ids.set(doc.doc, old.id);
    }
    const fresh = changed.filter((d) => !existing.has(d.doc));
    for (const part of chunks(fresh, 50)) {
      const rows = await trx.insertInto('documents').values(part.map(documentRow)).returning(['id', 'doc']).execute();
      for (const r of rows) ids.set(r.doc, Number(r.id));
    }

    // Which document of the batch each new mention belongs to.
    const ownerOf = new Map<string, string>();
    const mentions: MentionInsert[] = [];
    for (const doc of changed) {
      const rows = eventsOf(doc).map((ev, i) => mentionRow(doc, ids.get(doc.doc)!, ev, i));
      for (const m of rows) ownerOf.set(m.mention_key, doc.doc);
      mentions.push(...rows);
    }
    for (const part of chunks(mentions, 100)) await trx.insertInto('mentions').values(part).execute();

    const counts = new Map<string, { eventsNew: number; eventsMerged: number }>(
      changed.map((d) => [d.doc, { eventsNew: 0, eventsMerged: 0 }]),
    );
    for (const ev of await recomputeBlocks(trx, sortedBlocks)) {
      const owners = new Set<string | undefined>(ev.mentionKeys.map((k) => ownerOf.get(k)));
      const alone = owners.size === 1;
      for (const owner of owners) {
        const c = owner === undefined ? undefined : counts.get(owner);
        if (!c) continue;
        if (alone) c.eventsNew++;
        else c.eventsMerged++;
      }
    }
    const results = docs.map((doc): IngestResult => {
      const c = counts.get(doc.doc);
      if (!c) return { status: 'unchanged', eventsExtracted: 0, eventsNew: 0, eventsMerged: 0 };
      return { status: existing.has(doc.doc) ? 'replaced' : 'new', eventsExtracted: eventsOf(doc).length, ...c };
    });
    if (opts.beforeCommit) await opts.beforeCommit();
    return results;
  });
}

/**
 * Loads every mention of the given blocks, re-clusters each block and writes the
 * differences (events gone, new or changed; mentions whose event changed).
 */
export async function recomputeBlocks(trx: Trx, blocks: string[]): Promise<MergedEvent[]> {
  if (!blocks.length) return [];
  type Row = Awaited<ReturnType<typeof loadMentions>>[number];
  const rows: Row[] = [];
  const existing: { id: string; sig: string; block_key: string }[] = [];
  for (const part of chunks(blocks)) {
    rows.push(...(await loadMentions(trx, part)));
    existing.push(...(await trx.selectFrom('events').select(['id', 'sig', 'block_key']).where('block_key', 'in', part).execute()));
  }
  const byBlock = new Map<string, MergeMention[]>(blocks.map((b) => [b, []]));
  for (const r of rows) {
    byBlock.get(r.block_key)?.push({
      key: r.mention_key,
      doc: r.doc,
      outlet: r.outlet,
      published: r.published,
      publishedMs: r.published_ms === null ? null : Number(r.published_ms),
      type: r.type,
      mode: r.mode,
      cameo: r.cameo,
      goldstein: Number(r.goldstein),
      sourceName: r.source_name,
      sourceCountry: r.source_country,
      sourceSector: r.source_sector,
      targetName: r.target_name,
      targetCountry: r.target_country,
      targetSector: r.target_sector,
      date: r.date,
      dateEnd: r.date_end,
      modality: r.modality,
      placeName: r.place_name,
      placeCountry: r.place_country,
      evidence: r.evidence_text,
    });
  }
  const merged: MergedEvent[] = [];
  for (const [block, mentions] of byBlock) merged.push(...mergeBlock(block, mentions));

  const oldSig = new Map(existing.map((e) => [e.id, e.sig]));
  const newIds = new Set(merged.map((e) => e.id));
  const gone = existing.map((e) => e.id).filter((id) => !newIds.has(id));
  for (const part of chunks(gone)) await trx.deleteFrom('events').where('id', 'in', part).execute();

  const inserts: Omit<EventsTable, 'seq' | 'changed_at'>[] = [];
  for (const ev of merged) {
    const prev = oldSig.get(ev.id);
    if (prev === ev.sig) continue;
    const { mentionKeys: _keys, ...row } = ev;
    if (prev === undefined) inserts.push(row);
    else await trx.updateTable('events').set(row).where('id', '=', ev.id).execute();
  }
  for (const part of chunks(inserts, 50)) await trx.insertInto('events').values(part).execute();

  // Point mentions at their events where that changed: one UPDATE … CASE per chunk.
  const byKey = new Map(rows.map((r) => [r.mention_key, r]));
  const stale: [number, string][] = [];
  for (const ev of merged) {
    for (const k of ev.mentionKeys) {
      const r = byKey.get(k);
      if (r && r.event_id !== ev.id) stale.push([r.id, ev.id]);
    }
  }
  for (const part of chunks(stale, 200)) {
    const cases = sql.join(
      part.map(([id, ev]) => sql`WHEN ${id} THEN ${ev}`),
      sql` `,
    );
    await sql`UPDATE mentions SET event_id = CASE id ${cases} END WHERE id IN (${sql.join(part.map(([id]) => id))})`.execute(trx);
  }
  return merged;
}

function loadMentions(trx: Trx, blocks: string[]) {
  return trx
    .selectFrom('mentions as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select([
      'm.id',
      'm.block_key',
      'm.mention_key',
      'm.event_id',
      'm.type',
      'm.mode',
      'm.cameo',
      'm.goldstein',
      'm.source_name',
      'm.source_country',
      'm.source_sector',
      'm.target_name',
      'm.target_country',
      'm.target_sector',
      'm.date',
      'm.date_end',
      'm.modality',
      'm.place_name',
      'm.place_country',
      'm.evidence_text',
      'd.doc',
      'd.outlet',
      'd.published',
      'd.published_ms',
    ])
    .where('m.block_key', 'in', blocks)
    .execute();
}
