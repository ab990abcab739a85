// OpenAPI 3.1 description of the read-only kronik API, written by hand.
import { MODALITIES, PLOVER_TYPES } from '../types.ts';
import { MAX_PAGE } from './params.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const param = (name: string, description: string, schema: Record<string, unknown>, where: 'query' | 'path' = 'query') => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema,
});

const PARTIAL_DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', examples: ['2020', '2020-03', '2020-03-18'] };
const BAD = json(ref('Error'), 'Invalid parameter (unknown type or modality, malformed date, unknown parameter, …)');
const NOT_FOUND = json(ref('Error'), 'Not found');

const actorRef = {
  type: 'object',
  required: ['name', 'country', 'sector'],
  properties: {
    name: nullable('string', { description: 'Person or institution' }),
    country: nullable('string', { description: 'ISO 3166-1 alpha-3 or IGO acronym' }),
    sector: nullable('string', { description: 'CAMEO-style sector (GOV, MIL, DIP, …)' }),
  },
};
const place = {
  type: ['object', 'null'],
  required: ['name', 'country'],
  properties: { name: { type: 'string' }, country: nullable('string') },
};
const span = {
  type: 'object',
  required: ['text', 'start', 'end'],
  properties: {
    text: { type: 'string' },
    start: { type: 'integer', description: 'Offset in the cleaned document body (inclusive)' },
    end: { type: 'integer', description: 'Offset in the cleaned document body (exclusive)' },
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'kronik API',
    version: '0.1.0',
    description:
      'Read-only JSON API over a kronik chronicle store: diplomatic events coded from news pages ' +
      '(who did what to whom, when, where, with what modality), with the evidence sentences and documents behind them.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/events': {
      get: {
        operationId: 'listEvents',
        summary: 'Chronicle events, by date (undated last)',
        parameters: [
          param('dyad', 'Country pair "A:B" (either direction unless `directed`)', { type: 'string', examples: ['USA:KOR'] }),
          param('directed', 'With `dyad`: only A → B', { type: 'boolean' }),
          param('actor', 'Substring of a source or target name (case-insensitive)', { type: 'string', maxLength: 200 }),
          param('country', 'Country code on either side', { type: 'string', examples: ['IDN'] }),
          {
            ...param('type', 'PLOVER event type(s): comma-separated or repeated', {
              type: 'array',
              items: { type: 'string', enum: [...PLOVER_TYPES] },
            }),
            style: 'form',
            explode: true,
          },
          param('mode', 'PLOVER mode, e.g. visit', { type: 'string', maxLength: 40 }),
          param('modality', 'Event status', { type: 'string', enum: [...MODALITIES] }),
          param('from', 'Events whose date range ends on or after this date', PARTIAL_DATE),
          param('to', 'Events whose date range starts on or before this date', PARTIAL_DATE),
          param('outlet', 'Mentioned by a document of this outlet (case-insensitive)', { type: 'string' }),
          param('q', 'Full-text search over evidence sentences, actor and place names', { type: 'string', maxLength: 200 }),
          param('sort', 'Date order', { type: 'string', enum: ['asc', 'desc'], default: 'asc' }),
          param('limit', 'Page size', { type: 'integer', minimum: 0, maximum: MAX_PAGE, default: 100 }),
          param('offset', 'Events to skip', { type: 'integer', minimum: 0, default: 0 }),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['total', 'limit', 'offset', 'events'],
              properties: {
                total: { type: 'integer', description: 'Events matching the filters' },
                limit: { type: 'integer' },
                offset: { type: 'integer' },
                events: { type: 'array', items: ref('Event') },
              },
            },
            'A page of events',
          ),
          '400': BAD,
        },
      },
    },
    '/api/events/{id}': {
      get: {
        operationId: 'getEvent',
        summary: 'One event with every mention (document, evidence span, modality as stated)',
        parameters: [param('id', 'Event id', { type: 'string' }, 'path')],
        responses: { '200': json(ref('EventDetail'), 'The event'), '404': NOT_FOUND },
      },
    },
    '/api/actors': {
      get: {
        operationId: 'listActors',
        summary: 'Actors with their number of events, most frequent first',
        parameters: [
          param('country', 'Only actors of this country', { type: 'string' }),
          param('limit', 'At most this many', { type: 'integer', minimum: 0, maximum: 10000, default: 1000 }),
          param('offset', 'Actors to skip', { type: 'integer', minimum: 0, default: 0 }),
        ],
        responses: { '200': json({ type: 'array', items: ref('Actor') }, 'Actors'), '400': BAD },
      },
    },
    '/api/dyads': {
      get: {
        operationId: 'listDyads',
        summary: 'Country pairs with their number of events, most frequent first',
        parameters: [param('limit', 'At most this many', { type: 'integer', minimum: 0, maximum: 10000, default: 1000 })],
        responses: { '200': json({ type: 'array', items: ref('Dyad') }, 'Dyads'), '400': BAD },
      },
    },
    '/api/dyads/{a}/{b}/series': {
      get: {
        operationId: 'dyadSeries',
        summary: 'Monthly event counts, mean Goldstein score and quad-class counts of one country pair',
        parameters: [
          param('a', 'First country code', { type: 'string', examples: ['USA'] }, 'path'),
          param('b', 'Second country code', { type: 'string', examples: ['KOR'] }, 'path'),
          param('directed', 'Only a → b', { type: 'boolean' }),
          param('modality', 'Only events with this status', { type: 'string', enum: [...MODALITIES] }),
          param('from', 'From date', PARTIAL_DATE),
          param('to', 'To date', PARTIAL_DATE),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['a', 'b', 'directed', 'series'],
              properties: {
                a: { type: 'string' },
                b: { type: 'string' },
                directed: { type: 'boolean' },
                series: { type: 'array', items: ref('SeriesPoint') },
              },
            },
            'Monthly series (events dated only to a year are left out)',
          ),
          '400': BAD,
        },
      },
    },
    '/api/network': {
      get: {
        operationId: 'actorNetwork',
        summary: 'Who interacted with whom: undirected actor pairs with event counts',
        parameters: [
          {
            ...param('type', 'PLOVER type(s); default all types', {
              type: 'array',
              items: { type: 'string', enum: [...PLOVER_TYPES] },
            }),
            style: 'form',
            explode: true,
          },
          param('modality', 'Only events with this status', { type: 'string', enum: [...MODALITIES] }),
          param('from', 'From date', PARTIAL_DATE),
          param('to', 'To date', PARTIAL_DATE),
          param('level', 'Nodes are named actors or countries', { type: 'string', enum: ['actor', 'country'], default: 'actor' }),
          param('limit', 'At most this many nodes (most frequent)', { type: 'integer', minimum: 1, maximum: 1000, default: 150 }),
        ],
        responses: { '200': json(ref('Network'), 'Nodes and edges'), '400': BAD },
      },
    },
    '/api/documents/{id}': {
      get: {
        operationId: 'getDocument',
        summary: 'A stored document: cleaned text, metadata and the events coded from it',
        parameters: [param('id', 'Document name (`doc`), URL-encoded', { type: 'string' }, 'path')],
        responses: { '200': json(ref('Document'), 'The document'), '404': NOT_FOUND },
      },
    },
    '/api/search': {
      get: {
        operationId: 'search',
        summary: 'Full-text search over events (evidence, actors, places) and documents (title, body)',
        parameters: [
          { ...param('q', 'Search words (all required)', { type: 'string', minLength: 1, maxLength: 200 }), required: true },
          param('limit', 'At most this many of each kind', { type: 'integer', minimum: 0, maximum: 200, default: 50 }),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['q', 'events', 'documents'],
              properties: {
                q: { type: 'string' },
                events: { type: 'array', items: ref('Event') },
                documents: { type: 'array', items: ref('DocumentHit') },
              },
            },
            'Matching events and documents',
          ),
          '400': BAD,
        },
      },
    },
    '/api/meta': {
      get: {
        operationId: 'meta',
        summary: 'Vocabularies and facets for filter pickers (types, modalities, countries, outlets, counts)',
        responses: { '200': json(ref('Meta'), 'Facets') },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': {} } } },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['status', 'message'],
            properties: {
              status: { type: 'integer' },
              message: { type: 'string' },
              param: nullable('string', { description: 'The offending query parameter' }),
            },
          },
        },
      },
      ActorRef: actorRef,
      Event: {
        type: 'object',
        required: ['id', 'type', 'mode', 'goldstein', 'source', 'target', 'date', 'status', 'n_articles', 'n_outlets'],
        properties: {
          id: { type: 'string' },
          type: { type: 'string', enum: [...PLOVER_TYPES] },
          mode: nullable('string'),
          cameo: { type: 'string' },
          goldstein: { type: 'number', minimum: -10, maximum: 10 },
          quad_class: nullable('integer', { description: '1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict' }),
          source: ref('ActorRef'),
          target: ref('ActorRef'),
          date: nullable('string', { description: 'Partial ISO date' }),
          date_end: nullable('string'),
          status: { type: 'string', enum: [...MODALITIES] },
          place,
          n_mentions: { type: 'integer' },
          n_articles: { type: 'integer' },
          n_outlets: { type: 'integer' },
          first_seen: nullable('string'),
          last_seen: nullable('string'),
        },
      },
      Mention: {
        type: 'object',
        required: ['key', 'doc', 'type', 'modality', 'evidence'],
        properties: {
          key: { type: 'string' },
          event_id: nullable('string'),
          doc: { type: 'string', description: 'Document id (for /api/documents/{id})' },
          url: nullable('string'),
          title: nullable('string'),
          outlet: nullable('string'),
          published: nullable('string'),
          type: { type: 'string' },
          mode: nullable('string'),
          cameo: { type: 'string' },
          goldstein: { type: 'number' },
          source: { ...actorRef, properties: { ...actorRef.properties, role: nullable('string'), text: nullable('string') } },
          target: { ...actorRef, properties: { ...actorRef.properties, role: nullable('string'), text: nullable('string') } },
          date: nullable('string'),
          date_end: nullable('string'),
          modality: { type: 'string', enum: [...MODALITIES], description: 'As stated by this document' },
          place,
          evidence: span,
          evidence_more: { type: ['array', 'null'], items: span },
          confidence: { type: 'number' },
        },
      },
      EventDetail: {
        allOf: [ref('Event'), { type: 'object', properties: { mentions: { type: 'array', items: ref('Mention') } } }],
      },
      Actor: {
        type: 'object',
        required: ['name', 'country', 'sector', 'n_events'],
        properties: { ...actorRef.properties, n_events: { type: 'integer' } },
      },
      Dyad: {
        type: 'object',
        required: ['dyad', 'a', 'b', 'n_events'],
        properties: {
          dyad: { type: 'string', examples: ['KOR:USA'] },
          a: { type: 'string' },
          b: { type: 'string' },
          n_events: { type: 'integer' },
          first_date: nullable('string'),
          last_date: nullable('string'),
        },
      },
      SeriesPoint: {
        type: 'object',
        required: ['month', 'n_events', 'goldstein_mean'],
        properties: {
          month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          n_events: { type: 'integer' },
          goldstein_mean: { type: 'number' },
          verbal_coop: { type: 'integer' },
          material_coop: { type: 'integer' },
          verbal_conflict: { type: 'integer' },
          material_conflict: { type: 'integer' },
        },
      },
      Network: {
        type: 'object',
        required: ['nodes', 'edges'],
        properties: {
          nodes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'label', 'n_events'],
              properties: {
                id: { type: 'string' },
                label: { type: 'string' },
                name: nullable('string'),
                country: nullable('string'),
                n_events: { type: 'integer' },
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source', 'target', 'n_events'],
              properties: { source: { type: 'string' }, target: { type: 'string' }, n_events: { type: 'integer' } },
            },
          },
        },
      },
      Document: {
        type: 'object',
        required: ['doc', 'body', 'mentions'],
        properties: {
          doc: { type: 'string' },
          url: nullable('string'),
          content_hash: { type: 'string' },
          language: nullable('string'),
          title: nullable('string'),
          published: nullable('string'),
          published_source: nullable('string'),
          outlet: nullable('string'),
          author: nullable('string'),
          dateline: nullable('string'),
          body: { type: 'string', description: 'Cleaned text; evidence offsets index into it' },
          sources: { type: 'array', items: { type: 'object' } },
          ingested_at: { type: 'string' },
          mentions: { type: 'array', items: ref('Mention') },
        },
      },
      DocumentHit: {
        type: 'object',
        required: ['doc', 'snippet'],
        properties: {
          doc: { type: 'string' },
          title: nullable('string'),
          url: nullable('string'),
          outlet: nullable('string'),
          published: nullable('string'),
          snippet: { type: 'string', description: 'Matched words are wrapped in [ and ]' },
        },
      },
      Meta: {
        type: 'object',
        properties: {
          types: { type: 'array', items: { type: 'string' } },
          modalities: { type: 'array', items: { type: 'string' } },
          n_events: { type: 'integer' },
          n_documents: { type: 'integer' },
          countries: {
            type: 'array',
            items: { type: 'object', properties: { code: { type: 'string' }, n_events: { type: 'integer' } } },
          },
          outlets: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, n_documents: { type: 'integer' } } },
          },
        },
      },
    },
  },
} as const;
