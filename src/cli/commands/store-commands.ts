// CLI commands over the chronicle store: ingest, events, event, actors, dyads, search, export.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import type { PipelineItem } from '../../pipeline.ts';
import type { ExportedEvent } from '../../store/export.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../store/export-formats.ts';
import {
  AGGREGATE_FIELDS,
  AggregateFiltersSchema,
  EventFiltersSchema,
  FILTER_FIELDS,
  FILTER_FLAGS,
  FilterError,
  type FilterName,
  parseWith,
  toEventFilters,
} from '../../store/filters.ts';
import type { EventFilters } from '../../store/query.ts';
import type { ChronicleEvent } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';

// The store and the pipeline are loaded when a command runs, so `kronik --help` and the other
// commands do not pay for the database drivers.
const storeApi = () => import('../../store/index.ts');

export interface StoreCommandDeps {
  /** The document pipeline (default: processPaths from src/pipeline.ts). */
  processPaths?: (paths: string[]) => AsyncIterable<PipelineItem>;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Force the ingest progress bar on/off (default: on when stderr is a TTY). */
  progress?: boolean;
}

const DB_HELP = 'store: SQLite file or postgres:// URL (default $KRONIK_DB or ./kronik.db)';

function writer(stream: NodeJS.WritableStream) {
  // A closed pipe (`kronik export | head`) ends the output quietly.
  let broken = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    broken = true;
    if (e.code !== 'EPIPE') process.exitCode = 1;
  });
  return async (s: string) => {
    if (broken) return;
    if (stream.write(s)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('close', done);
      stream.once('error', done);
    });
  };
}

