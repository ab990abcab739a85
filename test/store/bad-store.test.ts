// Stores and servers that once failed or misled (issue #10): a query with no word, a read-only store,
// a store that does not exist, an unreachable PostgreSQL, schemas migrated while others are dropped,
// pairs with a missing side, a port already taken, and the ingest summary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createApp } from '../../src/server/app.ts';
import { startServer } from '../../src/server/serve.ts';
import { addToTotals, ingestDocument, listDyads, noTotals, openStore } from '../../src/store/index.ts';
import { kronik, ROOT } from '../helpers/cli.ts';
import { fixtureDocs, fixtureStore, type TempStore } from '../server/fixtures.ts';
import { PG_URL, postgresBackend } from './backends.ts';
import { makeDoc } from './fixtures.ts';

let tmp: TempStore;
const dir = mkdtempSync(join(tmpdir(), 'kronik-bad-store-'));
before(async () => {
  tmp = await fixtureStore();
});
after(async () => {
  await tmp.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

test('a text query with no letter or digit finds nothing, and is no server error', async () => {
  const app = createApp(tmp.store);
  for (const q of ['*', '%', '"', '--', '* *']) {
    const res = await app.request(`/api/events?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
    const body = (await res.json()) as { events: unknown[] };
    assert.deepEqual(body.events, [], q);
  }
});

test('reading commands name a store that does not exist and create nothing', () => {
  const missing = join(dir, 'nowhere', 'chronicle.db');
  for (const args of [['events'], ['search', 'talks'], ['export'], ['dyads'], ['actors']]) {
    const r = kronik([...args, '--db', missing]);
    assert.equal(r.status, 1, args[0]);
    assert.match(r.stderr, new RegExp(`no store at ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), args[0]);
  }
  assert.equal(existsSync(join(dir, 'nowhere')), false, 'no folder made');
});

test('an unreachable PostgreSQL is named, not reported as a failed migration', () => {
  const r = kronik(['events', '--db', 'postgres://kronik:secret@127.0.0.1:1/none']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot connect to PostgreSQL at postgres:\/\/kronik:\*\*\*@127\.0\.0\.1:1\/none/);
  assert.doesNotMatch(r.stderr, /migration|secret/);
});

test('a store in a file its reader may not write is read; reading never migrates', async (t) => {
  // A shared file: the database is read-only to the user who reads it (as root, "nobody" reads it).
  const shared = join(dir, 'shared');
  mkdirSync(shared);
  const path = join(shared, 'chronicle.db');
  const s = await openStore(path);
  for (const d of fixtureDocs()) await ingestDocument(s, d);
  await s.close();
  chmodSync(path, 0o444);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    chownSync(shared, 65534, 65534);
  }
  if (process.platform === 'win32') {
    t.skip('no file modes on Windows');
    return;
  }
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: shared } } : {}),
    });
  for (const args of [['events'], ['search', 'talks'], ['export', '--format', 'csv'], ['dyads']]) {
    const r = run([...args, '--db', path]);
    assert.equal(r.status, 0, `${args[0]}: ${r.stderr}`);
    assert.ok(r.stdout.length > 20, args[0]);
  }
  // The library: a store opened read-only cannot be written.
  const ro = await openStore(path, { readonly: true });
  try {
    await assert.rejects(ro.db.deleteFrom('events').execute(), /readonly/);
  } finally {
    await ro.close();
  }
  // A store from an older kronik is not migrated by a reader: it says so.
  const old = join(dir, 'old.db');
  const o = await openStore(old);
  await o.sqlite?.exec("DELETE FROM kysely_migration WHERE name = '0004_watch'");
  await o.close();
  const r = kronik(['events', '--db', old]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /written by an older kronik \(missing 0004_watch\); run kronik ingest on it once/);
});

test('dyads lists pairs of two countries only: an event with a missing side forms no pair', async () => {
  const s = await openStore(join(dir, 'dyads.db'));
  try {
    await ingestDocument(
      s,
      makeDoc({
        doc: 'sides',
        published: '2024-03-01T10:00:00+07:00',
        events: [
          { type: 'CONSULT', src: 'USA', tgt: 'KOR', date: '2024-03-01', text: 'The US and Korea held talks.' },
          { type: 'PROTEST', src: null, tgt: 'USA', date: '2024-03-01', text: 'Protesters denounced the US.' },
        ],
      }),
    );
    assert.deepEqual(
      (await listDyads(s)).map((d) => d.dyad),
      ['KOR:USA'],
    );
  } finally {
    await s.close();
  }
});

test('the ingest totals add up: every event extracted is new or merged', async () => {
  const s = await openStore(join(dir, 'totals.db'));
  try {
    const same = { type: 'CONSULT' as const, src: 'USA', tgt: 'KOR', date: '2024-03-01' };
    const r = await ingestDocument(
      s,
      makeDoc({
        doc: 'twice',
        published: '2024-03-01T10:00:00+07:00',
        events: [
          { ...same, text: 'The US and Korea held talks.' },
          { ...same, text: 'Officials of both met in Seoul.' },
        ],
      }),
    );
    assert.equal(r.eventsExtracted, 2);
    assert.equal(r.eventsNew, 1, 'the two reports of one meeting are one event');
    const totals = noTotals();
    addToTotals(totals, r);
    assert.deepEqual([totals.extracted, totals.eventsNew, totals.merged], [2, 1, 1]);
  } finally {
    await s.close();
  }
});

test('a port already taken is one clear line saying how to choose another', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    await assert.rejects(
      startServer({ db: tmp.path, port, host: '127.0.0.1' }),
      new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken .*--port ${port + 1} \\(npm start -- --port ${port + 1}\\)`),
    );
    const r = kronik(['serve', '--db', tmp.path, '--port', String(port)]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^kronik: port \d+ on 127\.0\.0\.1 is taken/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    blocker.close();
  }
});

test('PostgreSQL: stores migrate while other schemas are dropped, and one schema opened at once by several', async (t) => {
  const backend = await postgresBackend().catch(() => null);
  if (!backend) {
    t.skip(`PostgreSQL unreachable at ${PG_URL}`);
    return;
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const victims: string[] = [];
  try {
    for (let round = 0; round < 3; round++) {
      const drop: string[] = [];
      for (let i = 0; i < 30; i++) {
        const v = (await backend.freshUrl()).replace(/.*schema=/, '');
        drop.push(v);
        victims.push(v);
        await admin.query(`CREATE SCHEMA "${v}"; CREATE TABLE "${v}".t (id serial PRIMARY KEY, x text)`);
      }
      const dropping = (async () => {
        for (const v of drop) await admin.query(`DROP SCHEMA "${v}" CASCADE`);
      })();
      const one = await backend.freshUrl();
      const opening: Promise<void>[] = [
        ...Array.from({ length: 3 }, async () => (await openStore(await backend.freshUrl())).close()),
        ...Array.from({ length: 3 }, async () => (await openStore(one)).close()),
      ];
      const results: PromiseSettledResult<void>[] = await Promise.allSettled([dropping, ...opening]);
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => String(r.reason));
      assert.deepEqual(failed, [], `round ${round}`);
    }
  } finally {
    for (const v of victims) await admin.query(`DROP SCHEMA IF EXISTS "${v}" CASCADE`);
    await admin.end();
    await backend.cleanup();
  }
});
