// The read-only JSON API over a chronicle store, plus the built web UI at /. Every route's
// parameters are zod schemas (src/store/filters.ts): they validate requests and generate the
// OpenAPI description served at /api/openapi.json.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EXPORT_FORMATS, EXPORT_MEDIA, type ExportFormat, exportChronicle } from '../store/export.ts';
import {
  AGGREGATE_FIELDS,
  boolParam,
  choiceParam,
  describeIssue,
  EventPageSchema,
  FILTER_FIELDS,
  intParam,
  paramsSchema,
  toEventFilters,
} from '../store/filters.ts';
import {
  countEvents,
  getDocument,
  getEvent,
  listActors,
  listDyads,
  queryEventPage,
  removedSince,
  type Store,
  searchDocuments,
} from '../store/index.ts';
import { dyadSeries, InvalidFilterError, queryEvents } from '../store/query.ts';
import { MODALITIES, PLOVER_TYPES } from '../types.ts';
import { codebook } from './codebook.ts';
import { actorNetwork, facets, placeCounts } from './queries.ts';
import {
  ActorSchema,
  CodebookSchema,
  DocumentSchema,
  DyadSchema,
  ErrorSchema,
  EventDetailSchema,
  EventPageResponse,
  MetaSchema,
  NetworkSchema,
  PlacesSchema,
  SearchSchema,
  SeriesSchema,
} from './schemas.ts';
import { DEFAULT_WEB_ROOT, notBuiltPage, readStatic } from './static.ts';

export interface AppOptions {
  /** Folder of the built UI (default web/dist). */
  webRoot?: string;
  /**
   * Host names accepted in the Host header (guards a loopback server against DNS rebinding).
   * Undefined: any host.
   */
  allowedHosts?: string[];
}

