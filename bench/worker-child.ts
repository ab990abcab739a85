// A worker process of the workers benchmark (bench/workers.ts): opens the store and the queue, warms up
// (lexicons loaded and compiled, the JIT warmed, by coding every fourth page of the queued jobs, as the
// single-process ingest it is compared with has coded them all before it is timed), prints "ready",
// waits for "go" on stdin, works until the queue is empty, prints "done <totals JSON with the CPU
// seconds it used>".
// Usage: node --import tsx bench/worker-child.ts DB_URL
import { processRaw } from '../src/pipeline.ts';
import { openQueue, PAGES_QUEUE } from '../src/queue/boss.ts';
import { parseJob } from '../src/queue/jobs.ts';
import { startWorker } from '../src/queue/worker.ts';
import { openStore } from '../src/store/store.ts';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: worker-child.ts DB_URL');
const store = await openStore(url, { poolSize: 2, migrate: false });
const queue = await openQueue(url, { applicationName: 'kronik bench worker' });
const rows = await queue.query<{ data: unknown }>(`SELECT data FROM "${queue.schema}".job WHERE name = $1 ORDER BY id`, [PAGES_QUEUE]);
rows.forEach((r, i) => {
  const job = parseJob(r.data);
  if (i % 4 === 0 && 'pages' in job) for (const p of job.pages) processRaw(p);
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy(); // an open stdin would keep the process alive after the work
const cpu0 = process.cpuUsage();
const worker = startWorker(store, queue, { exitWhenIdle: true, pollMs: 20 });
const totals = await worker.done;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`done ${JSON.stringify({ ...totals, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
await queue.close();
await store.close();
