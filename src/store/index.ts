// The chronicle store: public API.
export type { DayRange } from './dates.ts';
export { eventDateRange, partialDateRange } from './dates.ts';
export type { ExportedEvent, ExportedMention, ExportFormat, ExportOptions } from './export.ts';
export {
  CSV_COLUMNS,
  EXPORT_FORMATS,
  exportChronicle,
  exportToString,
  GDELT_COLUMNS,
  gdeltEventId,
  iterateChronicle,
} from './export.ts';
export type { IngestOptions, IngestResult } from './ingest.ts';
export { addToTotals, describeTotals, type IngestTotals, ingestDocument, noTotals } from './ingest.ts';
export type { MergedEvent, MergeMention } from './merge.ts';
export { blockKey, clusterBlock, dyadKey, eventStatus, isSymmetric, mergeBlock, QUAD_CLASS, quadClass } from './merge.ts';
export type { DyadSeriesOptions, EventFilters, EventPage } from './query.ts';
export {
  aggregateFilters,
  applyFilters,
  countEvents,
  dyadSeries,
  eventPlace,
  getDocument,
  getEvent,
  InvalidFilterError,
  listActors,
  listDyads,
  mentionsOf,
  parseDyad,
  queryEventPage,
  queryEvents,
  removedSince,
  searchDocuments,
} from './query.ts';
export type {
  ActorRef,
  ActorSummary,
  ChronicleEvent,
  DocumentHit,
  DyadSeriesPoint,
  DyadSummary,
  EventDetail,
  EvidenceSpan,
  MentionRecord,
  StoredDocument,
} from './records.ts';
export type { Database } from './schema.ts';
export type { OpenStoreOptions, Store } from './store.ts';
export { DEFAULT_DB, defaultDbUrl, isPostgresUrl, migrateStore, openStore, withTransaction } from './store.ts';

import type { Store } from './store.ts';

/** Closes the store's connections. */
export function closeStore(store: Store): Promise<void> {
  return store.close();
}
