// Response shapes of the JSON API, as zod schemas: they generate the OpenAPI description's
// components (the records themselves are typed in src/store/records.ts).
import { z } from '@hono/zod-openapi';
import { MODALITIES, PLOVER_TYPES } from '../types.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      message: z.string().meta({ description: 'What is wrong; for a bad value, the allowed values.' }),
      param: z.string().nullable().meta({ description: 'The parameter at fault, or null.' }),
    }),
  })
  .openapi('Error');

const ActorRef = z
  .object({
    name: z.string().nullable().meta({ description: 'Person or institution' }),
    country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-3 or IGO acronym' }),
    sector: z.string().nullable().meta({ description: 'CAMEO-style sector (GOV, MIL, DIP, …)' }),
  })
  .openapi('ActorRef');

const Place = z
  .object({
    name: z.string(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    precision: z
      .enum(['city', 'country'])
      .nullable()
      .meta({ description: 'city: the place itself (GeoNames); country: the centroid of its country (place not found).' }),
  })
  .openapi('Place');

const Span = z
  .object({
    text: z.string(),
    start: z.number().int().meta({ description: 'Offset in the cleaned document body (inclusive)' }),
    end: z.number().int().meta({ description: 'Offset in the cleaned document body (exclusive)' }),
  })
  .openapi('Span');

export const EventSchema = z
  .object({
    id: z.string(),
    type: z.enum(PLOVER_TYPES),
    mode: z.string().nullable(),
    cameo: z.string(),
    goldstein: z.number(),
    quad_class: z.number().int().nullable(),
    source: ActorRef,
    target: ActorRef,
    date: z.string().nullable().meta({ description: 'Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD' }),
    date_end: z.string().nullable(),
    status: z.enum(MODALITIES).meta({ description: 'What the news says of the event as a whole' }),
    place: Place.nullable(),
    n_mentions: z.number().int(),
    n_articles: z.number().int(),
    n_outlets: z.number().int(),
    first_seen: z.string().nullable(),
    last_seen: z.string().nullable(),
    changed_at: z.string().meta({ description: 'When the store last created or changed the event (UTC)' }),
  })
  .openapi('Event');

const Provenance = z
  .object({
    trigger: z.string().optional(),
    trigger_text: z.string().optional(),
    modality_cue: z.string().optional(),
    date_from: z.string().optional(),
    date_text: z.string().optional(),
    rules: z.array(z.string()).optional().meta({ description: 'The named rules of the coder that fired, in order.' }),
  })
  .nullable()
  .meta({
    description:
      'What produced the mention: trigger (lexicon entry), trigger_text, modality_cue, date_from (sentence, inherited, publication), date_text and the rules that fired.',
  });

export const MentionSchema = z
  .object({
    key: z.string(),
    event_id: z.string().nullable(),
    doc: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    type: z.string(),
    mode: z.string().nullable(),
    cameo: z.string(),
    goldstein: z.number(),
    source: ActorRef.extend({ role: z.string().nullable(), text: z.string().nullable() }),
    target: ActorRef.extend({ role: z.string().nullable(), text: z.string().nullable() }),
    date: z.string().nullable(),
    date_end: z.string().nullable(),
    modality: z.string().meta({ description: 'Modality as stated by this document' }),
    place: z.object({ name: z.string(), country: z.string().nullable() }).nullable(),
    evidence: Span,
    evidence_more: z.array(Span).nullable(),
    confidence: z.number(),
    provenance: Provenance,
  })
  .openapi('Mention');

export const EventDetailSchema = EventSchema.extend({ mentions: z.array(MentionSchema) }).openapi('EventDetail');

export const EventPageResponse = z
  .object({
    total: z.number().int().meta({ description: 'Events matching the filters' }),
    limit: z.number().int(),
    offset: z.number().int(),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
    removed: z
      .array(z.object({ id: z.string(), removed_at: z.string() }))
      .optional()
      .meta({ description: 'With `since`: ids of events merged into others since then (drop them)' }),
    events: z.array(EventSchema),
  })
  .openapi('EventPage');

export const ActorSchema = z
  .object({ name: z.string().nullable(), country: z.string().nullable(), sector: z.string().nullable(), n_events: z.number().int() })
  .openapi('Actor');

export const DyadSchema = z
  .object({
    dyad: z.string(),
    a: z.string(),
    b: z.string(),
    n_events: z.number().int(),
    first_date: z.string().nullable(),
    last_date: z.string().nullable(),
  })
  .openapi('Dyad');

export const SeriesSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    directed: z.boolean(),
    modality: z.enum(MODALITIES).meta({ description: 'The one status counted' }),
    series: z.array(
      z.object({
        month: z.string(),
        n_events: z.number().int(),
        goldstein_mean: z.number(),
        verbal_coop: z.number().int(),
        material_coop: z.number().int(),
        verbal_conflict: z.number().int(),
        material_conflict: z.number().int(),
      }),
    ),
  })
  .openapi('DyadSeries');

