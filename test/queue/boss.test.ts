// The queue's connections: a worker's commit without waiting for the disk, enqueue's with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openQueue } from '../../src/queue/boss.ts';
import { describeOnPostgres } from '../store/backends.ts';

await describeOnPostgres('queue connections', (pg) => {
  test('asyncCommit (workers) turns synchronous_commit off on the queue connections only; other options in the URL are kept', async () => {
    const url = new URL(await pg().freshUrl());
    url.searchParams.set('options', '-c statement_timeout=12345');
    const setting = async (asyncCommit: boolean) => {
      const q = await openQueue(url.toString(), { asyncCommit });
      try {
        const [row] = await q.query<{ sc: string; st: string }>(
          "SELECT current_setting('synchronous_commit') AS sc, current_setting('statement_timeout') AS st",
        );
        return row;
      } finally {
        await q.close();
      }
    };
    assert.deepEqual(await setting(true), { sc: 'off', st: '12345ms' });
    assert.deepEqual(await setting(false), { sc: 'on', st: '12345ms' });
  });
});
