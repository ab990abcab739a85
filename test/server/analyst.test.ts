// The analyst's API: cursor pages, `since`, the new filters, streamed downloads in four formats,
// places with coordinates and the codebook, over the hand-made fixture store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { GDELT_COLUMNS } from '../../src/store/export.ts';
import { ingestDocument } from '../../src/store/index.ts';
import { fixtureDocs, fixtureStore, N_EVENTS, type TempStore } from './fixtures.ts';

interface Ev {
  id: string;
  status: string;
  type: string;
  quad_class: number;
  goldstein: number;
  date: string | null;
  changed_at: string;
  place: { name: string; country: string | null; lat: number | null; lon: number | null; precision: string | null } | null;
}
interface Page {
  total: number;
  next_cursor: string | null;
  removed?: { id: string; removed_at: string }[];
  events: Ev[];
}

let tmp: TempStore;
let app: ReturnType<typeof createApp>;

async function page(qs: string): Promise<Page> {
  const res = await app.request(`/api/events${qs}`);
  const body = (await res.json()) as Page;
  assert.equal(res.status, 200, `${qs}: ${JSON.stringify(body)}`);
  return body;
}

before(async () => {
  tmp = await fixtureStore();
  app = createApp(tmp.store);
});
after(() => tmp.cleanup());

