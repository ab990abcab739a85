// The JSON API as seen by the UI. The records are the server's own types (type-only imports, erased at build).
import type {
  DocumentHit,
  DyadSummary,
  EventDetail,
  ChronicleEvent as EventSummary,
  DyadSeriesPoint as SeriesPoint,
  StoredDocument,
} from '../../src/store/records.ts';

export type {
  ActorRef,
  ChronicleEvent as EventSummary,
  DocumentHit,
  DyadSeriesPoint as SeriesPoint,
  DyadSummary,
  EventDetail,
  EvidenceSpan,
  MentionRecord as Mention,
  StoredDocument,
} from '../../src/store/records.ts';

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  next_cursor: string | null;
  events: EventSummary[];
}

export interface NetworkNode {
  id: string;
  label: string;
  name: string | null;
  country: string | null;
  n_events: number;
}

export interface Network {
  nodes: NetworkNode[];
  /** `quad`: the edge's events by quad class 1–4. */
  edges: { source: string; target: string; n_events: number; quad: number[] }[];
}

export interface PlaceCount {
  name: string | null;
  country: string | null;
  lat: number;
  lon: number;
  precision: 'city' | 'country';
  n_events: number;
  quad: number[];
}

export interface Places {
  places: PlaceCount[];
  n_events: number;
  n_unplaced: number;
}

export interface Codebook {
  types: { type: string; quad_class: number; modes: string[]; cameo: { code: string; name: string; goldstein: number }[] }[];
  modalities: string[];
  quad_classes: { quad_class: number; types: string[] }[];
  cameo: { code: string; name: string; goldstein: number }[];
}

/** The parts of the OpenAPI document the reference page shows. */
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<
    string,
    {
      get?: {
        summary?: string;
        description?: string;
        parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> }[];
        responses: Record<string, { description?: string }>;
      };
    }
  >;
}

export const EXPORT_FORMATS = ['csv', 'jsonl', 'gdelt', 'plover'] as const;

/** The download address of the events matching `filters`, in one of the export formats. */
export function exportUrl(filters: URLSearchParams, format: (typeof EXPORT_FORMATS)[number]): string {
  const q = new URLSearchParams(filters);
  for (const k of ['limit', 'offset', 'cursor', 'sort']) q.delete(k);
  q.set('format', format);
  if (format === 'gdelt') q.set('header', 'true');
  return `/api/export?${q}`;
}

export interface Meta {
  types: string[];
  modalities: string[];
  n_events: number;
  n_documents: number;
  countries: { code: string; n_events: number }[];
  outlets: { name: string; n_documents: number }[];
  languages: { code: string; n_documents: number }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, query?: URLSearchParams | Record<string, string | undefined>): Promise<T> {
  const qs = query instanceof URLSearchParams ? query : new URLSearchParams();
  if (query && !(query instanceof URLSearchParams)) for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
  const s = qs.toString();
  const res = await fetch(`${path}${s ? `?${s}` : ''}`, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

let metaCache: Promise<Meta> | null = null;

export const api = {
  events: (q: URLSearchParams) => get<EventPage>('/api/events', q),
  event: (id: string) => get<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  document: (doc: string) => get<StoredDocument>(`/api/documents/${encodeURIComponent(doc)}`),
  dyads: () => get<DyadSummary[]>('/api/dyads'),
  series: (a: string, b: string, q: Record<string, string | undefined> = {}) =>
    get<{ a: string; b: string; modality: string; series: SeriesPoint[] }>(
      `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`,
      q,
    ),
  network: (q: Record<string, string | undefined>) => get<Network>('/api/network', q),
  places: (q: URLSearchParams) => get<Places>('/api/places', q),
  codebook: () => get<Codebook>('/api/codebook'),
  openapi: () => get<OpenApiDoc>('/api/openapi.json'),
  search: (q: string) => get<{ q: string; events: EventSummary[]; documents: DocumentHit[] }>('/api/search', { q }),
  meta: () => {
    metaCache ??= get<Meta>('/api/meta').catch((e: unknown) => {
      metaCache = null;
      throw e;
    });
    return metaCache;
  },
};
