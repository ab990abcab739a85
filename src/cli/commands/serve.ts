// `kronik serve`: the read-only JSON API and the web UI over a chronicle store.
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from '../../server/address.ts';
import { portNumber } from '../options.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the chronicle: read-only JSON API (/api) and web UI (/)')
    .option('--db <url>', 'store: SQLite file or postgres:// URL (default $KRONIK_DB or ./kronik.db)')
    .option('--port <n>', 'port (0 picks a free one)', portNumber, DEFAULT_PORT)
    .option('--host <host>', 'interface to bind', DEFAULT_HOST)
    .action(async (o: { db?: string; port: number; host: string }) => {
      try {
        const { startServer } = await import('../../server/serve.ts');
        const server = await startServer({ ...(o.db ? { db: o.db } : {}), port: o.port, host: o.host });
        if (!isLoopback(o.host)) {
          process.stderr.write(`kronik serve: warning: listening on ${o.host}, reachable from other machines\n`);
        }
        process.stdout.write(`kronik serving ${server.store.url} at ${server.url}/ (API: ${server.url}/api/openapi.json)\n`);
        const stop = () => {
          server.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        process.stderr.write(`kronik: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      }
    });
}
