// One suite, run against SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { exportToString, GDELT_COLUMNS } from '../../src/store/export.ts';
import { ingestDocument, ingestDocuments } from '../../src/store/ingest.ts';
import {
  countEvents,
  dyadSeries,
  getDocument,
  getEvent,
  listActors,
  listDyads,
  queryEvents,
  searchDocuments,
} from '../../src/store/query.ts';
import type { Store } from '../../src/store/store.ts';
import type { Document } from '../../src/types.ts';
import { type Backend, describeOnBothBackends, sqliteBackend } from './backends.ts';
import { chronicleDocs, makeDoc, occurredDoc, plannedDoc } from './fixtures.ts';

async function ingestAll(store: Store, docs: Document[]) {
  const results = [];
  for (const d of docs) results.push(await ingestDocument(store, d));
  return results;
}

async function tableCounts(store: Store) {
  const n = async (t: 'documents' | 'mentions' | 'events') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { documents: await n('documents'), mentions: await n('mentions'), events: await n('events') };
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function storeSuite(getBackend: () => Backend) {
  let store: Store;
  const backend = () => getBackend();

  before(async () => {
    store = await backend().fresh();
    await ingestAll(store, chronicleDocs());
  });
  after(async () => {
    await store?.close();
  });

  test('re-ingesting unchanged documents changes nothing', async () => {
    const s = await backend().fresh();
    try {
      const docs = chronicleDocs();
      const first = await ingestAll(s, docs);
      assert.ok(first.every((r) => r.status === 'new'));
      const counts = await tableCounts(s);
      const exported = await exportToString(s, 'jsonl');
      const again = await ingestAll(s, docs);
      assert.deepEqual(
        again.map((r) => r.status),
        docs.map(() => 'unchanged'),
      );
      assert.ok(again.every((r) => r.eventsNew === 0 && r.eventsMerged === 0));
      assert.deepEqual(await tableCounts(s), counts);
      assert.equal(await exportToString(s, 'jsonl'), exported);
    } finally {
      await s.close();
    }
  });

  test('a changed document replaces its mentions', async () => {
    const s = await backend().fresh();
    try {
      const v1 = makeDoc({
        doc: 'live-blog.txt',
        published: '2020-08-01T10:00:00Z',
        outlet: 'Antara',
        events: [
          { type: 'THREATEN', src: 'PRK', tgt: 'USA', date: '2020-08-01', text: 'Pyongyang threatened Washington.' },
          { type: 'PROTEST', src: 'KOR', tgt: 'JPN', date: '2020-08-01', text: 'Protesters marched in Seoul.' },
        ],
      });
      const other = makeDoc({
        doc: 'other.txt',
        published: '2020-08-02T10:00:00Z',
        outlet: 'Kompas.com',
        events: [{ type: 'THREATEN', src: 'PRK', tgt: 'USA', date: '2020-08-01', text: 'North Korea threatened the US.' }],
      });
      assert.equal((await ingestDocument(s, v1)).status, 'new');
      const r2 = await ingestDocument(s, other);
      assert.deepEqual(r2, { status: 'new', eventsExtracted: 1, eventsNew: 0, eventsMerged: 1 });
      assert.equal((await queryEvents(s, { type: 'THREATEN' }))[0]?.n_articles, 2);

      const v2 = makeDoc({
        doc: 'live-blog.txt',
        published: '2020-08-01T10:00:00Z',
        outlet: 'Antara',
        lead: 'Updated 12:00.',
        events: [{ type: 'AID', src: 'JPN', tgt: 'KOR', date: '2020-08-01', text: 'Japan sent flood relief to Korea.' }],
      });
      assert.notEqual(v2.content_hash, v1.content_hash);
      const r3 = await ingestDocument(s, v2);
      assert.deepEqual(r3, { status: 'replaced', eventsExtracted: 1, eventsNew: 1, eventsMerged: 0 });

      const doc = await getDocument(s, 'live-blog.txt');
      assert.equal(doc?.content_hash, v2.content_hash);
      assert.deepEqual(
        doc?.mentions.map((m) => m.type),
        ['AID'],
      );
      assert.equal((await queryEvents(s, { type: 'PROTEST' })).length, 0, 'the old PROTEST event is gone');
      const threats = await queryEvents(s, { type: 'THREATEN' });
      assert.equal(threats.length, 1);
      assert.equal(threats[0]?.n_articles, 1, 'the THREATEN event lost the replaced mention');
      assert.deepEqual(await tableCounts(s), { documents: 2, mentions: 2, events: 2 });
      assert.equal((await queryEvents(s, { text: 'Protesters' })).length, 0, 'event search index updated');
      assert.equal((await searchDocuments(s, 'Protesters')).length, 0, 'document search index updated');
      assert.equal((await searchDocuments(s, 'flood relief')).length, 1);
    } finally {
      await s.close();
    }
  });

  test('planned then occurred across two documents is one occurred event', async () => {
    for (const order of [
      [plannedDoc, occurredDoc],
      [occurredDoc, plannedDoc],
    ]) {
      const s = await backend().fresh();
      try {
        const [a, b] = await ingestAll(s, order);
        assert.deepEqual(a, { status: 'new', eventsExtracted: 1, eventsNew: 1, eventsMerged: 0 });
        assert.deepEqual(b, { status: 'new', eventsExtracted: 1, eventsNew: 0, eventsMerged: 1 });
        const events = await queryEvents(s, {});
        assert.equal(events.length, 1);
        const ev = await getEvent(s, events[0]!.id);
        assert.ok(ev);
        assert.equal(ev.status, 'occurred');
        assert.equal(ev.date, '2020-03-18');
        assert.equal(ev.mode, 'visit');
        assert.deepEqual(ev.source, { name: 'Kang Kyung-wha', country: 'KOR', sector: 'GOV' });
        assert.equal(ev.n_mentions, 2);
        assert.equal(ev.n_articles, 2);
        assert.equal(ev.n_outlets, 2);
        assert.equal(ev.first_seen, '2020-03-14T09:00:00+07:00');
        assert.equal(ev.last_seen, '2020-03-18T20:00:00+07:00');
        assert.deepEqual(
          ev.mentions.map((m) => [m.doc, m.modality, m.outlet]),
          [
            ['kompas-2020-03-14.txt', 'planned', 'Kompas.com'],
            ['antara-2020-03-18.txt', 'occurred', 'Antara'],
          ],
        );
        const m0 = ev.mentions[0]!;
        assert.equal(m0.url, 'https://news.example/kompas-2020-03-14.txt');
        assert.equal(plannedDoc.body.slice(m0.evidence.start, m0.evidence.end), m0.evidence.text);
      } finally {
        await s.close();
      }
    }
  });

  test('the chronicle does not depend on ingest order', async () => {
    const docs = chronicleDocs();
    const orders = [docs, [...docs].reverse(), shuffled(docs, 7)];
    const exports: string[] = [];
    for (const order of orders) {
      const s = await backend().fresh();
      try {
        await ingestAll(s, order);
        exports.push((await exportToString(s, 'jsonl')) + (await exportToString(s, 'csv')) + (await exportToString(s, 'gdelt')));
      } finally {
        await s.close();
      }
    }
    assert.equal(exports[1], exports[0]);
    assert.equal(exports[2], exports[0]);
  });

  test('merging: statuses, dyads and splits', async () => {
    const all = await queryEvents(store, { limit: 1000 });
    const find = (type: string, pred: (e: (typeof all)[number]) => boolean = () => true) => all.filter((e) => e.type === type && pred(e));

    const visit = find('CONSULT', (e) => e.mode === 'visit');
    assert.equal(visit.length, 1, 'the undated "visited this week" mention joins the visit');
    assert.equal(visit[0]?.n_mentions, 3);
    assert.equal(visit[0]?.status, 'occurred');

    const agree = find('AGREE');
    assert.equal(agree.length, 1, 'AGREE is symmetric: USA→KOR (March) and KOR→USA (19 March) merge');
    assert.equal(agree[0]?.date, '2020-03-19', 'the most precise date wins');

    const talks = find('CONSULT', (e) => [e.source.country, e.target.country].includes('PRK'));
    assert.equal(talks.length, 1);
    assert.equal(talks[0]?.status, 'cancelled', 'planned then cancelled → cancelled');
    assert.equal(talks[0]?.place?.name, 'Panmunjom');

    const accuse = find('ACCUSE');
    const chnUsa = accuse.filter((e) => e.source.country === 'CHN');
    assert.equal(accuse.length - chnUsa.length, 1, 'ACCUSE is directed: USA→CHN stays apart');
    assert.deepEqual(chnUsa.map((e) => [e.date, e.source.name, e.n_mentions]).sort(), [
      ['2020-05-01', 'Zhao Lijian', 3],
      ['2020-05-02', 'Hua Chunying', 1],
      ['2020-05-09', null, 1],
    ]);

    const assault = find('ASSAULT');
    assert.deepEqual(assault.map((e) => [e.place?.name, e.n_mentions]).sort(), [
      ['Donetsk', 1],
      ['Kharkiv', 2],
    ]);
  });

  test('queries: dyad, direction, dates, actor, outlet, text, paging', async () => {
    const both = await queryEvents(store, { dyad: 'USA:KOR' });
    const rev = await queryEvents(store, { dyad: 'kor:usa' });
    assert.deepEqual(both, rev);
    assert.deepEqual(both.map((e) => e.type).sort(), ['AGREE', 'CONSULT']);
    const directed = await queryEvents(store, { dyad: 'KOR:USA', directed: true, type: 'CONSULT' });
    assert.equal(directed.length, 1);
    assert.equal((await queryEvents(store, { dyad: 'USA:KOR', directed: true, type: 'CONSULT' })).length, 0);

    const may = await queryEvents(store, { from: '2020-05', to: '2020-05-08' });
    assert.deepEqual(
      may.map((e) => e.date),
      ['2020-05-01', '2020-05-02'],
    );
    const desc = await queryEvents(store, { from: '2020-05', to: '2020-05', sort: 'desc' });
    assert.equal(desc[0]?.date, '2020-05-09');

    assert.equal((await queryEvents(store, { actor: 'zhao' })).length, 1);
    assert.equal((await queryEvents(store, { actor: 'Kang' }))[0]?.mode, 'visit');
    assert.equal((await queryEvents(store, { actor: '100%' })).length, 0, 'LIKE wildcards are escaped');
    assert.deepEqual(
      (await queryEvents(store, { outlet: 'bbc' })).map((e) => e.type),
      ['ASSAULT', 'ASSAULT', 'AID'],
    );
    assert.equal((await queryEvents(store, { modality: 'cancelled' })).length, 1);
    assert.equal((await queryEvents(store, { mode: 'visit' })).length, 1);
    assert.equal((await queryEvents(store, { type: ['SANCTION', 'ASSAULT'] })).length, 3);
    assert.equal((await queryEvents(store, { country: 'PRK' })).length, 2);

    const text = await queryEvents(store, { text: 'currency swap' });
    assert.equal(text.length, 1);
    assert.equal(text[0]?.type, 'AGREE');
    assert.equal((await queryEvents(store, { text: 'menuduh' }))[0]?.source.name, 'Zhao Lijian');

    const total = await countEvents(store, {});
    const page1 = await queryEvents(store, { limit: 4 });
    const page2 = await queryEvents(store, { limit: 4, offset: 4 });
    const everything = await queryEvents(store, { limit: 1000 });
    assert.equal(everything.length, total);
    assert.deepEqual([...page1, ...page2], everything.slice(0, 8));
    assert.equal(everything.at(-1)?.date, null, 'undated events sort last');
  });

  test('a document that fails mid-transaction leaves nothing behind', async () => {
    const s = await backend().fresh();
    try {
      await ingestDocument(s, plannedDoc);
      const before = await tableCounts(s);
      const bad = makeDoc({
        doc: 'bad.txt',
        published: '2020-03-15T00:00:00Z',
        events: [
          { type: 'CONSULT', mode: 'visit', src: 'KOR', tgt: 'USA', date: '2020-03-18', text: 'Fine.' },
          { type: 'AID', src: 'USA', tgt: 'KOR', text: 'Broken.' },
        ],
      });
      (bad.events[1] as { type: unknown }).type = null; // violates NOT NULL after the first rows are written
      await assert.rejects(ingestDocument(s, bad));
      assert.deepEqual(await tableCounts(s), before);
      assert.equal(await getDocument(s, 'bad.txt'), null);
      assert.equal((await queryEvents(s, {}))[0]?.n_mentions, 1);
      assert.equal((await ingestDocument(s, occurredDoc)).status, 'new', 'the store is still usable');
    } finally {
      await s.close();
    }
  });

  test('a batch in one transaction (ingestDocuments) gives the chronicle one document at a time gives', async () => {
    const docs = chronicleDocs();
    const v1 = makeDoc({
      doc: 'live-blog.txt',
      published: '2020-08-01T10:00:00Z',
      events: [{ type: 'THREATEN', src: 'PRK', tgt: 'USA', date: '2020-08-01', text: 'Pyongyang threatened Washington.' }],
    });
    const v2 = makeDoc({
      doc: 'live-blog.txt',
      published: '2020-08-01T10:00:00Z',
      lead: 'Updated 12:00.',
      events: [{ type: 'AID', src: 'JPN', tgt: 'KOR', date: '2020-08-01', text: 'Japan sent flood relief to Korea.' }],
    });
    const one = await backend().fresh();
    const batch = await backend().fresh();
    try {
      await ingestAll(one, [...docs, v1, v2]);
      const half = Math.floor(docs.length / 2);
      const first = await ingestDocuments(batch, [...docs.slice(0, half), v1]);
      assert.ok(first.every((r) => r.status === 'new'));
      // Replaced, unchanged and new documents in one batch.
      const second = await ingestDocuments(batch, [docs[0]!, v2, ...docs.slice(half)]);
      assert.deepEqual(
        second.map((r) => r.status),
        ['unchanged', 'replaced', ...docs.slice(half).map(() => 'new')],
      );
      assert.deepEqual(second[1], { status: 'replaced', eventsExtracted: 1, eventsNew: 1, eventsMerged: 0 });
      for (const format of ['jsonl', 'csv', 'gdelt'] as const) {
        assert.equal(await exportToString(batch, format), await exportToString(one, format), format);
      }
      assert.deepEqual(await tableCounts(batch), await tableCounts(one));
      // Each event counted once as new for the document alone in it, as merged for each document sharing it.
      const fresh = await backend().fresh();
      try {
        const r = await ingestDocuments(fresh, [plannedDoc, occurredDoc]);
        assert.deepEqual(
          r.map((x) => [x.status, x.eventsNew, x.eventsMerged]),
          [
            ['new', 0, 1],
            ['new', 0, 1],
          ],
        );
        await assert.rejects(ingestDocuments(fresh, [v1, v1]), /live-blog\.txt is given twice/);
        // A batch that fails mid-transaction leaves nothing behind.
        const counts = await tableCounts(fresh);
        const bad = makeDoc({ doc: 'bad.txt', events: [{ type: 'AID', src: 'USA', tgt: 'KOR', text: 'Broken.' }] });
        (bad.events[0] as { type: unknown }).type = null;
        await assert.rejects(ingestDocuments(fresh, [v1, bad]));
        assert.deepEqual(await tableCounts(fresh), counts);
        assert.equal(await getDocument(fresh, 'live-blog.txt'), null);
      } finally {
        await fresh.close();
      }
    } finally {
      await one.close();
      await batch.close();
    }
  });

  test('date filters find events by overlap, whatever their span', async () => {
    const s = await backend().fresh();
    try {
      await ingestDocument(
        s,
        makeDoc({
          doc: 'spans.txt',
          published: '2022-01-01T00:00:00Z',
          events: [
            { type: 'SANCTION', src: 'USA', tgt: 'RUS', date: '2019-03', dateEnd: '2021-12', text: 'A.' },
            { type: 'AID', src: 'USA', tgt: 'UKR', date: '2021', text: 'B.' },
            { type: 'ACCUSE', src: 'RUS', tgt: 'UKR', date: '2021-06', text: 'C.' },
            { type: 'PROTEST', src: 'UKR', tgt: 'RUS', date: '2021-06-10', text: 'D.' },
            { type: 'THREATEN', src: 'RUS', tgt: 'UKR', date: '2021-07-02', text: 'E.' },
            { type: 'REQUEST', src: 'UKR', tgt: 'USA', date: '2020-12-31', text: 'F.' },
            { type: 'AGREE', src: 'USA', tgt: 'RUS', text: 'G.' },
          ],
        }),
      );
      const types = async (f: Parameters<typeof queryEvents>[1]) => (await queryEvents(s, f)).map((e) => e.type).sort();
      assert.deepEqual(await types({ from: '2021-06-10', to: '2021-06-10' }), ['ACCUSE', 'AID', 'PROTEST', 'SANCTION']);
      assert.deepEqual(await types({ from: '2021-07-01' }), ['AID', 'SANCTION', 'THREATEN']);
      assert.deepEqual(await types({ to: '2020' }), ['REQUEST', 'SANCTION']);
      assert.deepEqual(await types({ from: '2021-12-31', to: '2022' }), ['AID', 'SANCTION']);
      assert.deepEqual(await types({ dyad: 'RUS:USA', from: '2021-06-10', to: '2021-06-10' }), ['SANCTION']);
      assert.deepEqual(await types({ text: 'C', from: '2021-06-30', to: '2021-06-30' }), ['ACCUSE']);
      assert.equal(await countEvents(s, { from: '2021-06-10', to: '2021-06-10' }), 4);
    } finally {
      await s.close();
    }
  });

  test('filters are bound parameters', async () => {
    const evil = "'; DROP TABLE events; --";
    const before = await countEvents(store, {});
    const filters = [
      { actor: evil },
      { country: evil },
      { type: evil },
      { mode: evil },
      { modality: evil },
      { outlet: evil },
      { text: evil },
      { text: '"unbalanced AND OR NEAR(' },
      { dyad: "USA:KOR' OR '1'='1" },
      { dyad: "USA:'; DROP TABLE events; --" },
    ];
    for (const f of filters) {
      const rows = await queryEvents(store, f).catch((e: Error) => e);
      if (rows instanceof Error) assert.match(rows.message, /invalid dyad/);
      else assert.deepEqual(rows, [], JSON.stringify(f));
    }
    await assert.rejects(queryEvents(store, { from: evil }), /invalid date/);
    assert.deepEqual(await searchDocuments(store, evil), []);
    assert.equal(await getEvent(store, evil), null);
    assert.equal(await getDocument(store, evil), null);
    assert.deepEqual(await listActors(store, { country: evil }), []);
    assert.deepEqual(await dyadSeries(store, { a: evil, b: 'USA' }), []);
    assert.equal(await countEvents(store, {}), before);
  });

  test('events, documents, actors and dyads read back', async () => {
    const doc = await getDocument(store, 'kompas-2020-05-03.txt');
    assert.ok(doc);
    assert.equal(doc.outlet, 'Kompas.com');
    assert.equal(doc.mentions.length, 3);
    assert.ok(doc.mentions.every((m) => m.event_id?.startsWith('ev')));
    assert.deepEqual(doc.sources, []);

    const hits = await searchDocuments(store, 'Panmunjom');
    assert.deepEqual(
      hits.map((h) => h.doc),
      ['yonhap-2020-06-01.txt'],
    );
    assert.match(hits[0]?.snippet ?? '', /\[Panmunjom\]/);

    const actors = await listActors(store);
    const zhao = actors.find((a) => a.name === 'Zhao Lijian');
    assert.deepEqual(zhao, { name: 'Zhao Lijian', country: 'CHN', sector: 'GOV', n_events: 1 });
    const usa = actors.find((a) => a.name === null && a.country === 'USA' && a.sector === null);
    assert.ok(usa && usa.n_events >= 5);

    const dyads = await listDyads(store);
    const chnUsa = dyads.find((d) => d.dyad === 'CHN:USA');
    assert.deepEqual(chnUsa, {
      dyad: 'CHN:USA',
      a: 'CHN',
      b: 'USA',
      n_events: 4,
      first_date: '2020-05-01',
      last_date: '2020-05-09',
    });
  });

  test('dyad series: monthly counts, mean Goldstein, quad classes', async () => {
    const s = await backend().fresh();
    try {
      const ev = (type: 'CONSULT' | 'AGREE' | 'ACCUSE' | 'SANCTION' | 'AID', date: string, goldstein: number) => ({
        type,
        src: 'USA',
        tgt: 'KOR',
        date,
        goldstein,
        text: `${type} on ${date}.`,
      });
      await ingestAll(s, [
        makeDoc({
          doc: 'a.txt',
          published: '2021-02-01T00:00:00Z',
          events: [ev('CONSULT', '2021-01-05', 1), ev('AGREE', '2021-01-20', 4), ev('AID', '2021-01-22', 7)],
        }),
        makeDoc({
          doc: 'b.txt',
          published: '2021-03-01T00:00:00Z',
          events: [ev('ACCUSE', '2021-02-03', -2), ev('SANCTION', '2021-02-10', -8), ev('ACCUSE', '2020', -2)],
        }),
        makeDoc({
          doc: 'c.txt',
          published: '2021-03-02T00:00:00Z',
          events: [{ ...ev('SANCTION', '2021-02-10', -8), src: 'KOR', tgt: 'USA' }],
        }),
      ]);
      const series = await dyadSeries(s, { a: 'KOR', b: 'USA' });
      assert.deepEqual(series, [
        {
          month: '2021-01',
          n_events: 3,
          goldstein_mean: 4,
          verbal_coop: 2,
          material_coop: 1,
          verbal_conflict: 0,
          material_conflict: 0,
        },
        {
          month: '2021-02',
          n_events: 3,
          goldstein_mean: -6,
          verbal_coop: 0,
          material_coop: 0,
          verbal_conflict: 1,
          material_conflict: 2,
        },
      ]);
      const directed = await dyadSeries(s, { a: 'USA', b: 'KOR', directed: true, from: '2021-02' });
      assert.deepEqual(
        directed.map((p) => [p.month, p.n_events, p.material_conflict]),
        [['2021-02', 2, 1]],
      );
    } finally {
      await s.close();
    }
  });

  test('exports: jsonl, csv and the 61-column gdelt table', async () => {
    const jsonl = (await exportToString(store, 'jsonl')).trim().split('\n');
    const total = await countEvents(store, {});
    assert.equal(jsonl.length, total);
    const first = JSON.parse(jsonl[0] ?? '{}');
    assert.equal(first.date, '2020-03-18');
    assert.equal(first.modality, 'occurred');
    assert.equal(first.mentions.length, 3);
    assert.ok(first.mentions[0].evidence.text);

    const csv = (await exportToString(store, 'csv')).trim().split('\n');
    assert.equal(csv.length, total + 1);
    assert.match(csv[0] ?? '', /^id,type,mode,cameo,goldstein/);

    // The GDELT table has no status column: occurred events only unless a status is asked for.
    const gdelt = (await exportToString(store, 'gdelt', { gdeltHeader: true })).trim().split('\n');
    assert.equal(gdelt.length, (await countEvents(store, { modality: 'occurred' })) + 1);
    assert.ok(gdelt.length - 1 < total, 'the fixtures hold events that did not occur');
    assert.equal(GDELT_COLUMNS.length, 61);
    for (const line of gdelt) assert.equal(line.split('\t').length, 61);
    const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, gdelt.find((l) => l.includes('\t163\t'))?.split('\t')[i]]));
    assert.equal(row.SQLDATE, '20200609');
    assert.equal(row.Actor1CountryCode, 'USA');
    assert.equal(row.Actor2CountryCode, 'PRK');
    assert.equal(row.EventCode, '163');
    assert.equal(row.EventRootCode, '16');
    assert.equal(row.QuadClass, '4');
    assert.equal(row.SOURCEURL, 'https://news.example/yonhap-2020-06-10.txt');

    const filtered = (await exportToString(store, 'jsonl', { filters: { dyad: 'CHN:USA' } })).trim().split('\n');
    assert.equal(filtered.length, 4);
  });

  test('the schema is migrated once and reopening is harmless', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
    assert.deepEqual(
      rows.map((r) => r.name),
      ['0001_core', '0002_search', '0003_changes', '0004_watch'],
    );
  });
}

const pgBackend = await describeOnBothBackends('store', storeSuite);

describe('store (sqlite and postgres agree)', { skip: pgBackend ? false : 'needs PostgreSQL' }, () => {
  const local = sqliteBackend();
  after(() => local.cleanup());
  test('both backends hold the same chronicle', async () => {
    const stores = [await local.fresh(), await (pgBackend as Backend).fresh()];
    try {
      const outputs = [];
      for (const s of stores) {
        await ingestAll(s, chronicleDocs());
        outputs.push({
          jsonl: await exportToString(s, 'jsonl'),
          gdelt: await exportToString(s, 'gdelt'),
          actors: await listActors(s),
          dyads: await listDyads(s),
          series: await dyadSeries(s, { a: 'CHN', b: 'USA' }),
          // Snippets differ (FTS5 snippet() vs ts_headline); the hits do not.
          search: (await searchDocuments(s, 'talks')).map((h) => h.doc).sort(),
        });
      }
      assert.deepEqual(outputs[1], outputs[0]);
    } finally {
      for (const s of stores) await s.close();
    }
  });
});