describe('cursor pages', () => {
  for (const sort of ['asc', 'desc']) {
    test(`walking next_cursor (sort=${sort}) gives every event once, in the unpaged order`, async () => {
      const all = (await page(`?sort=${sort}&limit=1000`)).events.map((e) => e.id);
      assert.equal(all.length, N_EVENTS);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p: Page = await page(`?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...p.events.map((e) => e.id));
        cursor = p.next_cursor;
        pages++;
      } while (cursor && pages < 20);
      assert.deepEqual(seen, all);
      assert.ok(pages >= 4);
    });
  }
});

describe('filters of event data', () => {
  test('place, quad, Goldstein range, confidence, language', async () => {
    const washington = await page('?place=washington');
    assert.ok(washington.total >= 1);
    assert.ok(washington.events.every((e) => e.place?.name === 'Washington'));
    const q4 = await page('?quad=4');
    assert.ok(q4.total >= 1 && q4.events.every((e) => e.quad_class === 4));
    const coop = await page('?quad=1,2');
    assert.equal(coop.total + (await page('?quad=3,4')).total, N_EVENTS);
    const neg = await page('?goldstein_max=-0.1');
    assert.ok(neg.total >= 1 && neg.events.every((e) => e.goldstein <= -0.1));
    const band = await page('?goldstein_min=1&goldstein_max=2');
    assert.ok(band.events.every((e) => e.goldstein >= 1 && e.goldstein <= 2));
    assert.equal((await page('?confidence=0.9')).total, N_EVENTS);
    assert.equal((await page('?confidence=0.95')).total, 0);
    const id = await page('?language=id');
    assert.equal(id.total, 1);
    assert.equal(id.events[0]!.place?.name, 'Washington');
  });

  test('an event place has coordinates from the gazetteer', async () => {
    const [visit] = (await page('?place=Washington&mode=visit')).events;
    assert.ok(visit?.place);
    assert.equal(visit.place.country, 'USA');
    assert.equal(visit.place.precision, 'city');
    assert.ok(Math.abs(visit.place.lat! - 38.9) < 0.2 && Math.abs(visit.place.lon! + 77.04) < 0.2, JSON.stringify(visit.place));
  });
});

describe('GET /api/export', () => {
  async function download(qs: string): Promise<{ res: Response; text: string }> {
    const res = await app.request(`/api/export${qs}`);
    return { res, text: await res.text() };
  }

  test('the four formats, for exactly the filter given', async () => {
    const filter = 'dyad=USA:KOR';
    const n = (await page(`?${filter}`)).total;
    const csv = await download(`?format=csv&${filter}`);
    assert.equal(csv.res.status, 200);
    assert.match(csv.res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.res.headers.get('content-disposition') ?? '', /attachment; filename="kronik-events\.csv"/);
    assert.equal(csv.text.trim().split('\n').length, n + 1);

    const jsonl = await download(`?format=jsonl&${filter}`);
    const lines = jsonl.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; mentions: unknown[] });
    assert.equal(lines.length, n);
    assert.ok(lines.every((l) => l.mentions.length >= 1));

    const plover = await download(`?format=plover&${filter}`);
    const records = plover.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(records.length, n);
    for (const r of records)
      for (const k of ['id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'quad_code']) assert.ok(k in r, k);
    // PLOVER's reading: a planned visit is AGREE (kronik's own type kept beside it).
    const planned = records.find((r) => r.kronik_status === 'planned')!;
    assert.equal(planned.event, 'AGREE');
    assert.equal(planned.kronik_type, 'CONSULT');
    assert.deepEqual(planned.context, ['diplomatic']);

    // GDELT: occurred events only unless a status is asked for.
    const gdelt = await download(`?format=gdelt&header=true&${filter}`);
    const rows = gdelt.text.trim().split('\n');
    assert.equal(rows[0], GDELT_COLUMNS.join('\t'));
    assert.equal(rows.length - 1, (await page(`?${filter}&modality=occurred`)).total);
    const planGdelt = await download(`?format=gdelt&modality=planned&${filter}`);
    assert.equal(planGdelt.text.trim().split('\n').length, 1);
  });

  test('GDELT ActionGeo columns carry the place and its coordinates', async () => {
    const { text } = await download('?format=gdelt&place=Washington');
    const row = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, text.trim().split('\n')[0]!.split('\t')[i]]));
    assert.equal(row.ActionGeo_Type, '3');
    assert.equal(row.ActionGeo_FullName, 'Washington, USA');
    assert.equal(row.ActionGeo_CountryCode, 'USA');
    assert.ok(Math.abs(Number(row.ActionGeo_Lat) - 38.9) < 0.2);
  });

  test('bad values are 400 with the allowed values; the stream is not started', async () => {
    const r = await download('?format=xlsx');
    assert.equal(r.res.status, 400);
    assert.match(r.text, /expected one of csv, jsonl, gdelt, plover/);
    assert.equal((await download('?format=csv&type=MEET')).res.status, 400);
  });
});

describe('map, codebook, provenance', () => {
  test('GET /api/places: occurred events by place, with coordinates', async () => {
    const res = await app.request('/api/places');
    const body = (await res.json()) as {
      places: { name: string; country: string; lat: number; lon: number; n_events: number; quad: number[] }[];
      n_events: number;
      n_unplaced: number;
    };
    assert.equal(res.status, 200);
    const washington = body.places.find((p) => p.name === 'Washington');
    assert.ok(washington && washington.country === 'USA' && washington.n_events === 1);
    assert.deepEqual(washington.quad, [1, 0, 0, 0]);
    // The cancelled Canberra trip and the planned Seoul visit are not facts on the map.
    assert.ok(!body.places.some((p) => p.name === 'Canberra' || p.name === 'Seoul'));
    const planned = (await (await app.request('/api/places?modality=planned')).json()) as { places: { name: string }[] };
    assert.deepEqual(
      planned.places.map((p) => p.name),
      ['Seoul'],
    );
    assert.equal(body.n_events, body.n_unplaced + body.places.reduce((a, p) => a + p.n_events, 0));
  });

  test('GET /api/codebook: every type with its quad class, modes and CAMEO codes', async () => {
    const body = (await (await app.request('/api/codebook')).json()) as {
      types: { type: string; quad_class: number; modes: string[]; cameo: { code: string; goldstein: number }[] }[];
      modalities: string[];
    };
    assert.equal(body.types.length, 16);
    const consult = body.types.find((t) => t.type === 'CONSULT')!;
    assert.equal(consult.quad_class, 1);
    assert.ok(consult.modes.includes('visit') && consult.modes.includes('phone'));
    assert.ok(consult.cameo.some((c) => c.code === '042' && c.goldstein === 1.9));
    assert.ok(body.modalities.includes('hypothetical'));
  });
});

describe('since', () => {
  test('events changed since a time, and the ids a later merge removed', async () => {
    // A store of its own: this test rewrites a document.
    const own = await fixtureStore();
    const ownApp = createApp(own.store);
    const page = async (qs: string): Promise<Page> => (await (await ownApp.request(`/api/events${qs}`)).json()) as Page;
    after(() => own.cleanup());
    const all = await page('');
    assert.ok(all.events.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(e.changed_at)));
    const future = await page(`?since=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    assert.equal(future.total, 0);
    assert.deepEqual(future.removed, []);
    assert.equal((await page('?since=2000-01-01')).total, N_EVENTS);

    // Re-ingest the Reuters page without its planned Seoul visit: one event goes, the others stay unchanged.
    await new Promise((r) => setTimeout(r, 15));
    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    const reuters = fixtureDocs().find((d) => d.doc === 'reuters-2020-03-30.txt')!;
    const dropped = reuters.events[0]!;
    const gone = all.events.find((e) => e.type === 'CONSULT' && e.status === 'planned' && e.date === '2020-04')!;
    assert.ok(gone, 'the planned visit is in the store');
    await ingestDocument(own.store, { ...reuters, content_hash: `${reuters.content_hash}-v2`, events: reuters.events.slice(1) });
    const since = await page(`?since=${encodeURIComponent(mark)}`);
    const now = await page('');
    assert.equal(now.total, N_EVENTS - 1);
    // Mention keys follow the page's content, so the page's events are new ones and the old are removed.
    const removed = new Set(since.removed?.map((r) => r.id));
    assert.ok(removed.has(gone.id));
    for (const id of removed) assert.ok(!now.events.some((e) => e.id === id), `${id} removed and still listed`);
    assert.equal(since.total, reuters.events.length - 1, 'only the rewritten page’s events changed');
    assert.ok(since.events.every((e) => e.changed_at >= mark));
    assert.ok(!since.events.some((e) => e.status === 'planned'));
    assert.ok(dropped);
  });
});