/** No inline script or style, nothing from other origins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** A client error: answered as 400 with a JSON body naming the parameter. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

function errorBody(status: number, message: string, param: string | null = null) {
  return { error: { status, message, param } };
}

/** The Host header's host name, without port or IPv6 brackets. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const BAD = json(ErrorSchema, 'Invalid parameter: the message names the allowed values');
const NOT_FOUND = json(ErrorSchema, 'Not found');
const NONE = z.strictObject({});

const code = (name: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const c = v.trim().toUpperCase();
      if (!/^[A-Z0-9_-]{1,12}$/.test(c)) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be a country code like USA, got "${v}"` });
        return z.NEVER;
      }
      return c;
    })
    .meta({ param: { name, in: 'path' }, example: name === 'a' ? 'USA' : 'KOR', type: 'string' } as never);

const LIMIT_10K = intParam('limit', 0, 10_000, 'At most this many (default 1000).');

const { dyad: _dyad, ...SERIES_FIELDS } = AGGREGATE_FIELDS;

const routes = {
  events: createRoute({
    method: 'get',
    path: '/api/events',
    operationId: 'listEvents',
    summary: 'Chronicle events, by date (undated last), a page at a time',
    description:
      'Filters combine with AND. Large results: follow `next_cursor` (keyset pages, stable while the store grows); ' +
      '`offset` is for small ones. With `since`, the answer also lists `removed`: events merged into others since then. ' +
      'Clocks: `since` compares with the store’s own clock; to follow the chronicle, pass the time of your previous call ' +
      'less a few seconds (a page written by a transaction still open then gets its time when it commits).',
    request: { query: EventPageSchema },
    responses: { 200: json(EventPageResponse, 'A page of events'), 400: BAD },
  }),
  event: createRoute({
    method: 'get',
    path: '/api/events/{id}',
    operationId: 'getEvent',
    summary: 'One event with every mention (document, evidence span, modality as stated, provenance)',
    request: {
      params: z.object({ id: z.string().meta({ param: { name: 'id', in: 'path' }, example: 'ev0123456789abcdef' } as never) }),
      query: NONE,
    },
    responses: { 200: json(EventDetailSchema, 'The event'), 400: BAD, 404: NOT_FOUND },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/export',
    operationId: 'exportEvents',
    summary: 'Every event matching the filters, streamed as CSV, JSONL, a GDELT 2.0 table or PLOVER JSON lines',
    description:
      'The same filters as /api/events, without paging. The GDELT table has no status column: it holds occurred events ' +
      'unless `modality` names another status.',
    request: {
      query: paramsSchema({
        ...FILTER_FIELDS,
        format: choiceParam('format', EXPORT_FORMATS, 'csv, jsonl, gdelt (tab-separated, 61 columns) or plover (JSON lines).'),
        header: boolParam('header', 'gdelt: write the column names first.'),
      }),
    },
    responses: {
      200: {
        description: 'The export, as an attachment',
        content: Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_MEDIA[f].type.split(';')[0]!, { schema: z.string() }])),
      },
      400: BAD,
    },
  }),
  actors: createRoute({
    method: 'get',
    path: '/api/actors',
    operationId: 'listActors',
    summary: 'Actors with their number of events, most frequent first',
    request: {
      query: paramsSchema({
        country: FILTER_FIELDS.country,
        limit: LIMIT_10K,
        offset: intParam('offset', 0, 10_000_000, 'Actors to skip.'),
      }),
    },
    responses: { 200: json(z.array(ActorSchema), 'Actors'), 400: BAD },
  }),
  dyads: createRoute({
    method: 'get',
    path: '/api/dyads',
    operationId: 'listDyads',
    summary: 'Country pairs with their number of events (occurred unless `modality` says otherwise), most frequent first',
    request: { query: paramsSchema({ ...AGGREGATE_FIELDS, limit: LIMIT_10K }) },
    responses: { 200: json(z.array(DyadSchema), 'Dyads'), 400: BAD },
  }),
  series: createRoute({
    method: 'get',
    path: '/api/dyads/{a}/{b}/series',
    operationId: 'dyadSeries',
    summary: 'Monthly event counts, mean Goldstein score and quad-class counts of one country pair, for one status',
    request: { params: z.object({ a: code('a'), b: code('b') }), query: paramsSchema(SERIES_FIELDS) },
    responses: { 200: json(SeriesSchema, 'The monthly series (months without events are absent)'), 400: BAD },
  }),
  network: createRoute({
    method: 'get',
    path: '/api/network',
    operationId: 'actorNetwork',
    summary: 'Who interacted with whom: actor (or country) pairs with their events by quad class',
    request: {
      query: paramsSchema({
        ...AGGREGATE_FIELDS,
        level: choiceParam('level', ['actor', 'country'] as const, 'Nodes: actor (persons and institutions) or country.'),
        limit: intParam('limit', 1, 1000, 'At most this many nodes, the most frequent (default 150).'),
      }),
    },
    responses: { 200: json(NetworkSchema, 'Nodes and edges'), 400: BAD },
  }),
  places: createRoute({
    method: 'get',
    path: '/api/places',
    operationId: 'eventPlaces',
    summary: 'Events by place, with coordinates and quad classes (the map)',
    request: { query: paramsSchema(AGGREGATE_FIELDS) },
    responses: { 200: json(PlacesSchema, 'Places'), 400: BAD },
  }),
  document: createRoute({
    method: 'get',
    path: '/api/documents/{id}',
    operationId: 'getDocument',
    summary: 'One stored document: cleaned text, metadata and mentions',
    request: {
      params: z.object({ id: z.string().meta({ param: { name: 'id', in: 'path' } } as never) }),
      query: NONE,
    },
    responses: { 200: json(DocumentSchema, 'The document'), 400: BAD, 404: NOT_FOUND },
  }),
  search: createRoute({
    method: 'get',
    path: '/api/search',
    operationId: 'search',
    summary: 'Full-text search over events (evidence, actors, places) and documents (title, body)',
    request: {
      query: paramsSchema({
        q: FILTER_FIELDS.q,
        limit: intParam('limit', 0, 200, 'At most this many of each (default 50).'),
      }).superRefine((v, ctx) => {
        if (!v.q) ctx.addIssue({ code: 'custom', path: ['q'], message: '"q" is required' });
      }),
    },
    responses: { 200: json(SearchSchema, 'Matching events and documents'), 400: BAD },
  }),
  meta: createRoute({
    method: 'get',
    path: '/api/meta',
    operationId: 'meta',
    summary: 'Vocabularies and the values present in the store (for filter pickers)',
    request: { query: NONE },
    responses: { 200: json(MetaSchema, 'Vocabularies and facets'), 400: BAD },
  }),
  openapi: createRoute({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'openapi',
    summary: 'This description of the API (OpenAPI 3.1), generated from the schemas that validate the requests',
    request: { query: NONE },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI document'), 400: BAD },
  }),
  codebook: createRoute({
    method: 'get',
    path: '/api/codebook',
    operationId: 'codebook',
    summary: 'Event types, modes, statuses, quad classes and the CAMEO codes with their Goldstein scores',
    request: { query: NONE },
    responses: { 200: json(CodebookSchema, 'The codebook'), 400: BAD },
  }),
};

/** The OpenAPI document's header. */
const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'kronik API',
    version: '0.1.0',
    description:
      'Read-only JSON API over a kronik chronicle store: diplomatic events coded from news pages ' +
      '(who did what to whom, when, where, with what status), with the evidence sentences and documents behind them. ' +
      'Aggregates (country pairs, series, network, map) count occurred events unless `modality` names another status.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
};

