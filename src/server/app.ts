// The read-only JSON API over a chronicle store, plus the built web UI at /.
import { type Context, Hono } from 'hono';
import {
  countEvents,
  dyadSeries,
  getDocument,
  getEvent,
  listActors,
  listDyads,
  queryEvents,
  type Store,
  searchDocuments,
} from '../store/index.ts';
import { MODALITIES, PLOVER_TYPES } from '../types.ts';
import { openApiDocument } from './openapi.ts';
import { BadRequest, countryCode, dateRange, eventFilters, eventTypes, modality, Params } from './params.ts';
import { actorNetwork, facets } from './queries.ts';
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

export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const allowedHosts = opts.allowedHosts?.map((h) => h.toLowerCase());
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Cache-Control', 'no-store');
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
    console.error(`kronik serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    return c.json(errorBody(500, 'internal error'), 500);
  });

  app.get('/api/events', async (c) => {
    const filters = eventFilters(c.req.url);
    const [events, total] = await Promise.all([queryEvents(store, filters), countEvents(store, filters)]);
    return c.json({ total, limit: filters.limit, offset: filters.offset, events });
  });

  app.get('/api/events/:id', async (c) => {
    new Params(c.req.url, []);
    const id = c.req.param('id');
    const event = id.length <= 200 ? await getEvent(store, id) : null;
    if (!event) return c.json(errorBody(404, `no event "${id}"`), 404);
    return c.json(event);
  });

  app.get('/api/actors', async (c) => {
    const p = new Params(c.req.url, ['country', 'limit', 'offset']);
    const country = p.str('country');
    const actors = await listActors(store, {
      ...(country ? { country: countryCode(country, 'country') } : {}),
      limit: p.int('limit', 0, 10_000) ?? 1000,
      offset: p.int('offset', 0, 10_000_000) ?? 0,
    });
    return c.json(actors);
  });

  app.get('/api/dyads', async (c) => {
    const p = new Params(c.req.url, ['limit']);
    return c.json(await listDyads(store, { limit: p.int('limit', 0, 10_000) ?? 1000 }));
  });

  app.get('/api/dyads/:a/:b/series', async (c) => {
    const p = new Params(c.req.url, ['directed', 'modality', 'from', 'to']);
    const a = countryCode(c.req.param('a'), 'a');
    const b = countryCode(c.req.param('b'), 'b');
    const directed = p.bool('directed') ?? false;
    const m = modality(p);
    const series = await dyadSeries(store, {
      a,
      b,
      ...(directed ? { directed } : {}),
      ...(m ? { modality: m } : {}),
      ...dateRange(p),
    });
    return c.json({ a, b, directed, series });
  });

  app.get('/api/network', async (c) => {
    const p = new Params(c.req.url, ['type', 'modality', 'from', 'to', 'level', 'limit'], ['type']);
    const types = eventTypes(p);
    const m = modality(p);
    const network = await actorNetwork(store, {
      ...(types ? { types } : {}),
      ...(m ? { modality: m } : {}),
      ...dateRange(p),
      level: p.oneOf('level', ['actor', 'country'] as const) ?? 'actor',
      maxNodes: p.int('limit', 1, 1000) ?? 150,
    });
    return c.json(network);
  });

  app.get('/api/documents/:id', async (c) => {
    new Params(c.req.url, []);
    const id = c.req.param('id');
    const doc = id.length <= 2000 ? await getDocument(store, id) : null;
    if (!doc) return c.json(errorBody(404, `no document "${id}"`), 404);
    return c.json(doc);
  });

  app.get('/api/search', async (c) => {
    const p = new Params(c.req.url, ['q', 'limit']);
    const q = p.str('q');
    if (!q) throw new BadRequest('"q" is required', 'q');
    const limit = p.int('limit', 0, 200) ?? 50;
    const [events, documents] = await Promise.all([queryEvents(store, { text: q, limit }), searchDocuments(store, q, { limit })]);
    return c.json({ q, events, documents });
  });

  app.get('/api/meta', async (c) => {
    new Params(c.req.url, []);
    return c.json({ types: PLOVER_TYPES, modalities: MODALITIES, ...(await facets(store)) });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument));

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
