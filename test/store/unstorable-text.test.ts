// Text PostgreSQL refuses (NUL, lone surrogate halves) in a page must not lose that page or stop the run:
// it is made storable, the same way on both backends.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestDocument, ingestDocuments } from '../../src/store/ingest.ts';
import { openStore } from '../../src/store/store.ts';
import { kronik } from '../helpers/cli.ts';
import { describeOnBothBackends } from './backends.ts';
import { makeDoc } from './fixtures.ts';

const REFUSED = /\u0000|[\uD800-\uDFFF]/;

/** A JSONL file (in the folder `tmp`) whose records hold NUL (in the text, the title, the URL) and a lone surrogate. */
function badJsonl(tmp: string): string {
  const records = [
    { url: 'https://news.example/nul-text', text: 'Indonesia accused\u0000 Malaysia of violating its airspace on Monday.' },
    {
      url: 'https://news.example/nul-title',
      title: 'Talks\u0000 in Hanoi',
      text: 'The foreign minister of Japan met the foreign minister of Vietnam in Hanoi on Tuesday.',
    },
    { url: 'https://news.example/nul\u0000-url', text: 'Chile and Peru signed a fisheries agreement in Lima on Wednesday.' },
    { url: 'https://news.example/lone-surrogate', text: 'Kenya \uD800 protested to Uganda over a border post on Thursday.' },
    { url: 'https://news.example/clean', text: 'Norway sent flood relief to Bangladesh on Friday.' },
  ];
  const path = join(tmp, 'bad.jsonl');
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

await describeOnBothBackends('text the database refuses', (backend) => {
  test('ingest stores every record of a JSONL file with NUL and lone surrogates, without them', async () => {
    const url = await backend().freshUrl();
    const tmp = mkdtempSync(join(tmpdir(), 'kronik-unstorable-'));
    const r = kronik(['ingest', badJsonl(tmp), '--db', url]);
    rmSync(tmp, { recursive: true, force: true });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /pages read 5, skipped 0 \(unchanged\), failed 0/);
    const store = await openStore(url);
    try {
      const docs = await store.db.selectFrom('documents').select(['doc', 'title', 'body']).orderBy('doc').execute();
      assert.deepEqual(
        docs.map((d) => d.doc),
        [
          'https://news.example/clean',
          'https://news.example/lone-surrogate',
          'https://news.example/nul-text',
          'https://news.example/nul-title',
          'https://news.example/nul-url',
        ],
      );
      for (const d of docs) assert.doesNotMatch(`${d.doc} ${d.title} ${d.body}`, REFUSED);
      assert.equal(docs.find((d) => d.doc.endsWith('nul-title'))?.title, 'Talks in Hanoi');
      assert.match(docs.find((d) => d.doc.endsWith('nul-text'))!.body, /^Indonesia accused Malaysia/);
      // The page with NUL is coded as if it had none.
      const accuse = await store.db.selectFrom('mentions').select(['evidence_text']).where('type', '=', 'ACCUSE').execute();
      assert.deepEqual(
        accuse.map((m) => m.evidence_text),
        ['Indonesia accused Malaysia of violating its airspace on Monday.'],
      );
    } finally {
      await store.close();
    }
  });

  test('a document given to the API with NUL is stored with U+FFFD in its place, evidence offsets intact', async () => {
    const store = await backend().fresh();
    try {
      const one = makeDoc({
        doc: 'api-nul\u0000-one.txt',
        title: 'Border\u0000 row',
        events: [{ type: 'ACCUSE', src: 'IDN', tgt: 'MYS', text: 'Indonesia\u0000 accused Malaysia of spying.' }],
      });
      const two = makeDoc({
        doc: 'api-nul-two.txt',
        lead: 'Lead \u0000 paragraph \uDC00.',
        events: [{ type: 'AGREE', src: 'CHL', tgt: 'PER', text: 'Chile and Peru\u0000 agreed on fishing quotas.' }],
      });
      const three = makeDoc({
        doc: 'api-nul-three.txt',
        events: [{ type: 'AID', src: 'NOR', tgt: 'BGD', text: 'Norway sent\u0000 aid to Bangladesh.' }],
      });
      assert.equal((await ingestDocument(store, one)).status, 'new');
      const batch = await ingestDocuments(store, [two, three]);
      assert.deepEqual(
        batch.map((b) => b.status),
        ['new', 'new'],
      );
      // Stored again unchanged: found under its storable name.
      assert.equal((await ingestDocument(store, one)).status, 'unchanged');

      const docs = await store.db.selectFrom('documents').select(['id', 'doc', 'title', 'body']).orderBy('doc').execute();
      assert.deepEqual(
        docs.map((d) => d.doc),
        ['api-nul-three.txt', 'api-nul-two.txt', 'api-nul\uFFFD-one.txt'],
      );
      assert.equal(docs[2]!.title, 'Border\uFFFD row');
      assert.ok(docs[1]!.body.startsWith('Lead \uFFFD paragraph \uFFFD.\n\n'), docs[1]!.body);
      const mentions = await store.db
        .selectFrom('mentions')
        .select(['document_id', 'evidence_text', 'evidence_start', 'evidence_end'])
        .execute();
      assert.equal(mentions.length, 3);
      for (const m of mentions) {
        const body = docs.find((d) => Number(d.id) === Number(m.document_id))!.body;
        assert.doesNotMatch(m.evidence_text, REFUSED);
        assert.equal(body.slice(m.evidence_start, m.evidence_end), m.evidence_text);
      }
    } finally {
      await store.close();
    }
  });
});
