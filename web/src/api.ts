// The JSON API as seen by the UI.

export interface ActorRef {
  name: string | null;
  country: string | null;
  sector: string | null;
}

export interface EventSummary {
  id: string;
  type: string;
  mode: string | null;
  cameo: string;
  goldstein: number;
  quad_class: number | null;
  source: ActorRef;
  target: ActorRef;
  date: string | null;
  date_end: string | null;
  status: string;
  place: { name: string; country: string | null } | null;
  n_mentions: number;
  n_articles: number;
  n_outlets: number;
  first_seen: string | null;
  last_seen: string | null;
}

export interface EvidenceSpan {
  text: string;
  start: number;
  end: number;
}

export interface Mention {
  key: string;
  event_id: string | null;
  doc: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  type: string;
  mode: string | null;
  source: ActorRef & { role: string | null; text: string | null };
  target: ActorRef & { role: string | null; text: string | null };
  date: string | null;
  date_end: string | null;
  modality: string;
  place: { name: string; country: string | null } | null;
  evidence: EvidenceSpan;
  evidence_more: EvidenceSpan[] | null;
  confidence: number;
}

export interface EventDetail extends EventSummary {
  mentions: Mention[];
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  events: EventSummary[];
}

export interface DyadSummary {
  dyad: string;
  a: string;
  b: string;
  n_events: number;
  first_date: string | null;
  last_date: string | null;
}

export interface SeriesPoint {
  month: string;
  n_events: number;
  goldstein_mean: number;
  verbal_coop: number;
  material_coop: number;
  verbal_conflict: number;
  material_conflict: number;
}

export interface StoredDocument {
  doc: string;
  url: string | null;
  language: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  author: string | null;
  dateline: string | null;
  body: string;
  mentions: Mention[];
}

export interface DocumentHit {
  doc: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
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
