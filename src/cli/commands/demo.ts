// `kronik demo` (what `npm start` runs): ingest the bundled demo corpus into the embedded SQLite store
// and serve the chronicle in the browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/address.ts';
import { reportError, reportWarning } from '../io.ts';
import { portNumber } from '../options.ts';

/** Builds the web UI with Vite when it has not been built yet. */
export async function ensureWebBuilt(): Promise<void> {
  const { REPO_ROOT } = await import('../../lexicon/load.ts');
  if (existsSync(join(REPO_ROOT, 'web/dist/index.html'))) return;
  process.stderr.write('building the web UI (vite build web)…\n');
  const { build } = await import('vite');
  await build({ root: join(REPO_ROOT, 'web'), logLevel: 'warn', configFile: join(REPO_ROOT, 'web/vite.config.ts') });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo corpus into the embedded store and serve the chronicle (npm start)')
    .option('--db <url>', 'store URL or SQLite file', process.env.KRONIK_DB ?? './kronik.db')
    .option('--port <n>', 'port (0 picks a free one)', portNumber, DEFAULT_PORT)
    .option('--host <host>', 'address to bind (loopback by default)', DEFAULT_HOST)
    .option('--no-serve', 'ingest only')
    .action(async (o: { db: string; port: number; host: string; serve: boolean }) => {
      const [{ REPO_ROOT }, { processPaths }, { startServer }, { addToTotals, describeTotals, ingestDocument, noTotals, openStore }] =
        await Promise.all([
          import('../../lexicon/load.ts'),
          import('../../pipeline.ts'),
          import('../../server/serve.ts'),
          import('../../store/index.ts'),
        ]);
      const store = await openStore(o.db);
      const counts = noTotals();
      try {
        for await (const item of processPaths([join(REPO_ROOT, 'corpus/demo')])) {
          if ('warning' in item) {
            reportWarning(item.input, item.warning);
            continue;
          }
          counts.read++;
          if ('error' in item) {
            counts.failed++;
            reportError(item.input, item.error);
            continue;
          }
          addToTotals(counts, await ingestDocument(store, item.document));
        }
      } finally {
        await store.close();
      }
      process.stderr.write(`demo corpus: ${describeTotals(counts)}\n`);
      if (!o.serve) return;
      await ensureWebBuilt();
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ db: o.db, port: o.port, host: o.host });
      } catch (e) {
        process.stderr.write(`kronik: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`kronik is serving the chronicle at ${server.url}  (Ctrl-C to stop)\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
