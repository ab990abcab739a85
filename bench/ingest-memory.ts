// Ingests many synthetic pages into a fresh SQLite store and prints pages/s and the process's memory
// every 10,000 pages, to check that a long ingest does not grow in memory.
//   tsx bench/ingest-memory.ts [--pages 100000] [--db /tmp/kronik-mem.db]
import { rmSync } from 'node:fs';
import { ingestDocument, openStore } from '../src/store/index.ts';
import { syntheticDocument } from './store.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const pages = Number(arg('--pages', '100000'));
const db = arg('--db', '/tmp/kronik-mem.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

const store = await openStore(db);
const t0 = performance.now();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
for (let i = 0; i < pages; i++) {
  await ingestDocument(store, syntheticDocument(i));
  if ((i + 1) % 10000 === 0) {
    const m = process.memoryUsage();
    const s = (performance.now() - t0) / 1000;
    console.log(`${i + 1} pages, ${((i + 1) / s).toFixed(0)} pages/s, rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`);
  }
}
await store.close();
