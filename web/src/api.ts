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
  edges: { source: string; target: string; n_events: number }[];
}

export interface Meta {
  types: string[];
  modalities: string[];
  n_events: number;
  n_documents: number;
  countries: { code: string; n_events: number }[];
  outlets: { name: string; n_documents: number }[];
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
  series: (a: string, b: string) =>
    get<{ a: string; b: string; series: SeriesPoint[] }>(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`),
  network: (q: Record<string, string | undefined>) => get<Network>('/api/network', q),
  search: (q: string) => get<{ q: string; events: EventSummary[]; documents: DocumentHit[] }>('/api/search', { q }),
  meta: () => {
    metaCache ??= get<Meta>('/api/meta').catch((e: unknown) => {
      metaCache = null;
      throw e;
    });
    return metaCache;
  },
};
