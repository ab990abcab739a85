// `kronik extract PATH...`: clean documents and coded events, as JSONL, JSON or a readable summary.
import type { Command } from 'commander';
import { documentJson } from '../../documents/output-json.ts';
import type { ExtractOptions } from '../../pipeline.ts';
import type { CodedEvent, Document } from '../../types.ts';
import { out, reportError, reportWarning } from '../io.ts';
import { durationMs, sizeBytes } from '../options.ts';

function describeEvent(e: CodedEvent): string {
  const who = (a: CodedEvent['source']) =>
    a.name ? `${a.name} (${a.country ?? '?'}${a.sector ? `, ${a.sector}` : ''})` : (a.country ?? '—');
  const when = e.date ? (e.date_end ? `${e.date}…${e.date_end}` : e.date) : 'undated';
  const where = e.place ? `, ${e.place.name}` : '';
  return `  ${who(e.source)} — ${e.type}${e.mode ? `/${e.mode}` : ''} — ${who(e.target)}; ${e.modality}, ${when}${where}\n    “${e.evidence.text.slice(0, 160)}”`;
}

function describe(d: Document): string {
  const head = [
    `${d.doc}  [${d.language}]  ${d.published ?? 'no date'}${d.published_source === 'inferred-text' ? ' (inferred)' : ''}  ${d.outlet ?? ''}`,
  ];
  head.push(`  ${d.title ?? '(no title)'}`);
  head.push(`  ${d.sentences.length} sentences, ${d.body.length} characters, ${d.events.length} events`);
  return `${[...head, ...d.events.map(describeEvent)].join('\n')}\n\n`;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'read news pages (text, HTML, JSONL, RSS/Atom, WARC, directories, - for stdin) and print clean documents with their events',
    )
    .argument('<paths...>', 'files or directories; - reads standard input')
    .option('-f, --format <format>', 'text, jsonl or json', 'text')
    .option('--lang <lang>', 'force the language (id, en) instead of identifying it')
    .option('--no-events', 'documents only, no event coding')
    .option('--max-bytes <size>', 'largest input accepted after decompression (e.g. 500kb, 50mb; default 20mb)', sizeBytes)
    .option('--page-budget <duration>', 'time one page may take to code before it is given up (e.g. 30s, 2m; default 60s)', durationMs)
    .option('--plover-strict', 'code planned/expected meetings and visits as AGREE and cancelled ones as REJECT, as PLOVER does')
    .action(
      async (
        paths: string[],
        o: { format: string; lang?: string; events: boolean; maxBytes?: number; pageBudget?: number; ploverStrict?: boolean },
      ) => {
        if (!['text', 'jsonl', 'json'].includes(o.format)) {
          reportError('extract', `unknown format "${o.format}" (use text, jsonl or json)`);
          process.exitCode = 2;
          return;
        }
        if (o.lang && !['id', 'en'].includes(o.lang)) {
          reportError('extract', `unknown language "${o.lang}" (use id or en)`);
          process.exitCode = 2;
          return;
        }
        // Loaded here, not at the top, so that other commands and --help do not pay for the pipeline.
        const [{ processPaths }, { toPloverStrict }] = await Promise.all([import('../../pipeline.ts'), import('../../events/plover.ts')]);
        const opts: ExtractOptions = {
          language: o.lang as ExtractOptions['language'],
          noEvents: !o.events,
          maxBytes: o.maxBytes,
          pageBudgetMs: o.pageBudget,
        };
        let failed = 0;
        let ok = 0;
        const all: unknown[] = [];
        for await (const item of processPaths(paths, opts)) {
          if ('error' in item) {
            failed++;
            reportError(item.input, item.error);
            continue;
          }
          if ('warning' in item) {
            reportWarning(item.input, item.warning);
            continue;
          }
          ok++;
          for (const w of item.warnings ?? []) reportWarning(item.input, w);
          if (o.ploverStrict) item.document.events = item.document.events.map(toPloverStrict);
          if (o.format === 'jsonl') await out(`${JSON.stringify(documentJson(item.document))}\n`);
          else if (o.format === 'json') all.push(documentJson(item.document));
          else await out(describe(item.document));
        }
        if (o.format === 'json') await out(`${JSON.stringify(all, null, 2)}\n`);
        if (failed) {
          process.stderr.write(`kronik: ${failed} of ${failed + ok} inputs failed\n`);
          process.exitCode = 1;
        }
      },
    );
}
