// The job queue on PostgreSQL: enqueue, workers killed and replaced, SIGTERM, failures and the dead-letter list.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { processPaths } from '../../src/pipeline.ts';
import { openQueue, PAGES_QUEUE, type Queue } from '../../src/queue/boss.ts';
import { enqueueInputs } from '../../src/queue/enqueue.ts';
import { parseJob } from '../../src/queue/jobs.ts';
import { queueStatus } from '../../src/queue/status.ts';
import { startWorker } from '../../src/queue/worker.ts';
import { exportToString } from '../../src/store/export.ts';
import { ingestDocument } from '../../src/store/ingest.ts';
import { openStore } from '../../src/store/store.ts';
import { kronik, ROOT } from '../helpers/cli.ts';
import { type Backend, describeOnPostgres } from '../store/backends.ts';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'worker-child.ts');
const DEMO = [join(ROOT, 'corpus/demo/en')];

const tmp = mkdtempSync(join(tmpdir(), 'kronik-queue-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves once a line matching `re` has been printed `n` times. */
  waitFor(re: RegExp, n?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function worker(url: string, commitDelayMs: number): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(commitDelayMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buf = '';
  let stderr = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of [...waiters]) w();
  });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const waitFor = (re: RegExp, n = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.filter((l) => re.test(l)).length >= n) {
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        }
      };
      waiters.push(check);
      void exited.then((x) => reject(new Error(`worker exited (${x.code ?? x.signal}) before ${re}: ${x.stderr}`)));
      check();
    });
  return { proc, lines, waitFor, exited };
}

/** The chronicle one `ingest` of the same inputs gives. */
async function ingestedOnce(backend: Backend, inputs: string[]): Promise<string> {
  const store = await openStore(await backend.freshUrl());
  try {
    for await (const item of processPaths(inputs)) if ('document' in item) await ingestDocument(store, item.document);
    return await exportToString(store, 'jsonl');
  } finally {
    await store.close();
  }
}

async function withQueue<T>(url: string, fn: (q: Queue) => Promise<T>): Promise<T> {
  const q = await openQueue(url);
  try {
    return await fn(q);
  } finally {
    await q.close();
  }
}