/** Runs `fn` on the store; the reading commands open it read-only (it must exist; nothing is migrated). */
async function withStore<T>(dbUrl: string | undefined, fn: (store: Store) => Promise<T>, opts: { readonly?: boolean } = {}): Promise<T> {
  const { openStore } = await storeApi();
  const store = await openStore(dbUrl, { readonly: opts.readonly ?? true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(rows: string[][]): string {
  if (!rows.length) return '';
  const widths = rows[0]!.map((_, i) => Math.min(48, Math.max(...rows.map((r) => (r[i] ?? '').length))));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : pad(c.length > 48 ? `${c.slice(0, 47)}…` : c, widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

function actorLabel(a: ChronicleEvent['source']): string {
  if (a.name && a.country) return `${a.name} (${a.country})`;
  return a.name ?? a.country ?? '-';
}

function intOption(v: string): number {
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`not a non-negative integer: ${v}`);
  return n;
}

const formatOption = (choices: string[], dflt: string) =>
  new Option('--format <format>', `output format (${choices.join('|')})`).choices(choices).default(dflt);

type CliOpts = Record<string, unknown> & { db?: string; format: string };

/** The commander attribute of a flag: --goldstein-min → goldsteinMin. */
const attrOf = (flag: string) => flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Adds the filter flags (their help from the same schema the API uses); `skip` leaves some out. */
function addFilterOptions(cmd: Command, opts: { skip?: FilterName[]; aggregate?: boolean } = {}): Command {
  for (const [name, f] of Object.entries(FILTER_FLAGS) as [FilterName, (typeof FILTER_FLAGS)[FilterName]][]) {
    if (opts.skip?.includes(name)) continue;
    const field = opts.aggregate ? AGGREGATE_FIELDS[name] : FILTER_FIELDS[name];
    const help = ((field.meta() as { description?: string } | undefined)?.description ?? '')
      .replace('Repeat the parameter or separate values with commas.', 'Comma-separated.')
      .replace(/`(\w+)`/g, (_, p: string) => FILTER_FLAGS[p as FilterName]?.flag ?? p);
    const choices = (field.meta() as { enum?: string[]; items?: { enum?: string[] } } | undefined) ?? {};
    const allowed = choices.enum ?? choices.items?.enum;
    cmd.option(`${f.flag}${f.arg ? ` ${f.arg}` : ''}`, `${help}${allowed ? ` (${allowed.join(', ')})` : ''}`);
  }
  return cmd.option('--db <url>', DB_HELP);
}

/** The filters given on the command line, checked by the API's schema; errors name the flag. */
function filtersOf(o: CliOpts, schema: z.ZodType = EventFiltersSchema, extra: Record<string, string> = {}): EventFilters {
  const raw: Record<string, string> = { ...extra };
  for (const [name, f] of Object.entries(FILTER_FLAGS)) {
    const v = o[attrOf(f.flag)];
    if (v === undefined || v === false) continue;
    raw[name] = v === true ? 'true' : String(v);
  }
  try {
    return toEventFilters(parseWith(schema, raw) as Parameters<typeof toEventFilters>[0]);
  } catch (e) {
    if (!(e instanceof FilterError) || !e.param) throw e;
    const flag = FILTER_FLAGS[e.param as FilterName]?.flag ?? `--${e.param}`;
    let message = e.message;
    for (const [name, f] of Object.entries(FILTER_FLAGS)) message = message.replaceAll(`"${name}"`, f.flag);
    throw new Error(message.includes(flag) ? message : `${flag}: ${message}`);
  }
}

/** Adds the store commands to the kronik program. */
export function registerStoreCommands(program: Command, deps: StoreCommandDeps = {}): void {
  const out = () => deps.stdout ?? process.stdout;
  const err = () => deps.stderr ?? process.stderr;
  const fail = (e: unknown) => {
    err().write(`kronik: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  };

  program
    .command('ingest')
    .description('extract documents and store them in the chronicle (idempotent; one transaction per page)')
    .argument('<paths...>', 'files, directories, JSONL, feeds, WARC or - for stdin')
    .option('--db <url>', DB_HELP)
    .action(async (paths: string[], o: { db?: string }) => {
      try {
        await withStore(
          o.db,
          async (store) => {
            const { addToTotals, describeTotals, ingestDocument, noTotals } = await storeApi();
            const process_ = deps.processPaths ?? (await import('../../pipeline.ts')).processPaths;
            const showBar = deps.progress ?? Boolean((err() as NodeJS.WriteStream).isTTY);
            const cliProgress = showBar ? (await import('cli-progress')).default : null;
            const counts = noTotals();
            const multi = cliProgress
              ? new cliProgress.MultiBar({
                  stream: err(),
                  format:
                    'ingest {value} pages | skipped {skipped} | failed {failed} | events new {enew}, merged {emerged} | {duration_formatted}',
                  hideCursor: true,
                  clearOnComplete: true,
                })
              : null;
            const bar = multi?.create(Number.MAX_SAFE_INTEGER, 0, { skipped: 0, failed: 0, enew: 0, emerged: 0 });
            const report = (line: string) => {
              if (multi) multi.log(`${line}\n`);
              else err().write(`${line}\n`);
            };
            try {
              for await (const item of process_(paths)) {
                if ('warning' in item) {
                  report(`warning: ${item.input}: ${item.warning}`);
                  continue;
                }
                counts.read++;
                if ('error' in item) {
                  counts.failed++;
                  report(`failed ${item.input}: ${item.error}`);
                } else {
                  for (const w of item.warnings ?? []) report(`warning: ${item.input}: ${w}`);
                  try {
                    addToTotals(counts, await ingestDocument(store, item.document));
                  } catch (e) {
                    counts.failed++;
                    report(`failed ${item.input}: ${e instanceof Error ? e.message : String(e)}`);
                  }
                }
                bar?.update(counts.read, {
                  skipped: counts.skipped,
                  failed: counts.failed,
                  enew: counts.eventsNew,
                  emerged: counts.merged,
                });
              }
            } finally {
              multi?.stop();
            }
            await writer(out())(`${describeTotals(counts)}\n`);
            if (counts.failed > 0) process.exitCode = 1;
          },
          { readonly: false },
        );
      } catch (e) {
        fail(e);
      }
    });

  addFilterOptions(program.command('events').description('list chronicle events'))
    .option('--limit <n>', 'at most n events', intOption, 100)
    .option('--offset <n>', 'skip n events', intOption)
    .addOption(new Option('--sort <dir>', 'by date').choices(['asc', 'desc']).default('asc'))
    .addOption(formatOption(['table', 'jsonl', 'csv'], 'table'))
    .action(async (o: CliOpts & { limit?: number; offset?: number; sort?: 'asc' | 'desc' }) => {
      try {
        const filters = filtersOf(o);
        await withStore(o.db, async (store) => {
          const [{ mentionsOf, queryEvents }, { csvHeader, csvLine, jsonlLine }] = await Promise.all([
            storeApi(),
            import('../../store/export.ts'),
          ]);
          const write = writer(out());
          const events = await queryEvents(store, {
            ...filters,
            ...(o.limit !== undefined ? { limit: o.limit } : {}),
            ...(o.offset !== undefined ? { offset: o.offset } : {}),
            ...(o.sort ? { sort: o.sort } : {}),
          });
          if (o.format === 'table') {
            const rows = [['date', 'status', 'type', 'source', 'target', 'place', 'arts', 'id']];
            for (const e of events) {
              rows.push([
                e.date_end ? `${e.date}..${e.date_end}` : (e.date ?? '-'),
                e.status,
                e.mode ? `${e.type}/${e.mode}` : e.type,
                actorLabel(e.source),
                actorLabel(e.target),
                e.place?.name ?? '',
                String(e.n_articles),
                e.id,
              ]);
            }
            await write(events.length ? table(rows) : 'no events\n');
            return;
          }
          const mentions = await mentionsOf(
            store,
            events.map((e) => e.id),
          );
          const full: ExportedEvent[] = events.map((e) => ({
            ...e,
            modality: e.status,
            mentions: (mentions.get(e.id) ?? []).map((m) => ({
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
            })),
          }));
          if (o.format === 'csv') await write(csvHeader() + full.map(csvLine).join(''));
          else await write(full.map(jsonlLine).join(''));
        });
      } catch (e) {
        fail(e);
      }
    });

  program
    .command('event')
    .description('show one event with its mentions (JSON)')
    .argument('<id>', 'event id')
    .option('--db <url>', DB_HELP)
    .action(async (id: string, o: { db?: string }) => {
      try {
        await withStore(o.db, async (store) => {
          const { getEvent } = await storeApi();
          const e = await getEvent(store, id);
          if (!e) throw new Error(`no event ${id}`);
          await writer(out())(`${JSON.stringify(e, null, 2)}\n`);
        });
      } catch (e) {
        fail(e);
      }
    });

  program
    .command('actors')
    .description('list actors with their number of events')
    .option('--country <code>', 'only this country')
    .option('--limit <n>', 'at most n actors', intOption)
    .addOption(formatOption(['table', 'jsonl'], 'table'))
    .option('--db <url>', DB_HELP)
    .action(async (o: { db?: string; country?: string; limit?: number; format: string }) => {
      try {
        await withStore(o.db, async (store) => {
          const { listActors } = await storeApi();
          const actors = await listActors(store, {
            ...(o.country ? { country: o.country } : {}),
            ...(o.limit !== undefined ? { limit: o.limit } : {}),
          });
          const write = writer(out());
          if (o.format === 'jsonl') {
            await write(actors.map((a) => `${JSON.stringify(a)}\n`).join(''));
            return;
          }
          const rows = [['events', 'country', 'sector', 'name']];
          for (const a of actors) rows.push([String(a.n_events), a.country ?? '-', a.sector ?? '-', a.name ?? '']);
          await write(actors.length ? table(rows) : 'no actors\n');
        });
      } catch (e) {
        fail(e);
      }
    });

  addFilterOptions(
    program
      .command('dyads')
      .description('list country pairs, or the monthly series of one pair (--pair); occurred events unless --modality names another status')
      .option('--pair <A:B>', 'monthly counts, mean Goldstein and quad classes of one dyad'),
    { skip: ['dyad'], aggregate: true },
  )
    .addOption(formatOption(['table', 'jsonl', 'csv'], 'table'))
    .action(async (o: CliOpts & { pair?: string }) => {
      try {
        if (o.directed && !o.pair) throw new Error('--directed needs --pair');
        const filters = filtersOf(o, AggregateFiltersSchema, o.pair ? { dyad: o.pair } : {});
        await withStore(o.db, async (store) => {
          const { dyadSeries, listDyads, parseDyad } = await storeApi();
          const write = writer(out());
          if (!o.pair) {
            const dyads = await listDyads(store, { filters });
            if (o.format === 'jsonl') await write(dyads.map((d) => `${JSON.stringify(d)}\n`).join(''));
            else if (o.format === 'csv') {
              await write(
                `dyad,n_events,first_date,last_date\n${dyads
                  .map((d) => `${d.dyad},${d.n_events},${d.first_date ?? ''},${d.last_date ?? ''}\n`)
                  .join('')}`,
              );
            } else {
              const rows = [['dyad', 'events', 'first', 'last']];
              for (const d of dyads) rows.push([d.dyad, String(d.n_events), d.first_date ?? '-', d.last_date ?? '-']);
              await write(dyads.length ? table(rows) : 'no dyads\n');
            }
            return;
          }
          const [a, b] = parseDyad(o.pair);
          const series = await dyadSeries(store, { a, b, ...(filters.directed ? { directed: true } : {}), filters });
          const cols = [
            'month',
            'n_events',
            'goldstein_mean',
            'verbal_coop',
            'material_coop',
            'verbal_conflict',
            'material_conflict',
          ] as const;
          if (o.format === 'jsonl') await write(series.map((p) => `${JSON.stringify(p)}\n`).join(''));
          else if (o.format === 'csv')
            await write(`${cols.join(',')}\n${series.map((p) => `${cols.map((c) => p[c]).join(',')}\n`).join('')}`);
          else {
            const rows: string[][] = [['month', 'events', 'goldstein', 'verb.coop', 'mat.coop', 'verb.confl', 'mat.confl']];
            for (const p of series) rows.push(cols.map((c) => String(p[c])));
            await write(series.length ? table(rows) : `no dated ${filters.modality} events for ${a}:${b}\n`);
          }
        });
      } catch (e) {
        fail(e);
      }
    });

  program
    .command('search')
    .description('full-text search over stored documents')
    .argument('<query>', 'words to look for')
    .option('--limit <n>', 'at most n documents', intOption, 20)
    .addOption(formatOption(['table', 'jsonl'], 'table'))
    .option('--db <url>', DB_HELP)
    .action(async (query: string, o: { db?: string; limit: number; format: string }) => {
      try {
        await withStore(o.db, async (store) => {
          const { searchDocuments } = await storeApi();
          const hits = await searchDocuments(store, query, { limit: o.limit });
          const write = writer(out());
          if (o.format === 'jsonl') await write(hits.map((h) => `${JSON.stringify(h)}\n`).join(''));
          else
            await write(
              hits.length
                ? hits.map((h) => `${h.doc}  ${h.published ?? ''}  ${h.title ?? ''}\n    ${h.snippet}\n`).join('')
                : 'no documents\n',
            );
        });
      } catch (e) {
        fail(e);
      }
    });

  addFilterOptions(
    program
      .command('export')
      .description(
        'export the chronicle: csv or jsonl (events with mentions), gdelt (GDELT 2.0 event table: occurred events unless --modality), plover (PLOVER JSON lines)',
      ),
  )
    .addOption(new Option('--format <format>', EXPORT_FORMATS.join('|')).choices([...EXPORT_FORMATS]).default('jsonl'))
    .option('--out <file>', 'write to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'with --out: replace an existing file')
    .option('--header', 'gdelt: write the column names first')
    .action(async (o: CliOpts & { out?: string; header?: boolean; force?: boolean }) => {
      try {
        const filters = filtersOf(o);
        if (o.out) checkOutFile(o.out, Boolean(o.force));
        await withStore(o.db, async (store) => {
          const stream = o.out ? createWriteStream(o.out) : out();
          const opened = o.out
            ? new Promise<void>((resolve, reject) => {
                (stream as ReturnType<typeof createWriteStream>).once('open', () => resolve()).once('error', reject);
              })
            : Promise.resolve();
          await opened;
          const write = writer(stream);
          const { exportChronicle } = await storeApi();
          await exportChronicle(store, o.format as ExportFormat, write, { filters, gdeltHeader: Boolean(o.header) });
          if (o.out) {
            const ws = stream as ReturnType<typeof createWriteStream>;
            await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
          }
        });
      } catch (e) {
        fail(e);
      }
    });
}

/** An --out path that can be written: its folder exists, it is not a folder, and not a file unless forced. */
function checkOutFile(path: string, force: boolean): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`--out ${path}: folder ${dir} does not exist`);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new Error(`--out ${path}: is a folder, not a file`);
    if (!force) throw new Error(`--out ${path}: file exists (use --force to replace it)`);
  }
}
