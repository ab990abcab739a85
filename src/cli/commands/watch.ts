// `kronik watch`: polls feeds and sitemaps; a thin shell over src/watch/watch.ts.
import type { Command } from 'commander';
import { openQueue, type Queue } from '../../queue/boss.ts';
import { defaultDbUrl, isPostgresUrl, openStore } from '../../store/store.ts';
import { ingestSink, queueSink, type Sink, startWatch } from '../../watch/watch.ts';
import { durationMs } from '../options.ts';
import { type PoliteOptions, politeFetcherFromOptions, politeOptions } from './fetch-options.ts';

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function registerWatch(program: Command): void {
  politeOptions(
    program
      .command('watch')
      .description(
        'poll RSS/Atom feeds and news sitemaps (conditional GET) and take in the pages not seen before: ' +
          'queued for workers on PostgreSQL, fetched and stored in-process on SQLite',
      )
      .argument('<urls...>', 'feed or sitemap URLs (http or https)')
      .option('--db <url>', 'the chronicle: SQLite path or postgres:// URL (default $KRONIK_DB or ./kronik.db)')
      .option('--every <duration>', 'from the start of one poll to the next', durationMs, 15 * 60_000)
      .option('--once', 'poll once and exit (for cron)'),
  ).action(async (urls: string[], o: PoliteOptions & { db?: string; every: number; once?: boolean }) => {
    try {
      for (const u of urls) if (!/^https?:\/\/\S+$/i.test(u)) throw new Error(`not an http(s) URL: ${u}`);
      const url = o.db ?? defaultDbUrl();
      const store = await openStore(url);
      let queue: Queue | null = null;
      try {
        const fetcher = politeFetcherFromOptions(o, store);
        let sink: Sink;
        if (isPostgresUrl(url)) {
          queue = await openQueue(url, { applicationName: 'kronik watch' });
          sink = queueSink(queue);
        } else sink = ingestSink(store, fetcher.fetchPage);
        const verb = queue ? 'queued' : 'taken in';
        const watcher = startWatch(store, urls, {
          everyMs: o.every,
          once: Boolean(o.once),
          fetcher,
          sink,
          onPoll: (r) => {
            for (const e of r.errors) process.stderr.write(`kronik: ${e.url}: ${e.error}\n`);
            process.stdout.write(
              `${new Date().toISOString()} polled ${r.feeds} feed${r.feeds === 1 ? '' : 's'} (${r.notModified} unchanged): ` +
                `${r.newPages} new page${r.newPages === 1 ? '' : 's'}, ${r.handed} ${verb}, ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}\n`,
            );
          },
          onError: (e) => process.stderr.write(`kronik: watch: ${e.message} (trying again next poll)\n`),
        });
        const onSignal = (sig: NodeJS.Signals) => {
          process.stderr.write(`kronik: ${sig}: stopping after the page in hand\n`);
          watcher.stop();
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
        try {
          await watcher.done;
        } finally {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        }
      } finally {
        await queue?.close();
        await store.close();
      }
    } catch (e) {
      process.stderr.write(`kronik: ${msg(e)}\n`);
      process.exitCode = 1;
    }
  });
}
