// The JSON shape of a document in kronik's output (`extract --format jsonl`, the library's callers): the
// fields of the output contract in ../shared/gold/README.md, in its order.
import type { Document } from '../types.ts';

/** The JSON shape of one document in the output (the gold contract's fields first). */
export function documentJson(d: Document): Record<string, unknown> {
  return {
    doc: d.doc,
    url: d.url ?? null,
    language: d.language,
    title: d.title,
    published: d.published,
    published_source: d.published_source,
    outlet: d.outlet,
    author: d.author,
    dateline: d.dateline,
    sources: d.sources,
    content_hash: d.content_hash,
    body: d.body,
    sentences: d.sentences.map((s) => ({ start: s.start, end: s.end })),
    events: d.events,
  };
}
