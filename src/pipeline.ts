// The whole per-document pipeline: input files → cleaned documents → coded events.
// CLI, server and workers call these functions; they hold no logic of their own.
import { buildDocument } from './documents/document.ts';
import { type ReadOptions, readInputs } from './documents/read.ts';
import { codeEvents } from './events/coder.ts';
import type { Document, Language, RawInput } from './types.ts';

export interface ExtractOptions extends ReadOptions {
  /** Force a language instead of identifying it. */
  language?: Language;
  /** Skip event coding (documents only). */
  noEvents?: boolean;
}

/** One input document, processed or failed. A failure names the file and the reason. */
export type PipelineItem = { input: string; document: Document; warnings?: string[] } | { input: string; error: string };

/** Cleans one raw input and codes its events. Throws on a page that cannot be processed. */
export function processRaw(raw: RawInput, opts: ExtractOptions = {}): Document {
  const doc = buildDocument(raw, { language: opts.language });
  if (!doc.body.trim()) throw new Error('no article text found');
  if (!opts.noEvents) doc.events = codeEvents(doc);
  return doc;
}

/** Reads files, directories, JSONL, feeds, WARC or "-" (stdin) and yields one item per document. */
export async function* processPaths(paths: string[], opts: ExtractOptions = {}): AsyncGenerator<PipelineItem> {
  for await (const item of readInputs(paths, opts)) {
    if (!item.ok) {
      yield { input: item.input, error: item.error };
      continue;
    }
    try {
      const document = processRaw(item.raw, opts);
      yield item.warnings.length ? { input: item.raw.path, document, warnings: item.warnings } : { input: item.raw.path, document };
    } catch (e) {
      yield { input: item.raw.path, error: (e as Error).message };
    }
  }
}
