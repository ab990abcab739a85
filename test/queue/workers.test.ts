// The job queue on PostgreSQL: enqueue, workers killed and replaced, SIGTERM, failures and the dead-letter list.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
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

function worker(url: string, commitDelayMs: number, batchSize?: number): Child {
  const args = [CHILD, url, String(commitDelayMs), ...(batchSize ? [String(batchSize)] : [])];
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

  test('records with NUL and lone surrogates are queued and coded like the others; a job the database refuses is named, the rest queued', async () => {
    const url = await pg().freshUrl();
    const dir = mkdtempSync(join(tmp, 'nul-'));
    const jsonl = join(dir, 'nul.jsonl');
    const records = [
      { url: 'https://news.example/n1', text: 'Indonesia accused\u0000 Malaysia of violating its airspace on Monday.' },
      {
        url: 'https://news.example/n2',
        title: 'Talks\u0000 in Hanoi',
        text: 'The foreign minister of Japan met the foreign minister of Vietnam in Hanoi on Tuesday.',
      },
      { url: 'https://news.example/n3', text: 'Kenya \uD800 protested to Uganda over a border post on Thursday.' },
      { url: 'https://news.example/n4', text: 'Norway sent flood relief to Bangladesh on Friday.' },
    ];
    writeFileSync(jsonl, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const expected = await ingestedOnce(pg(), [jsonl]);
    const store = await openStore(url);
    try {
      await withQueue(url, async (q) => {
        const errors: string[] = [];
        const r = await enqueueInputs(q, [jsonl], {
          limits: { maxPages: 2, maxBytes: 1 << 20 },
          onError: (i, e) => errors.push(`${i}: ${e}`),
        });
        assert.deepEqual(r, { jobs: 2, alreadyQueued: 0, pages: 4, failed: 0 });
        assert.equal(errors.length, 0, errors.join('\n'));
        const totals = await startWorker(store, q, { exitWhenIdle: true, pollMs: 100 }).done;
        assert.deepEqual([totals.jobs, totals.pages, totals.failed], [2, 4, 0]);

        // A job the database refuses for its data (here a trigger of ours) is named by its file and
        // records; the other jobs of the run are still queued.
        await q.query(
          `CREATE FUNCTION "${q.schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN IF NEW.data::text LIKE '%refuse me%' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '22000'; END IF; RETURN NEW; END $$`,
        );
        await q.query(`CREATE TRIGGER refuse BEFORE INSERT ON "${q.schema}".job FOR EACH ROW EXECUTE FUNCTION "${q.schema}".refuse()`);
        const more = join(dir, 'more.jsonl');
        writeFileSync(
          more,
          `${[
            { url: 'https://news.example/m1', text: 'Chile and Peru signed a fisheries agreement in Lima on Wednesday.' },
            { url: 'https://news.example/m2', text: 'Please refuse me.' },
            { url: 'https://news.example/m3', text: 'Egypt and Jordan held talks in Cairo on Saturday.' },
          ]
            .map((x) => JSON.stringify(x))
            .join('\n')}\n`,
        );
        const again = await enqueueInputs(q, [more], {
          limits: { maxPages: 1, maxBytes: 1 << 20 },
          onError: (i, e) => errors.push(`${i}: ${e}`),
        });
        assert.deepEqual(again, { jobs: 2, alreadyQueued: 0, pages: 2, failed: 1 });
        assert.equal(errors.length, 1);
        assert.match(errors[0]!, /more\.jsonl:2: the queue refused this job: refused by the test/);
      });
      assert.equal(await exportToString(store, 'jsonl'), expected);
    } finally {
      await store.close();
    }
  });

  test('workers, one killed with SIGKILL mid-batch and replaced, give exactly the chronicle one ingest gives', async () => {
    const url = await pg().freshUrl();
    const expected = await ingestedOnce(pg(), DEMO);
    await withQueue(url, async (q) => {
      const r = await enqueueInputs(q, DEMO, { retry: { retries: 3, retryDelaySeconds: 1, jobTimeoutSeconds: 5 } });
      assert.ok(r.jobs >= 15, `only ${r.jobs} jobs`);
    });
    // Both take 4 one-page jobs a round trip and store each batch's pages in one transaction.
    const doomed = worker(url, 100, 4);
    const steady = worker(url, 100, 4);
    // Killed while waiting inside its first batch's transaction: 4 jobs in hand, none committed.
    await doomed.waitFor(/^commit$/);
    doomed.proc.kill('SIGKILL');
    const killed = await doomed.exited;
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(!doomed.lines.some((l) => l.startsWith('completed')));
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
      // The 4 jobs of the killed worker's batch expired and were tried again (and their retries
      // completed). On a loaded machine a slow job may also outlive the timeout and run twice, which
      // changes nothing.
      const retried = await q.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${q.schema}".job WHERE name = $1 AND state = 'completed' AND retry_count > 0`,
        [PAGES_QUEUE],
      );
      assert.ok(Number(retried[0]?.n) >= 4, `${retried[0]?.n} jobs retried`);
    });
    const store = await openStore(url);
    try {
      assert.equal(await exportToString(store, 'jsonl'), expected);
    } finally {
      await store.close();
    }
  });

  test('SIGTERM: the jobs in hand are finished and completed, no new job is taken', async () => {
    const url = await pg().freshUrl();
    await withQueue(url, (q) => enqueueInputs(q, DEMO));
    const w = worker(url, 300, 3);
    await w.waitFor(/^commit$/);
    w.proc.kill('SIGTERM');
    const x = await w.exited;
    assert.equal(x.code, 0, x.stderr);
    const done = w.lines.find((l) => l.startsWith('done '));
    assert.ok(done, w.lines.join('\n'));
    const totals = JSON.parse(done.slice(5));
    assert.equal(totals.jobs, 3, 'the batch of 3 jobs in hand');
    assert.equal(totals.pages, 3);
    await withQueue(url, async (q) => {
      const s = await queueStatus(q);
      assert.equal(s.active, 0);
      assert.equal(s.completed, 3);
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

  test('a batch: its pages in one transaction; a page that cannot be coded or stored fails its own job only', async () => {
    const url = await pg().freshUrl();
    const dir = mkdtempSync(join(tmp, 'batch-'));
    const page = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const good = [
      page('a-good.txt', 'JAKARTA — Indonesia and Japan signed a fisheries agreement on 4 May 2024.\n'),
      page('b-good.txt', 'SEOUL — South Korea and Australia held defence talks on 6 May 2024.\n'),
      page('c-good.txt', 'MANILA — The Philippines protested to China over a shoal on 8 May 2024.\n'),
    ];
    const store = await openStore(url);
    try {
      await withQueue(url, async (q) => {
        const retry = { retries: 0, retryDelaySeconds: 1, jobTimeoutSeconds: 60 };
        let commits = 0;
        const ingest = { beforeCommit: async () => void commits++ };
        // Three one-page jobs taken in one round trip: one transaction stores the three pages.
        await enqueueInputs(q, good, { retry });
        let totals = await startWorker(store, q, { exitWhenIdle: true, pollMs: 100, batchSize: 10, ingest }).done;
        assert.deepEqual([totals.jobs, totals.pages, totals.new, totals.failed], [3, 3, 3, 0]);
        assert.equal(commits, 1);

        // A batch of four jobs: a page with no article text (cannot be coded), a page the database
        // refuses (a trigger of ours; the batch's transaction fails and its jobs are stored again one
        // by one) and two good pages; a-good.txt again is no new job.
        const schema = `"${store.schema}"`;
        await sql
          .raw(
            `CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN IF NEW.doc LIKE '%refused%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
             CREATE TRIGGER refuse BEFORE INSERT ON ${schema}.documents FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`,
          )
          .execute(store.db);
        commits = 0;
        const bad = page('d-empty.html', '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>');
        const refused = page('e-refused.txt', 'HANOI — Vietnam and India signed a trade pact on 9 May 2024.\n');
        const more = [
          page('f-good.txt', 'BANGKOK — Thailand and Malaysia agreed to reopen a border crossing on 10 May 2024.\n'),
          page('g-good.txt', 'TOKYO — Japan sent flood relief to Pakistan on 11 May 2024.\n'),
        ];
        const r = await enqueueInputs(q, [bad, refused, ...more, join(dir, 'a-good.txt')], { retry });
        assert.equal(r.jobs, 4, 'a-good.txt is already queued (completed)');
        totals = await startWorker(store, q, { exitWhenIdle: true, pollMs: 100, batchSize: 10, ingest }).done;
        assert.equal(totals.failed, 2);
        assert.equal(totals.jobs, 2);
        assert.equal(totals.new, 2);
        assert.equal(commits, 2, 'after the failed batch transaction, the good pages one by one');
        const s = await queueStatus(q);
        assert.deepEqual([s.queued, s.active, s.failed, s.completed, s.dead_letter], [0, 0, 2, 5, 2]);
        const reasons = s.recent_failures.map((f) => f.reason).sort();
        assert.match(reasons[0]!, /d-empty\.html: no article text found/);
        assert.match(reasons[1]!, /e-refused\.txt: cannot store: refused by the test/);
        const docs = await store.db.selectFrom('documents').select('doc').orderBy('doc').execute();
        assert.deepEqual(
          docs.map((d) => d.doc.replace(/.*\//, '')),
          ['a-good.txt', 'b-good.txt', 'c-good.txt', 'f-good.txt', 'g-good.txt'],
        );
      });
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
