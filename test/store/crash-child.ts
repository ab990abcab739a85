// Child process of crash.test.ts: ingests crashDoc(0..N-1) one per transaction, slowly,
// printing "<i> <status>" after each commit.
// Usage: node --import tsx test/store/crash-child.ts DB_URL N DELAY_MS
import { ingestDocument } from '../../src/store/ingest.ts';
import { openStore } from '../../src/store/store.ts';
import { crashDoc } from './fixtures.ts';

const [url, n = '20', delay = '0'] = process.argv.slice(2);
if (!url) throw new Error('usage: crash-child.ts DB_URL N DELAY_MS');
const store = await openStore(url);
const ms = Number(delay);
const sleep = () => new Promise<void>((r) => setTimeout(r, ms));
for (let i = 0; i < Number(n); i++) {
  const r = await ingestDocument(store, crashDoc(i), ms > 0 ? { beforeCommit: sleep } : {});
  process.stdout.write(`${i} ${r.status}\n`);
}
await store.close();
process.stdout.write('done\n');
