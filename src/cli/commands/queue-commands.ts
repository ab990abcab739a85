// CLI commands over the job queue: enqueue, worker, status. Thin shells over src/queue/.
import { type Command, Option } from 'commander';
import { assertQueueUrl, DEFAULT_RETRY, openQueue, queueSchemaFor, type RetryPolicy } from '../../queue/boss.ts';
import { enqueueInputs } from '../../queue/enqueue.ts';
import { DEFAULT_JOB_LIMITS } from '../../queue/jobs.ts';
import { queueStatus } from '../../queue/status.ts';
import { DEFAULT_BATCH_SIZE, type JobEvent, startWorker } from '../../queue/worker.ts';
import { defaultDbUrl, openStore } from '../../store/store.ts';
import { durationMs, nonNegativeInt, positiveInt } from '../options.ts';
import { type PoliteOptions, politeFetcherFromOptions, politeOptions } from './fetch-options.ts';

const DB_HELP = 'the chronicle and its job queue: postgres:// URL (default $KRONIK_DB); ?queue_schema=NAME picks the queue schema';

type WorkerCliOptions = PoliteOptions & {
  db?: string;
  concurrency: number;
  batch: number;
  exitWhenIdle?: boolean;
  poll: number;
  maintenance: number;
};

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

function jobLine(e: JobEvent): string | null {
  if (e.ok) return null;
  const what = e.final ? 'failed for good (dead-letter list)' : 'failed, will retry';
  return `job ${e.id} ${what}: ${e.failure.message}`;
}

