// End to end on pages we wrote: a visit announced in one outlet and reported by another becomes one
// occurred event with both mentions, whatever the order of ingestion.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { processPaths } from '../../src/pipeline.ts';
import { getEvent, ingestDocument, openStore, queryEvents } from '../../src/store/index.ts';
import { ROOT } from '../helpers/cli.ts';

const planned = join(ROOT, 'corpus/demo/id/id-008-biden-akan-kunjungi-seoul.txt');
const occurred = join(ROOT, 'corpus/demo/id/id-009-biden-yoon-ktt-seoul.txt');

async function chronicle(paths: string[]) {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'kronik-pipe-')), 'k.db'));
  for await (const item of processPaths(paths)) {
    assert.ok('document' in item, 'error' in item ? item.error : '');
    await ingestDocument(store, item.document);
  }
  return store;
}

for (const order of [
  [planned, occurred],
  [occurred, planned],
]) {
  test(`a planned visit and the report that it happened merge into one occurred event (${order.map((p) => p.slice(-12)).join(' then ')})`, async () => {
    const store = await chronicle(order);
    try {
      const visits = await queryEvents(store, {
        dyad: 'USA:KOR',
        directed: true,
        type: 'CONSULT',
        mode: 'visit',
        from: '2022-05-18',
        to: '2022-05-24',
      });
      assert.equal(visits.length, 1, JSON.stringify(visits.map((v) => [v.date, v.status])));
      const ev = await getEvent(store, visits[0].id);
      assert.ok(ev);
      assert.equal(ev.status, 'occurred');
      const docs = new Set(ev.mentions.map((m) => m.doc));
      assert.equal(docs.size, 2);
      assert.ok(ev.mentions.some((m) => m.modality === 'planned'));
      assert.ok(ev.mentions.some((m) => m.modality === 'occurred'));
    } finally {
      await store.close();
    }
  });
}