const QuadCounts = z.array(z.number().int()).length(4).meta({ description: 'Events by quad class 1–4' });

export const NetworkSchema = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        name: z.string().nullable(),
        country: z.string().nullable(),
        n_events: z.number().int(),
      }),
    ),
    edges: z.array(z.object({ source: z.string(), target: z.string(), n_events: z.number().int(), quad: QuadCounts })),
  })
  .openapi('Network');

export const PlacesSchema = z
  .object({
    places: z.array(
      z.object({
        name: z.string().nullable().meta({ description: 'Null for events placed only by country' }),
        country: z.string().nullable(),
        lat: z.number(),
        lon: z.number(),
        precision: z.enum(['city', 'country']),
        n_events: z.number().int(),
        quad: QuadCounts,
      }),
    ),
    n_events: z.number().int().meta({ description: 'Events matching the filters' }),
    n_unplaced: z.number().int().meta({ description: 'Of those, events with no place (not on the map)' }),
  })
  .openapi('Places');

export const DocumentSchema = z
  .object({
    doc: z.string(),
    url: z.string().nullable(),
    content_hash: z.string(),
    language: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    published_source: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    dateline: z.string().nullable(),
    body: z.string(),
    sources: z.array(z.unknown()),
    ingested_at: z.string(),
    mentions: z.array(MentionSchema),
  })
  .openapi('Document');

export const SearchSchema = z
  .object({
    q: z.string(),
    events: z.array(EventSchema),
    documents: z.array(
      z.object({
        doc: z.string(),
        title: z.string().nullable(),
        url: z.string().nullable(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
        snippet: z.string().meta({ description: 'Matched words in [brackets]' }),
      }),
    ),
  })
  .openapi('SearchResult');

export const MetaSchema = z
  .object({
    types: z.array(z.string()),
    modalities: z.array(z.string()),
    n_events: z.number().int(),
    n_documents: z.number().int(),
    countries: z.array(z.object({ code: z.string(), n_events: z.number().int() })),
    outlets: z.array(z.object({ name: z.string(), n_documents: z.number().int() })),
    languages: z.array(z.object({ code: z.string(), n_documents: z.number().int() })),
  })
  .openapi('Meta');

export const CodebookSchema = z
  .object({
    types: z.array(
      z.object({
        type: z.string(),
        quad_class: z.number().int(),
        modes: z.array(z.string()),
        cameo: z.array(z.object({ code: z.string(), name: z.string(), goldstein: z.number() })),
      }),
    ),
    modalities: z.array(z.string()),
    quad_classes: z.array(z.object({ quad_class: z.number().int(), types: z.array(z.string()) })),
    cameo: z.array(z.object({ code: z.string(), name: z.string(), goldstein: z.number() })),
  })
  .openapi('Codebook');