export function registerQueueCommands(program: Command): void {
  const fail = (e: unknown) => {
    process.stderr.write(`kronik: ${msg(e)}\n`);
    process.exitCode = 1;
  };

  program
    .command('enqueue')
    .description('put pages on the job queue: one job per file or URL, containers cut into bounded jobs (idempotent)')
    .argument('<inputs...>', 'files, directories, JSONL/RSS/Atom/WARC containers, http(s) URLs, or - for stdin')
    .option('--db <url>', DB_HELP)
    .option('--job-pages <n>', 'at most n pages of a container in one job', positiveInt, DEFAULT_JOB_LIMITS.maxPages)
    .option('--retries <n>', 'tries after the first for a job that fails for a passing reason', nonNegativeInt, DEFAULT_RETRY.retries)
    .option(
      '--retry-delay <duration>',
      'wait before the first retry (doubled each time, with jitter)',
      durationMs,
      DEFAULT_RETRY.retryDelaySeconds * 1000,
    )
    .option(
      '--job-timeout <duration>',
      'a job active this long is taken as lost (its worker died) and retried',
      durationMs,
      DEFAULT_RETRY.jobTimeoutSeconds * 1000,
    )
    .action(async (inputs: string[], o: { db?: string; jobPages: number; retries: number; retryDelay: number; jobTimeout: number }) => {
      try {
        const url = assertQueueUrl(o.db ?? defaultDbUrl());
        const queue = await openQueue(url, { applicationName: 'kronik enqueue' });
        try {
          const retry: RetryPolicy = {
            retries: o.retries,
            retryDelaySeconds: Math.max(1, Math.round(o.retryDelay / 1000)),
            jobTimeoutSeconds: Math.max(1, Math.round(o.jobTimeout / 1000)),
          };
          const r = await enqueueInputs(queue, inputs, {
            limits: { ...DEFAULT_JOB_LIMITS, maxPages: o.jobPages },
            retry,
            onError: (input, error) => process.stderr.write(`kronik: ${input}: ${error}\n`),
            onWarning: (input, warning) => process.stderr.write(`kronik: warning: ${input}: ${warning}\n`),
          });
          process.stdout.write(
            `enqueued ${r.jobs} job${r.jobs === 1 ? '' : 's'} (${r.pages} page${r.pages === 1 ? '' : 's'}), ` +
              `${r.alreadyQueued} already queued, ${r.failed} unreadable\n`,
          );
          if (r.failed > 0) process.exitCode = 1;
        } finally {
          await queue.close();
        }
      } catch (e) {
        fail(e);
      }
    });

  politeOptions(
    program
      .command('worker')
      .description('take page jobs from the queue, code the pages and store them; start any number, on any hosts')
      .option('--db <url>', DB_HELP)
      .option(
        '--concurrency <n>',
        'batches of jobs at once in this process (one codes while another waits on the database)',
        positiveInt,
        1,
      )
      .option(
        '--batch <n>',
        'jobs taken a round trip, their pages stored together (whole jobs, up to 25 pages a transaction)',
        positiveInt,
        DEFAULT_BATCH_SIZE,
      )
      .option('--exit-when-idle', 'exit once no job is queued or active')
      .option('--poll <duration>', 'how often an idle worker looks for jobs', durationMs, 1000)
      .option(
        '--maintenance <duration>',
        'how often to look for jobs of vanished workers (expired after their --job-timeout) and retry them',
        durationMs,
        60_000,
      ),
  ).action(async (o: WorkerCliOptions) => {
    try {
      const url = assertQueueUrl(o.db ?? defaultDbUrl());
      const store = await openStore(url, { poolSize: o.concurrency + 1 });
      let queue: Awaited<ReturnType<typeof openQueue>>;
      try {
        queue = await openQueue(url, {
          supervise: true,
          maintenanceIntervalSeconds: Math.max(1, Math.round(o.maintenance / 1000)),
          applicationName: 'kronik worker',
          asyncCommit: true,
        });
      } catch (e) {
        await store.close();
        throw e;
      }
      const fetcher = politeFetcherFromOptions(o, store);
      const t0 = Date.now();
      const worker = startWorker(store, queue, {
        concurrency: o.concurrency,
        batchSize: o.batch,
        exitWhenIdle: Boolean(o.exitWhenIdle),
        pollMs: o.poll,
        fetchPage: fetcher.fetchPage,
        onJob: (e) => {
          const line = jobLine(e);
          if (line) process.stderr.write(`kronik: ${line}\n`);
        },
        onError: (e) => process.stderr.write(`kronik: worker: ${e.message} (trying again)\n`),
      });
      let signals = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        signals++;
        if (signals > 1) process.exit(130);
        process.stderr.write(`kronik: ${sig}: finishing the jobs in hand, taking no new ones\n`);
        worker.stop();
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      process.stderr.write(`kronik: worker started (queue schema ${queue.schema}, concurrency ${o.concurrency})\n`);
      try {
        const t = await worker.done;
        const s = (Date.now() - t0) / 1000;
        process.stdout.write(
          `worker: ${t.jobs} jobs done, ${t.failed} failed tries; pages ${t.pages} ` +
            `(new ${t.new}, replaced ${t.replaced}, unchanged ${t.unchanged}), already stored ${t.skipped}; ` +
            `${(t.pages / Math.max(s, 0.001)).toFixed(1)} pages/s over ${s.toFixed(1)} s\n`,
        );
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        await queue.close();
        await store.close();
      }
    } catch (e) {
      fail(e);
    }
  });

  program
    .command('status')
    .description('the job queue: queued, active, failed and completed jobs, pages a second, latest failures')
    .option('--db <url>', DB_HELP)
    .addOption(new Option('--format <format>', 'output format (table|json)').choices(['table', 'json']).default('table'))
    .option('--failures <n>', 'show the latest n failures', nonNegativeInt, 10)
    .action(async (o: { db?: string; format: string; failures: number }) => {
      try {
        const url = assertQueueUrl(o.db ?? defaultDbUrl());
        const queue = await openQueue(url, { applicationName: 'kronik status' });
        try {
          const s = await queueStatus(queue, { failures: o.failures });
          if (o.format === 'json') {
            process.stdout.write(`${JSON.stringify(s)}\n`);
            return;
          }
          const lines = [
            `queue ${queueSchemaFor(url)}`,
            `  queued       ${s.queued}`,
            `  active       ${s.active}`,
            `  failed       ${s.failed}`,
            `  completed    ${s.completed}`,
            `  dead letter  ${s.dead_letter}`,
            `  pages/s      ${s.pages_per_second.toFixed(1)} (last minute)`,
          ];
          if (s.recent_failures.length) {
            lines.push('latest failures:');
            for (const f of s.recent_failures) {
              lines.push(
                `  ${f.at}  ${f.state === 'retry' ? 'will retry' : 'failed'} after ${f.tries} tr${f.tries === 1 ? 'y' : 'ies'}  ${f.reason}`,
              );
            }
          }
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          await queue.close();
        }
      } catch (e) {
        fail(e);
      }
    });
}
