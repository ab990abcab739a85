// Read queries the web API needs beyond the store's public API (actor network, facets).
// Written with the store's Kysely instance: every value is a bound parameter.
import { aggregateFilters, applyFilters, type EventFilters, eventPlace, type Store } from '../store/index.ts';

export interface NetworkOptions {
  /** The events counted (one status: occurred unless `modality` names another). */
  filters?: EventFilters;
  /** "actor": a named person/institution (or the country when unnamed); "country": countries only. */
  level: 'actor' | 'country';
  /** At most this many nodes (the most frequent). */
  maxNodes: number;
}

export interface NetworkNode {
  id: string;
  label: string;
  name: string | null;
  country: string | null;
  /** Number of events the node takes part in (within the network). */
  n_events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  n_events: number;
  /** Events by quad class 1–4 (cooperation against conflict). */
  quad: [number, number, number, number];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Who interacted with whom: undirected actor (or country) pairs with their number of events. */
export async function actorNetwork(store: Store, opts: NetworkOptions): Promise<Network> {
  const rows = await applyFilters(
    store,
    store.db
      .selectFrom('events')
      .select((eb) => [
        'events.source_name',
        'events.source_country',
        'events.target_name',
        'events.target_country',
        'events.quad_class',
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['events.source_name', 'events.source_country', 'events.target_name', 'events.target_country', 'events.quad_class']),
    aggregateFilters(opts.filters),
  ).execute();

  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  const nodeOf = (name: string | null, country: string | null): NetworkNode | null => {
    const useName = opts.level === 'actor' && name;
    if (!useName && !country) return null;
    const id = useName ? `${name}|${country ?? ''}` : (country as string);
    let n = nodes.get(id);
    if (!n) {
      n = {
        id,
        label: useName ? (country ? `${name} (${country})` : name) : (country as string),
        name: useName ? name : null,
        country,
        n_events: 0,
      };
      nodes.set(id, n);
    }
    return n;
  };
  for (const r of rows) {
    const a = nodeOf(r.source_name, r.source_country);
    const b = nodeOf(r.target_name, r.target_country);
    if (!a || !b || a.id === b.id) continue;
    const count = Number(r.n);
    a.n_events += count;
    b.n_events += count;
    const [x, y] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const key = `${x}\u0000${y}`;
    const e = edges.get(key) ?? { source: x, target: y, n_events: 0, quad: [0, 0, 0, 0] };
    e.n_events += count;
    const q = Number(r.quad_class);
    if (q >= 1 && q <= 4) e.quad[q - 1] += count;
    edges.set(key, e);
  }
  const kept = [...nodes.values()]
    .filter((n) => n.n_events > 0)
    .sort((a, b) => b.n_events - a.n_events || a.id.localeCompare(b.id))
    .slice(0, opts.maxNodes);
  const keep = new Set(kept.map((n) => n.id));
  return {
    nodes: kept,
    edges: [...edges.values()]
      .filter((e) => keep.has(e.source) && keep.has(e.target))
      .sort((a, b) => b.n_events - a.n_events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

export interface Facets {
  n_events: number;
  n_documents: number;
  countries: { code: string; n_events: number }[];
  outlets: { name: string; n_documents: number }[];
  languages: { code: string; n_documents: number }[];
}

/** Values for the UI's filter pickers: countries and outlets present in the store. */
export async function facets(store: Store): Promise<Facets> {
  const [sides, outlets, nEvents, nDocs, languages] = await Promise.all([
    store.db
      .selectFrom('events')
      .select((eb) => ['source_country', 'target_country', eb.fn.countAll<number>().as('n')])
      .groupBy(['source_country', 'target_country'])
      .execute(),
    store.db
      .selectFrom('documents')
      .select((eb) => ['outlet', eb.fn.countAll<number>().as('n')])
      .where('outlet', 'is not', null)
      .groupBy('outlet')
      .orderBy('n', 'desc')
      .orderBy('outlet')
      .limit(500)
      .execute(),
    store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    store.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    store.db
      .selectFrom('documents')
      .select((eb) => ['language', eb.fn.countAll<number>().as('n')])
      .where('language', 'is not', null)
      .groupBy('language')
      .orderBy('language')
      .execute(),
  ]);
  const countries = new Map<string, number>();
  for (const r of sides) {
    const n = Number(r.n);
    const cs = new Set([r.source_country, r.target_country].filter((c): c is string => Boolean(c)));
    for (const c of cs) countries.set(c, (countries.get(c) ?? 0) + n);
  }
  return {
    n_events: Number(nEvents?.n ?? 0),
    n_documents: Number(nDocs?.n ?? 0),
    countries: [...countries].map(([code, n]) => ({ code, n_events: n })).sort((a, b) => a.code.localeCompare(b.code)),
    outlets: outlets.map((r) => ({ name: r.outlet as string, n_documents: Number(r.n) })),
    languages: languages.map((r) => ({ code: r.language as string, n_documents: Number(r.n) })),
  };
}

export interface PlaceCount {
  /** Null for events placed only by a country. */
  name: string | null;
  country: string | null;
  lat: number;
  lon: number;
  precision: 'city' | 'country';
  n_events: number;
  quad: [number, number, number, number];
}

export interface PlaceCounts {
  places: PlaceCount[];
  n_events: number;
  /** Events matching the filters that have no place (or one the gazetteer cannot locate). */
  n_unplaced: number;
}

/** Events by place (occurred unless the filters name another status), with coordinates and quad classes. */
export async function placeCounts(store: Store, filters: EventFilters = {}): Promise<PlaceCounts> {
  const rows = await applyFilters(
    store,
    store.db
      .selectFrom('events')
      .select((eb) => ['events.place_name', 'events.place_country', 'events.quad_class', eb.fn.countAll<number>().as('n')])
      .groupBy(['events.place_name', 'events.place_country', 'events.quad_class']),
    aggregateFilters(filters),
  ).execute();
  const places = new Map<string, PlaceCount>();
  let total = 0;
  let unplaced = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    const at = r.place_name ? eventPlace(r.place_name, r.place_country) : null;
    if (!at || at.lat === null || at.lon === null || at.precision === null) {
      unplaced += n;
      continue;
    }
    const key = `${at.name}\u0000${at.country ?? ''}`;
    let p = places.get(key);
    if (!p) {
      p = { name: at.name, country: at.country, lat: at.lat, lon: at.lon, precision: at.precision, n_events: 0, quad: [0, 0, 0, 0] };
      places.set(key, p);
    }
    p.n_events += n;
    const q = Number(r.quad_class);
    if (q >= 1 && q <= 4) p.quad[q - 1] += n;
  }
  return {
    places: [...places.values()].sort((a, b) => b.n_events - a.n_events || (a.name ?? '').localeCompare(b.name ?? '')),
    n_events: total,
    n_unplaced: unplaced,
  };
}
