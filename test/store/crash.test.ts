// kill -9 in the middle of an ingest, run it again: every document is stored exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportToString } from '../../src/store/export.ts';
import { ingestDocument } from '../../src/store/ingest.ts';
import { openStore } from '../../src/store/store.ts';
import { type Backend, describeOnBothBackends } from './backends.ts';
import { crashDoc } from './fixtures.ts';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');
const N = 30;

interface Run {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child; when `killAfter` is set, SIGKILLs it once that many commits were reported. */
function runChild(url: string, delayMs: number, killAfter?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(N), String(delayMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buf = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (killAfter !== undefined && lines.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ lines, code, signal, stderr }));
  });
}

function crashSuite(getBackend: () => Backend) {
  test('kill -9 mid-run, then the same run again: every document exactly once', async () => {
    const backend = getBackend();
    const url = await backend.freshUrl();

    const first = await runChild(url, 40, 8);
    assert.equal(first.signal, 'SIGKILL', `child was not killed: ${first.stderr}`);
    const committed = first.lines.length;
    assert.ok(committed >= 8 && committed < N, `killed after ${committed} commits`);

    const second = await runChild(url, 0);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.lines.at(-1), 'done');
    const statuses = second.lines.slice(0, -1).map((l) => l.split(' ')[1]);
    assert.equal(statuses.length, N);
    const unchanged = statuses.filter((s) => s === 'unchanged').length;
    // A commit can land just before the kill without its line being printed.
    assert.ok(unchanged === committed || unchanged === committed + 1, `unchanged ${unchanged}, committed ${committed}`);
    assert.deepEqual(statuses, [...Array(unchanged).fill('unchanged'), ...Array(N - unchanged).fill('new')]);

    const store = await openStore(url);
    const clean = await backend.fresh();
    try {
      const perDoc = await store.db
        .selectFrom('documents as d')
        .leftJoin('mentions as m', 'm.document_id', 'd.id')
        .select((eb) => ['d.doc', eb.fn.count('m.id').as('n')])
        .groupBy('d.doc')
        .orderBy('d.doc')
        .execute();
      assert.equal(perDoc.length, N);
      assert.ok(perDoc.every((r) => Number(r.n) === 2));
      const orphans = await store.db
        .selectFrom('mentions')
        .select('mentions.id')
        .where((eb) =>
          eb.or([eb('mentions.event_id', 'is', null), eb('mentions.event_id', 'not in', eb.selectFrom('events').select('events.id'))]),
        )
        .execute();
      assert.deepEqual(orphans, []);

      for (let i = 0; i < N; i++) await ingestDocument(clean, crashDoc(i));
      assert.equal(await exportToString(store, 'jsonl'), await exportToString(clean, 'jsonl'));
    } finally {
      await store.close();
      await clean.close();
    }
  });
}

await describeOnBothBackends('crash safety', crashSuite);
