// The JSON API over a temporary SQLite store of hand-made documents, called in-process.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../src/server/app.ts';
import { startServer } from '../../src/server/serve.ts';
import { MODALITIES, PLOVER_TYPES } from '../../src/types.ts';
import {
  fixtureStore,
  N_EVENTS,
  N_USA_KOR,
  SQL_INJECTION,
  type TempStore,
  VISIT_EVIDENCE,
  XSS_DOC,
  XSS_EVIDENCE,
  XSS_IMG,
  XSS_SCRIPT,
} from './fixtures.ts';

interface Ev {
  id: string;
  type: string;
  mode: string | null;
  status: string;
  date: string | null;
  source: { name: string | null; country: string | null };
  target: { name: string | null; country: string | null };
  n_articles: number;
}
interface Page {
  total: number;
  limit: number;
  offset: number;
  events: Ev[];
}

let tmp: TempStore;
let app: ReturnType<typeof createApp>;
let webRoot: string;

async function get<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text);
  return { status: res.status, body: body as T, res };
}

async function events(qs: string): Promise<Page> {
  const r = await get<Page>(`/api/events${qs}`);
  assert.equal(r.status, 200, `GET /api/events${qs}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function eventsTableExists(): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'events'`.execute(
    tmp.store.db,
  );
  return Number(rows[0]?.n) === 1;
}

before(async () => {
  tmp = await fixtureStore();
  webRoot = mkdtempSync(join(tmpdir(), 'kronik-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>kronik</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("hi");');
  writeFileSync(join(webRoot, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(webRoot, '.secret'), 'no');
  app = createApp(tmp.store, { webRoot });
});

after(async () => {
  await tmp.cleanup();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('GET /api/events', () => {
  test('lists every event in date order, undated last', async () => {
    const page = await events('');
    assert.equal(page.total, N_EVENTS);
    assert.equal(page.events.length, N_EVENTS);
    const dated = page.events.filter((e) => e.date !== null).map((e) => e.date as string);
    assert.equal(dated.length, N_EVENTS - 1);
    assert.equal(page.events.at(-1)?.date, null);
    // Sorted by first day covered.
    const firstDay = (d: string) => (d.length === 7 ? `${d}-01` : d);
    assert.deepEqual(dated.map(firstDay), [...dated.map(firstDay)].sort());
  });

  test('dyad filter: either direction, or directed', async () => {
    const page = await events('?dyad=USA:KOR');
    assert.equal(page.total, N_USA_KOR);
    for (const e of page.events) assert.deepEqual([e.source.country, e.target.country].sort(), ['KOR', 'USA']);
    assert.equal((await events('?dyad=kor:usa')).total, N_USA_KOR);
    const directed = await events('?dyad=USA:KOR&directed=true');
    assert.ok(directed.total > 0 && directed.total < N_USA_KOR);
    for (const e of directed.events) assert.equal(e.source.country, 'USA');
  });

  test('the merged visit: planned and occurred reports make one occurred event', async () => {
    const page = await events('?dyad=KOR:USA&mode=visit&from=2020-03&to=2020-03');
    assert.equal(page.total, 1);
    assert.equal(page.events[0]!.status, 'occurred');
    assert.equal(page.events[0]!.n_articles, 2);
  });

  test('type, modality, dates, actor, country, outlet, q, limit/offset', async () => {
    const consult = await events('?type=CONSULT');
    assert.ok(consult.total > 0);
    assert.ok(consult.events.every((e) => e.type === 'CONSULT'));
    const two = await events('?type=consult,agree');
    assert.ok(two.events.every((e) => e.type === 'CONSULT' || e.type === 'AGREE'));
    assert.equal((await events('?type=CONSULT&type=AGREE')).total, two.total);

    const planned = await events('?modality=planned');
    assert.deepEqual(
      planned.events.map((e) => e.source.name),
      ['Mike Pompeo'],
    );
    assert.equal((await events('?modality=cancelled')).events[0]?.source.name, 'Joko Widodo');

    const march = await events('?from=2020-03-01&to=2020-03-31');
    assert.ok(march.total >= 4);
    for (const e of march.events) assert.match(e.date ?? '', /^2020-03/);

    const pompeo = await events('?actor=pompeo');
    assert.ok(pompeo.events.every((e) => e.source.name === 'Mike Pompeo' || e.target.name === 'Mike Pompeo' || e.type === 'CONSULT'));
    assert.ok(pompeo.total >= 2);

    const idn = await events('?country=IDN');
    assert.equal(idn.total, 2);

    const antara = await events('?outlet=antara');
    assert.equal(antara.total, 3);

    const text = await events('?q=Washington');
    assert.ok(text.total >= 1);

    const p1 = await events('?limit=3');
    const p2 = await events('?limit=3&offset=3');
    assert.equal(p1.events.length, 3);
    assert.equal(p1.total, N_EVENTS);
    assert.equal(p2.offset, 3);
    assert.notDeepEqual(
      p1.events.map((e) => e.id),
      p2.events.map((e) => e.id),
    );
    assert.equal((await events('?sort=desc')).events.at(0)?.date, '2020-05-02');
  });

  test('SQL injection text in filters is bound as data: no rows, and the table survives', async () => {
    const injected = await events(`?dyad=${encodeURIComponent(`USA:KOR${SQL_INJECTION}`)}`);
    assert.equal(injected.total, 0);
    assert.deepEqual(injected.events, []);
    const injected2 = await events(`?dyad=${encodeURIComponent(`USA:KOR' OR '1'='1`)}`);
    assert.equal(injected2.total, 0);
    assert.equal((await events(`?actor=${encodeURIComponent(`' OR 1=1; DROP TABLE events; --`)}`)).total, 0);
    assert.equal((await events(`?mode=${encodeURIComponent(`visit' OR '1'='1`)}`)).total, 0);
    // The injection text stored as an outlet name is just a name.
    assert.equal((await events(`?outlet=${encodeURIComponent(SQL_INJECTION)}`)).total, 1);
    await events(`?q=${encodeURIComponent(SQL_INJECTION)}`);
    assert.ok(await eventsTableExists());
    assert.equal((await events('')).total, N_EVENTS);
  });

  test('400 with a clear JSON error on bad parameters', async () => {
    const cases: [string, string][] = [
      ['?type=FOO', 'type'],
      ['?type=CONSULT,visit', 'type'],
      ['?modality=maybe', 'modality'],
      ['?from=2020-13', 'from'],
      ['?to=2020-02-30', 'to'],
      ['?from=March', 'from'],
      ['?from=2020-05&to=2020-01', 'from'],
      ['?limit=-1', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=100000', 'limit'],
      ['?offset=1.5', 'offset'],
      ['?dyad=USA', 'dyad'],
      ['?directed=maybe&dyad=USA:KOR', 'directed'],
      ['?directed=true', 'directed'],
      ['?country=U$A', 'country'],
      ['?sort=random', 'sort'],
      ['?colour=red', 'colour'],
      ['?sort=asc&sort=desc', 'sort'],
      ['?type=MEET', 'type'],
      ['?modality=happened', 'modality'],
      ['?quad=5', 'quad'],
      ['?goldstein_min=-11', 'goldstein_min'],
      ['?goldstein_min=3&goldstein_max=1', 'goldstein_min'],
      ['?confidence=2', 'confidence'],
      ['?language=fr', 'language'],
      ['?since=yesterday', 'since'],
      ['?cursor=nonsense', 'cursor'],
      ['?cursor=WyJ4IiwieSJd&offset=3', 'cursor'],
      [`?actor=${'x'.repeat(500)}`, 'actor'],
    ];
    for (const [qs, param] of cases) {
      const r = await get<{ error: { status: number; message: string; param: string } }>(`/api/events${qs}`);
      assert.equal(r.status, 400, qs);
      assert.match(r.res.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(r.body.error.status, 400);
      assert.equal(r.body.error.param, param, qs);
      assert.ok(r.body.error.message.length > 10, qs);
    }
    const r = await get<{ error: { message: string } }>('/api/events?type=FOO');
    assert.match(r.body.error.message, /unknown type "FOO".*CONSULT/);
    const m = await get<{ error: { message: string } }>('/api/events?modality=maybe');
    assert.match(m.body.error.message, /unknown modality "maybe".*planned/);
    const meet = await get<{ error: { message: string } }>('/api/events?type=MEET');
    assert.equal(meet.body.error.message, `unknown type "MEET"; expected one of ${PLOVER_TYPES.join(', ')}`);
    const happened = await get<{ error: { message: string } }>('/api/events?modality=happened');
    assert.equal(happened.body.error.message, `unknown modality "happened"; expected one of ${MODALITIES.join(', ')}`);
  });
});

describe('GET /api/events/:id', () => {
  test('the event with its mentions, evidence spans and document ids', async () => {
    const [visit] = (await events('?dyad=KOR:USA&mode=visit&from=2020-03&to=2020-03')).events;
    const r = await get<{
      id: string;
      status: string;
      mentions: {
        doc: string;
        modality: string;
        outlet: string;
        evidence: { text: string; start: number; end: number };
        provenance: Record<string, unknown> | null;
      }[];
    }>(`/api/events/${visit!.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, visit!.id);
    assert.equal(r.body.mentions.length, 2);
    assert.deepEqual(r.body.mentions.map((m) => m.modality).sort(), ['occurred', 'planned']);
    const occurred = r.body.mentions.find((m) => m.modality === 'occurred')!;
    assert.equal(occurred.evidence.text, VISIT_EVIDENCE);
    // The store keeps what produced the mention, the coder's rules that fired included.
    assert.deepEqual(occurred.provenance, {
      trigger: 'arrive in',
      trigger_text: 'arrived in',
      date_from: 'sentence',
      date_text: 'on Wednesday',
      rules: ['visit-place-host', 'roles-on-event-day'],
    });
    assert.equal(occurred.doc, 'antara-2020-03-18.txt');
    // The span indexes the document's cleaned text.
    for (const m of r.body.mentions) {
      const doc = await get<{ body: string }>(`/api/documents/${encodeURIComponent(m.doc)}`);
      assert.equal(doc.status, 200);
      assert.equal(doc.body.body.slice(m.evidence.start, m.evidence.end), m.evidence.text);
    }
  });

  test('404 for an unknown id', async () => {
    const r = await get<{ error: { status: number } }>('/api/events/ev0000000000000000');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.status, 404);
    assert.equal((await get(`/api/events/${encodeURIComponent(`x' OR '1'='1`)}`)).status, 404);
  });
});

describe('actors, dyads, series', () => {
  test('GET /api/actors', async () => {
    const r = await get<{ name: string | null; country: string | null; n_events: number }[]>('/api/actors');
    assert.equal(r.status, 200);
    assert.ok(r.body.some((a) => a.name === 'Mike Pompeo' && a.country === 'USA' && a.n_events === 3));
    const kor = await get<{ country: string }[]>('/api/actors?country=kor');
    assert.ok(kor.body.length > 0 && kor.body.every((a) => a.country === 'KOR'));
    assert.equal((await get('/api/actors?limit=x')).status, 400);
  });

  test('GET /api/dyads counts occurred events unless a status is asked for', async () => {
    const r = await get<{ dyad: string; n_events: number }[]>('/api/dyads');
    assert.equal(r.status, 200);
    // Pompeo's planned visit to Seoul is not counted as a fact.
    assert.deepEqual(r.body[0], {
      dyad: 'KOR:USA',
      a: 'KOR',
      b: 'USA',
      n_events: N_USA_KOR - 1,
      first_date: '2020-02-03',
      last_date: '2020-05-02',
    });
    const planned = await get<{ dyad: string; n_events: number }[]>('/api/dyads?modality=planned');
    assert.deepEqual(
      planned.body.map((d) => [d.dyad, d.n_events]),
      [['KOR:USA', 1]],
    );
    // One status at a time: statuses are never summed.
    assert.equal((await get('/api/dyads?modality=planned,occurred')).status, 400);
  });

  test('GET /api/dyads/:a/:b/series: monthly counts, mean Goldstein, quad classes', async () => {
    const r = await get<{
      a: string;
      b: string;
      series: { month: string; n_events: number; goldstein_mean: number; verbal_coop: number; verbal_conflict: number }[];
    }>('/api/dyads/USA/KOR/series');
    assert.equal(r.status, 200);
    // Occurred events only: Pompeo's planned April visit is not in the default series.
    assert.deepEqual(
      r.body.series.map((p) => [p.month, p.n_events]),
      [
        ['2020-02', 1],
        ['2020-03', 2],
        ['2020-05', 1],
      ],
    );
    const march = r.body.series[1]!;
    assert.equal(march.goldstein_mean, 2.95);
    assert.equal(march.verbal_coop, 2);
    assert.equal(r.body.series[2]!.verbal_conflict, 1);
    const reversed = await get<{ series: unknown[] }>('/api/dyads/kor/usa/series');
    assert.deepEqual(reversed.body.series, r.body.series);
    const planned = await get<{ series: { month: string }[] }>('/api/dyads/USA/KOR/series?modality=planned');
    assert.deepEqual(
      planned.body.series.map((p) => p.month),
      ['2020-04'],
    );
    assert.equal((await get('/api/dyads/USA/KOR/series?from=2020-99')).status, 400);
    assert.equal((await get('/api/dyads/USA/KOR/series?modality=perhaps')).status, 400);
    assert.equal((await get(`/api/dyads/USA/${encodeURIComponent("KOR'--")}/series`)).status, 400);
  });

  test('GET /api/network', async () => {
    const r = await get<{ nodes: { id: string; n_events: number }[]; edges: { source: string; target: string; n_events: number }[] }>(
      '/api/network?type=CONSULT',
    );
    assert.equal(r.status, 200);
    const ids = new Set(r.body.nodes.map((n) => n.id));
    assert.ok(ids.has('Kang Kyung-wha|KOR') && ids.has('Mike Pompeo|USA'));
    for (const e of r.body.edges) assert.ok(ids.has(e.source) && ids.has(e.target));
    const countries = await get<{ nodes: { id: string }[] }>('/api/network?level=country');
    assert.ok(countries.body.nodes.some((n) => n.id === 'USA'));
    assert.equal((await get('/api/network?type=MEET')).status, 400);
    // Edges carry their events by quad class, summing to their count.
    for (const e of r.body.edges as { n_events: number; quad?: number[] }[]) {
      assert.equal(e.quad?.length, 4);
      assert.equal(
        e.quad!.reduce((a, b) => a + b, 0),
        e.n_events,
      );
    }
    assert.equal((await get('/api/network?level=galaxy')).status, 400);
  });
});

describe('documents and search', () => {
  test('GET /api/documents/:id returns the cleaned text verbatim, as JSON', async () => {
    const r = await get<{ doc: string; title: string; body: string; outlet: string; url: string; mentions: unknown[] }>(
      `/api/documents/${encodeURIComponent(XSS_DOC)}`,
    );
    assert.equal(r.status, 200);
    assert.match(r.res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(r.body.doc, XSS_DOC);
    assert.ok(r.body.body.includes(XSS_SCRIPT));
    assert.ok(r.body.body.includes(XSS_IMG));
    assert.ok(r.body.body.includes(SQL_INJECTION));
    assert.ok(r.body.body.startsWith(XSS_EVIDENCE));
    assert.equal(r.body.outlet, SQL_INJECTION);
    assert.equal(r.body.mentions.length, 1);
    assert.equal((await get('/api/documents/no-such-doc')).status, 404);
  });

  test('GET /api/search finds events and documents', async () => {
    const r = await get<{ q: string; events: Ev[]; documents: { doc: string; snippet: string }[] }>('/api/search?q=Washington');
    assert.equal(r.status, 200);
    assert.ok(r.body.events.length >= 1);
    assert.ok(r.body.documents.some((d) => d.doc === 'antara-2020-03-18.txt'));
    assert.ok(r.body.documents.every((d) => d.snippet.includes('[')));
    const haze = await get<{ documents: { doc: string }[] }>('/api/search?q=haze');
    assert.deepEqual(
      haze.body.documents.map((d) => d.doc),
      [XSS_DOC],
    );
    const inj = await get<{ events: unknown[] }>(`/api/search?q=${encodeURIComponent(SQL_INJECTION)}`);
    assert.equal(inj.status, 200);
    assert.ok(await eventsTableExists());
    assert.equal((await get('/api/search')).status, 400);
    assert.equal((await get('/api/search?q=')).status, 400);
  });

  test('GET /api/meta lists vocabularies and facets', async () => {
    const r = await get<{ types: string[]; modalities: string[]; n_events: number; countries: { code: string }[] }>('/api/meta');
    assert.equal(r.status, 200);
    assert.equal(r.body.types.length, 16);
    assert.ok(r.body.modalities.includes('cancelled'));
    assert.equal(r.body.n_events, N_EVENTS);
    assert.ok(r.body.countries.some((c) => c.code === 'KOR'));
  });
});

describe('openapi.json', () => {
  test('valid OpenAPI 3.1 JSON describing every route', async () => {
    const res = await app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = JSON.parse(await res.text()) as {
      openapi: string;
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/events',
      '/api/events/{id}',
      '/api/actors',
      '/api/dyads',
      '/api/dyads/{a}/{b}/series',
      '/api/network',
      '/api/documents/{id}',
      '/api/search',
      '/api/meta',
      '/api/openapi.json',
      '/api/export',
      '/api/places',
      '/api/codebook',
    ]) {
      assert.ok(doc.paths[p]?.get, `missing ${p}`);
      assert.ok(doc.paths[p]!.get!.responses['200'], `no 200 response for ${p}`);
    }
    const names = doc.paths['/api/events']!.get!.parameters!.map((p) => p.name).sort();
    for (const n of [
      'dyad',
      'directed',
      'actor',
      'type',
      'mode',
      'modality',
      'from',
      'to',
      'outlet',
      'q',
      'place',
      'quad',
      'goldstein_min',
      'goldstein_max',
      'confidence',
      'language',
      'since',
      'limit',
      'offset',
      'cursor',
    ]) {
      assert.ok(names.includes(n), `events parameter ${n} undocumented`);
    }
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) assert.ok(doc.components.schemas[ref.split('/').at(-1)!], ref);
    // Every documented path answers (path parameters filled in).
    for (const p of Object.keys(doc.paths)) {
      const url = p
        .replace('{id}', p.includes('documents') ? encodeURIComponent(XSS_DOC) : 'ev0')
        .replace('{a}', 'USA')
        .replace('{b}', 'KOR');
      const r = await app.request(p === '/api/search' ? `${url}?q=talks` : url);
      assert.ok(r.status === 200 || (r.status === 404 && p === '/api/events/{id}'), `${p}: ${r.status}`);
    }
  });
});

describe('HTTP behaviour', () => {
  test('security headers on API and UI responses', async () => {
    for (const path of ['/api/events', '/', '/api/nope', '/assets/app.js']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    }
    assert.equal((await app.request('/api/events')).headers.get('cache-control'), 'no-store');
  });

  test('the built UI is served with correct content types, confined to its folder', async () => {
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await index.text(), /<title>kronik<\/title>/);
    const js = await app.request('/assets/app.js');
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    assert.match((await app.request('/assets/app.css')).headers.get('content-type') ?? '', /^text\/css/);
    for (const p of ['/.secret', '/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/missing.js']) {
      assert.equal((await app.request(p)).status, 404, p);
    }
  });

  test('without a built UI, / says how to build it', async () => {
    const bare = createApp(tmp.store, { webRoot: join(webRoot, 'nope') });
    const res = await bare.request('/');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /vite build web/);
    assert.match(text, /npm run build:web/);
  });

  test('read-only: other methods get 405; unknown API paths 404 JSON', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/api/events', { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('allow'), 'GET, HEAD');
    }
    const res = await app.request('/api/nope');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((await app.request('/api/events', { method: 'HEAD' })).status, 200);
  });

  test('a loopback server rejects foreign Host headers (DNS rebinding)', async () => {
    const guarded = createApp(tmp.store, { webRoot, allowedHosts: ['127.0.0.1', 'localhost'] });
    assert.equal((await guarded.request('http://127.0.0.1:8787/api/meta')).status, 200);
    const ok = await guarded.request('/api/meta', { headers: { host: 'localhost:8787' } });
    assert.equal(ok.status, 200);
    const evil = await guarded.request('/api/meta', { headers: { host: 'evil.example:8787' } });
    assert.equal(evil.status, 403);
  });

  test('startServer binds 127.0.0.1 by default and serves over HTTP', async () => {
    const server = await startServer({ db: tmp.path, port: 0, webRoot });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/events?dyad=USA:KOR`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as Page).total, N_USA_KOR);
      const html = await fetch(`${server.url}/`);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    } finally {
      await server.close();
    }
  });
});
