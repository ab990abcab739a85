// Merging under concurrency: two writers (two connection pools, as two workers have) store two
// articles of one real-world event at the same moment, and the chronicle still has one event with
// two mentions. Each ingest holds its transaction open before COMMIT, so without the per-block lock
// both would merge their own mention alone and commit two events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestDocument } from '../../src/store/ingest.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { describeOnPostgres } from './backends.ts';
import { makeDoc } from './fixtures.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Two reports of one summit (round i gets its own pair of countries and day). */
function reports(i: number) {
  const date = `2024-05-${String(10 + i).padStart(2, '0')}`;
  const src = ['IDN', 'JPN', 'KOR', 'AUS'][i % 4]!;
  const tgt = ['VNM', 'PHL', 'MYS', 'THA'][i % 4]!;
  return [
    makeDoc({
      doc: `wire-a-${i}.txt`,
      published: `${date}T10:00:00+07:00`,
      outlet: 'Wire A',
      events: [{ type: 'CONSULT', src, tgt, date, place: 'Hanoi', text: `The two leaders met in Hanoi on ${date} (report A ${i}).` }],
    }),
    makeDoc({
      doc: `wire-b-${i}.txt`,
      published: `${date}T11:00:00+07:00`,
      outlet: 'Wire B',
      events: [
        { type: 'CONSULT', src: tgt, tgt: src, date, place: 'Hanoi', text: `Leaders held talks in Hanoi on ${date} (report B ${i}).` },
      ],
    }),
  ];
}

await describeOnPostgres('merging under concurrency', (pg) => {
  test('two writers storing two articles of one event at the same moment give one event with two mentions', async () => {
    const url = await pg().freshUrl();
    const stores: Store[] = [await openStore(url), await openStore(url)];
    try {
      const rounds = 4;
      for (let i = 0; i < rounds; i++) {
        const [a, b] = reports(i);
        // Both transactions have stored their mention and merged before either commits.
        const hold = { beforeCommit: () => sleep(250) };
        const results = await Promise.all([ingestDocument(stores[0]!, a!, hold), ingestDocument(stores[1]!, b!, hold)]);
        assert.deepEqual(results.map((r) => r.status).sort(), ['new', 'new']);
      }
      const db = stores[0]!.db;
      const events = await db.selectFrom('events').select(['id', 'n_mentions', 'n_articles', 'dyad']).orderBy('dyad').execute();
      assert.equal(events.length, rounds, JSON.stringify(events));
      for (const e of events) assert.deepEqual([e.n_mentions, e.n_articles], [2, 2], JSON.stringify(e));
      const mentions = await db.selectFrom('mentions').select(['event_id']).execute();
      assert.equal(mentions.length, rounds * 2);
      const ids = new Set(events.map((e) => e.id));
      for (const m of mentions) assert.ok(m.event_id && ids.has(m.event_id), `mention points at ${m.event_id}`);
    } finally {
      for (const s of stores) await s.close();
    }
  });
});
