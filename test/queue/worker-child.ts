// Child process of workers.test.ts: a worker (the same startWorker as `kronik worker`) whose every
// ingest waits COMMIT_DELAY_MS inside its transaction, printing "commit <doc>" as it starts waiting,
// so the test can kill it (SIGKILL) or stop it (SIGTERM) with a job surely in hand. BATCH_SIZE jobs are
// taken a round trip (default: the worker's), their pages stored in one transaction.
// Usage: node --import tsx test/queue/worker-child.ts DB_URL COMMIT_DELAY_MS [BATCH_SIZE]
import { openQueue } from '../../src/queue/boss.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { openStore } from '../../src/store/store.ts';

const [url, delay = '0', batch] = process.argv.slice(2);
if (!url) throw new Error('usage: worker-child.ts DB_URL COMMIT_DELAY_MS [BATCH_SIZE]');
const store = await openStore(url, { poolSize: 3 });
const queue = await openQueue(url, { supervise: true, maintenanceIntervalSeconds: 1 });
const ms = Number(delay);
const worker = startWorker(store, queue, {
  exitWhenIdle: true,
  pollMs: 200,
  ...(batch ? { batchSize: Number(batch) } : {}),
  ingest: {
    beforeCommit: async () => {
      process.stdout.write('commit\n');
      await new Promise((r) => setTimeout(r, ms));
    },
  },
  onJob: (e) => process.stdout.write(`${e.ok ? 'completed' : 'failed'} ${e.id}\n`),
  onError: (e) => process.stderr.write(`worker error: ${e.message}\n`),
});
process.on('SIGTERM', () => worker.stop());
process.stdout.write('started\n');
const totals = await worker.done;
await queue.close();
await store.close();
process.stdout.write(`done ${JSON.stringify(totals)}\n`);