await describeOnPostgres('job queue', (pg) => {
  test('enqueue: one job per file, containers cut into bounded jobs, the same input twice adds nothing', async () => {
    const url = await pg().freshUrl();
    const jsonl = join(tmp, 'batch.jsonl');
    const records = Array.from({ length: 7 }, (_, i) =>
      JSON.stringify({ url: `https://news.example/a${i}`, text: `Minister ${i} met his counterpart in Jakarta on Monday.` }),
    );
    writeFileSync(jsonl, `${records.join('\n')}\n{broken\n`);
    const text = join(tmp, 'page.txt');
    writeFileSync(text, 'The foreign minister visited Seoul on 3 March 2024.\n');
    await withQueue(url, async (q) => {
      const errors: string[] = [];
      const first = await enqueueInputs(q, [jsonl, text, 'https://news.example/page'], {
        limits: { maxPages: 3, maxBytes: 1 << 20 },
        onError: (input, error) => errors.push(`${input}: ${error}`),
      });
      // 7 records in jobs of 3, 3 and 1; the text file; the URL. The broken line is reported, not queued.
      assert.deepEqual(first, { jobs: 5, alreadyQueued: 0, pages: 9, failed: 1 });
      assert.equal(errors.length, 1);
      assert.match(errors[0]!, /batch\.jsonl:8: not a JSON object/);
      const again = await enqueueInputs(q, [jsonl, text, 'https://news.example/page'], { limits: { maxPages: 3, maxBytes: 1 << 20 } });
      assert.deepEqual(again, { jobs: 0, alreadyQueued: 5, pages: 0, failed: 1 });

      const rows = await q.query<{ data: unknown }>(`SELECT data FROM "${q.schema}".job WHERE name = $1`, [PAGES_QUEUE]);
      const jobs = rows.map((r) => parseJob(r.data));
      const sizes = jobs.map((j) => ('pages' in j ? j.pages.length : 0)).sort();
      assert.deepEqual(sizes, [0, 1, 1, 3, 3]);
      assert.ok(jobs.some((j) => 'url' in j && j.url === 'https://news.example/page'));
      const s = await queueStatus(q);
      assert.equal(s.queued, 5);
      assert.equal(s.active, 0);
    });
  });

  test('workers, one killed with SIGKILL mid-job and replaced, give exactly the chronicle one ingest gives', async () => {
    const url = await pg().freshUrl();
    const expected = await ingestedOnce(pg(), DEMO);
    await withQueue(url, async (q) => {
      const r = await enqueueInputs(q, DEMO, { retry: { retries: 3, retryDelaySeconds: 1, jobTimeoutSeconds: 5 } });
      assert.ok(r.jobs >= 15, `only ${r.jobs} jobs`);
    });
    const doomed = worker(url, 100);
    const steady = worker(url, 100);
    // Killed while waiting inside an ingest transaction: that job is in hand and uncommitted.
    await doomed.waitFor(/^commit$/, 3);
    doomed.proc.kill('SIGKILL');
    const killed = await doomed.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const replacement = worker(url, 0);
    const [a, b] = await Promise.all([steady.exited, replacement.exited]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.ok(
      steady.lines.some((l) => l.startsWith('completed')),
      'the steady worker did some of the work',
    );

    await withQueue(url, async (q) => {
      const s = await queueStatus(q);
      assert.equal(s.queued, 0);
      assert.equal(s.active, 0);
      assert.equal(s.failed, 0);
      // The killed worker's job expired and was tried again (and its retry completed). On a loaded
      // machine a slow job may also outlive the timeout and run twice, which changes nothing.
      const retried = await q.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${q.schema}".job WHERE name = $1 AND state = 'completed' AND retry_count > 0`,
        [PAGES_QUEUE],
      );
      assert.ok(Number(retried[0]?.n) >= 1);
    });
    const store = await openStore(url);
    try {
      assert.equal(await exportToString(store, 'jsonl'), expected);
    } finally {
      await store.close();
    }
  });

  test('SIGTERM: the job in hand is finished and completed, no new job is taken', async () => {
    const url = await pg().freshUrl();
    await withQueue(url, (q) => enqueueInputs(q, DEMO));
    const w = worker(url, 300);
    await w.waitFor(/^commit$/);
    w.proc.kill('SIGTERM');
    const x = await w.exited;
    assert.equal(x.code, 0, x.stderr);
    const done = w.lines.find((l) => l.startsWith('done '));
    assert.ok(done, w.lines.join('\n'));
    const totals = JSON.parse(done.slice(5));
    assert.equal(totals.jobs, 1);
    await withQueue(url, async (q) => {
      const s = await queueStatus(q);
      assert.equal(s.active, 0);
      assert.equal(s.completed, 1);
      assert.ok(s.queued > 0);
    });
  });

  test('a page that cannot be coded fails its job once, with the reason, onto the dead-letter list', async () => {
    const url = await pg().freshUrl();
    const bad = join(tmp, 'empty-article.html');
    writeFileSync(bad, '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    const good = join(tmp, 'good.txt');
    writeFileSync(good, 'JAKARTA — Indonesia and Japan signed a maritime cooperation agreement on 4 May 2024.\n');
    const store = await openStore(url);
    try {
      await withQueue(url, async (q) => {
        await enqueueInputs(q, [bad, good], { retry: { retries: 3, retryDelaySeconds: 1, jobTimeoutSeconds: 60 } });
        const w = startWorker(store, q, { exitWhenIdle: true, pollMs: 100 });
        const totals = await w.done;
        assert.equal(totals.jobs, 1);
        assert.equal(totals.failed, 1);
        const s = await queueStatus(q);
        assert.deepEqual(
          { queued: s.queued, active: s.active, failed: s.failed, completed: s.completed, dead: s.dead_letter },
          {
            queued: 0,
            active: 0,
            failed: 1,
            completed: 1,
            dead: 1,
          },
        );
        assert.equal(s.recent_failures.length, 1);
        assert.equal(s.recent_failures[0]!.tries, 1, 'bad input is not retried');
        assert.match(s.recent_failures[0]!.reason, /empty-article\.html: no article text found/);
      });
      const r = kronik(['status', '--db', url]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /failed\s+1/);
      assert.match(r.stdout, /empty-article\.html: no article text found/);
      const j = kronik(['status', '--db', url, '--format', 'json']);
      const parsed = JSON.parse(j.stdout);
      assert.equal(parsed.queued, 0);
      assert.equal(parsed.failed, 1);
    } finally {
      await store.close();
    }
  });

  test('the queue commands refuse SQLite with a clear error', () => {
    const r = kronik(['worker', '--db', join(tmp, 'x.db')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /the job queue needs PostgreSQL/);
  });
});
