// The whole per-document pipeline: input files → cleaned documents → coded events.
// CLI, server and workers call these functions; they hold no logic of their own.
import { buildDocument } from './documents/document.ts';
import { type ReadOptions, readInputs } from './documents/read.ts';
import { codeEvents, DeadlineError } from './events/coder.ts';
import { storableRaw } from './text/storable.ts';
import type { Document, Language, RawInput } from './types.ts';

export interface ExtractOptions extends ReadOptions {
  /** Force a language instead of identifying it. */
  language?: Language;
  /** Skip event coding (documents only). */
  noEvents?: boolean;
  /** Time one page may take to code, in milliseconds (default DEFAULT_PAGE_BUDGET_MS); past it the page fails and the run goes on. */
  pageBudgetMs?: number;
}

export const DEFAULT_PAGE_BUDGET_MS = 60_000;

/**
 * One input document, processed or failed, or an input skipped with a warning (a folder reached again
 * through a symbolic link). A failure or a warning names the file and the reason.
 */
export type PipelineItem =
  | { input: string; document: Document; warnings?: string[] }
  | { input: string; error: string }
  | { input: string; warning: string };

/** Cleans one raw input and codes its events. Throws on a page that cannot be processed. */
export function processRaw(raw: RawInput, opts: ExtractOptions = {}): Document {
  const started = Date.now();
  // NUL and lone surrogates go before coding: the store could not hold them, and offsets stay right.
  const doc = buildDocument(storableRaw(raw), { language: opts.language });
  if (!doc.body.trim()) throw new Error('no article text found');
  if (opts.noEvents) return doc;
  const budget = opts.pageBudgetMs ?? DEFAULT_PAGE_BUDGET_MS;
  try {
    doc.events = codeEvents(doc, { deadline: started + budget });
  } catch (e) {
    if (!(e instanceof DeadlineError)) throw e;
    throw new Error(`given up: coding took longer than the page time budget of ${seconds(budget)} (raise it with --page-budget)`);
  }
  return doc;
}

const seconds = (ms: number) => `${ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`}`;

/** Reads files, directories, JSONL, feeds, WARC or "-" (stdin) and yields one item per document. */
export async function* processPaths(paths: string[], opts: ExtractOptions = {}): AsyncGenerator<PipelineItem> {
  for await (const item of readInputs(paths, opts)) {
    if (!item.ok) {
      yield 'warning' in item ? { input: item.input, warning: item.warning } : { input: item.input, error: item.error };
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