/** Streams an export as a response body, a chunk at a time as the client reads. */
function exportStream(store: Store, format: ExportFormat, opts: Parameters<typeof exportChronicle>[3]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let wake: (() => void) | null = null;
  let wanted = false;
  let cancelled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const run = async () => {
    try {
      await exportChronicle(
        store,
        format,
        async (chunk) => {
          if (cancelled) throw new Error('client went away');
          controller.enqueue(enc.encode(chunk));
          // Back-pressure: wait until the client has read what is queued.
          if ((controller.desiredSize ?? 1) <= 0) {
            wanted = false;
            await new Promise<void>((resolve) => {
              wake = resolve;
              if (wanted || cancelled) resolve();
            });
          }
        },
        opts,
      );
      controller.close();
    } catch (e) {
      if (!cancelled) {
        console.error(`kronik serve: export: ${e instanceof Error ? e.message : String(e)}`);
        controller.error(e);
      }
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        void run();
      },
      pull() {
        wanted = true;
        wake?.();
      },
      cancel() {
        cancelled = true;
        wake?.();
      },
    },
    { highWaterMark: 4 },
  );
}

export function createApp(store: Store, opts: AppOptions = {}): OpenAPIHono {
  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const allowedHosts = opts.allowedHosts?.map((h) => h.toLowerCase());
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const allowed = Object.keys((result as { target?: string }).target === 'param' ? {} : c.req.queries());
      const e = describeIssue(result.error, allowed);
      const known = routeParams(c.req.routePath);
      const message = e.message.startsWith('unknown parameter')
        ? `unknown query parameter "${e.param}"; allowed: ${known.join(', ') || '(none)'}`
        : e.message;
      return c.json(errorBody(400, message, e.param), 400);
    },
  });
  const paramNames = new Map<string, string[]>();
  const routeParams = (path: string) => paramNames.get(path) ?? [];
  for (const r of Object.values(routes)) {
    const q = r.request?.query as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined;
    paramNames.set(r.path.replace(/\{(\w+)\}/g, ':$1'), Object.keys(q?._zod?.def?.shape ?? {}));
  }

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return c.json(errorBody(405, `method ${c.req.method} not allowed: this API is read-only`), 405);
    }
    const host = c.req.header('host');
    if (allowedHosts && host !== undefined && !allowedHosts.includes(hostName(host))) {
      return c.json(errorBody(403, `host "${host}" not allowed`), 403);
    }
    await next();
  });

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json(errorBody(400, err.message, err.param), 400);
    if (err instanceof InvalidFilterError) return c.json(errorBody(400, err.message, err.param), 400);
    console.error(`kronik serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    return c.json(errorBody(500, 'internal error'), 500);
  });

  app.openapi(routes.events, async (c) => {
    const q = c.req.valid('query');
    const filters = toEventFilters(q);
    const limit = q.limit ?? 100;
    const [page, total, removed] = await Promise.all([
      queryEventPage(store, { ...filters, limit }),
      countEvents(store, filters),
      q.since ? removedSince(store, q.since) : Promise.resolve(undefined),
    ]);
    return c.json(
      { total, limit, offset: q.offset ?? 0, next_cursor: page.next_cursor, ...(removed ? { removed } : {}), events: page.events },
      200,
    );
  });

  app.openapi(routes.event, async (c) => {
    const { id } = c.req.valid('param');
    const event = id.length <= 200 ? await getEvent(store, id) : null;
    if (!event) return c.json(errorBody(404, `no event "${id}"`), 404);
    return c.json(event, 200);
  });

  app.openapi(routes.export, async (c) => {
    const { format, header, ...rest } = c.req.valid('query');
    const fmt = format ?? 'jsonl';
    const media = EXPORT_MEDIA[fmt];
    const body = exportStream(store, fmt, { filters: toEventFilters(rest), gdeltHeader: Boolean(header) });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': media.type,
        'Content-Disposition': `attachment; filename="kronik-events.${media.ext}"`,
        'Cache-Control': 'no-store',
      },
    }) as never;
  });

  app.openapi(routes.actors, async (c) => {
    const q = c.req.valid('query');
    const actors = await listActors(store, {
      ...(q.country ? { country: q.country } : {}),
      limit: q.limit ?? 1000,
      offset: q.offset ?? 0,
    });
    return c.json(actors, 200);
  });

  app.openapi(routes.dyads, async (c) => {
    const { limit, ...rest } = c.req.valid('query');
    return c.json(await listDyads(store, { limit: limit ?? 1000, filters: toEventFilters(rest) }), 200);
  });

  app.openapi(routes.series, async (c) => {
    const { a, b } = c.req.valid('param');
    const q = c.req.valid('query');
    const modality = q.modality ?? 'occurred';
    const series = await dyadSeries(store, {
      a,
      b,
      ...(q.directed ? { directed: true } : {}),
      modality,
      filters: toEventFilters({ ...q, directed: undefined, modality }),
    });
    return c.json({ a, b, directed: Boolean(q.directed), modality, series }, 200);
  });

  app.openapi(routes.network, async (c) => {
    const { level, limit, ...rest } = c.req.valid('query');
    const network = await actorNetwork(store, { filters: toEventFilters(rest), level: level ?? 'actor', maxNodes: limit ?? 150 });
    return c.json(network, 200);
  });

  app.openapi(routes.places, async (c) => c.json(await placeCounts(store, toEventFilters(c.req.valid('query'))), 200));

  app.openapi(routes.document, async (c) => {
    const { id } = c.req.valid('param');
    const doc = id.length <= 2000 ? await getDocument(store, id) : null;
    if (!doc) return c.json(errorBody(404, `no document "${id}"`), 404);
    return c.json(doc, 200);
  });

  app.openapi(routes.search, async (c) => {
    const { q, limit: lim } = c.req.valid('query');
    const text = q ?? '';
    const limit = lim ?? 50;
    const [events, documents] = await Promise.all([queryEvents(store, { text, limit }), searchDocuments(store, text, { limit })]);
    return c.json({ q: text, events, documents }, 200);
  });

  app.openapi(routes.meta, async (c) => c.json({ types: [...PLOVER_TYPES], modalities: [...MODALITIES], ...(await facets(store)) }, 200));

  app.openapi(routes.codebook, (c) => c.json(codebook(), 200));

  let described: unknown = null;
  app.openapi(routes.openapi, (c) => {
    described ??= app.getOpenAPI31Document(OPENAPI_INFO);
    return c.json(described as Record<string, unknown>, 200);
  });

  app.all('/api/*', (c) => c.json(errorBody(404, `no API route ${c.req.path}`), 404));

  app.get('*', async (c: Context) => {
    const file = await readStatic(webRoot, c.req.path);
    if (file) {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(file.body as Uint8Array<ArrayBuffer>);
    }
    if (c.req.path === '/' || c.req.path === '/index.html') {
      return c.html(notBuiltPage(webRoot), 200);
    }
    return c.text('not found', 404);
  });

  return app;
}
