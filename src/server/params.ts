// Query-parameter validation for the JSON API. Every value that reaches the store is checked
// here first; the store then binds it as a parameter (no value is ever spliced into SQL).
import { type EventFilters, parseDyad, partialDateRange } from '../store/index.ts';
import { MODALITIES, type Modality, PLOVER_TYPES } from '../types.ts';

/** A client error: answered as 400 with a JSON body naming the parameter. */
export class BadRequest extends Error {
  readonly param: string | null;
  constructor(message: string, param: string | null = null) {
    super(message);
    this.name = 'BadRequest';
    this.param = param;
  }
}

export const MAX_PAGE = 1000;
const MAX_TEXT = 200;

/** Reads the query string of a request, rejecting unknown and repeated parameters. */
export class Params {
  private readonly values = new Map<string, string[]>();

  constructor(url: string, allowed: readonly string[], repeatable: readonly string[] = []) {
    const search = new URL(url).searchParams;
    for (const [k, v] of search) {
      if (!allowed.includes(k)) {
        throw new BadRequest(`unknown query parameter "${k}"; allowed: ${allowed.join(', ') || '(none)'}`, k);
      }
      const list = this.values.get(k) ?? [];
      list.push(v);
      if (list.length > 1 && !repeatable.includes(k)) throw new BadRequest(`query parameter "${k}" given more than once`, k);
      this.values.set(k, list);
    }
  }

  /** The trimmed value, or undefined when absent or empty. */
  str(name: string, max = MAX_TEXT): string | undefined {
    const v = this.values.get(name)?.[0]?.trim();
    if (v === undefined || v === '') return undefined;
    if (v.length > max) throw new BadRequest(`"${name}" is too long (at most ${max} characters)`, name);
    return v;
  }

  /** Every value of a repeatable parameter, each also split on commas. */
  list(name: string): string[] {
    return (this.values.get(name) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  bool(name: string): boolean | undefined {
    const v = this.values.get(name)?.[0];
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if (s === '' || s === 'true' || s === '1' || s === 'yes') return true;
    if (s === 'false' || s === '0' || s === 'no') return false;
    throw new BadRequest(`"${name}" must be true or false, got "${v}"`, name);
  }

  int(name: string, min: number, max: number): number | undefined {
    const v = this.str(name, 20);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new BadRequest(`"${name}" must be a whole number, got "${v}"`, name);
    const n = Number(v);
    if (n < min || n > max) throw new BadRequest(`"${name}" must be between ${min} and ${max}, got ${n}`, name);
    return n;
  }

  oneOf<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const lower = v.toLowerCase();
    const hit = choices.find((c) => c.toLowerCase() === lower);
    if (!hit) throw new BadRequest(`unknown ${name} "${v}"; expected one of ${choices.join(', ')}`, name);
    return hit;
  }
}

/** PLOVER types, case-insensitive, from `type=A,B` or repeated `type=`. */
export function eventTypes(p: Params): string[] | undefined {
  const raw = p.list('type');
  if (!raw.length) return undefined;
  return raw.map((t) => {
    const u = t.toUpperCase();
    if (!(PLOVER_TYPES as readonly string[]).includes(u)) {
      throw new BadRequest(`unknown type "${t}"; expected one of ${PLOVER_TYPES.join(', ')}`, 'type');
    }
    return u;
  });
}

export function modality(p: Params): Modality | undefined {
  return p.oneOf('modality', MODALITIES);
}

/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names real days. */
export function partialDate(p: Params, name: string): string | undefined {
  const v = p.str(name, 10);
  if (v === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) || !partialDateRange(v)) {
    throw new BadRequest(`"${name}" must be a date like 2020, 2020-03 or 2020-03-18, got "${v}"`, name);
  }
  if (v.length === 10) {
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      throw new BadRequest(`"${name}" is not a calendar date: "${v}"`, name);
    }
  }
  return v;
}

export function dateRange(p: Params): { from?: string; to?: string } {
  const from = partialDate(p, 'from');
  const to = partialDate(p, 'to');
  if (from && to) {
    const lo = partialDateRange(from)!.lo;
    const hi = partialDateRange(to)!.hi;
    if (lo > hi) throw new BadRequest(`"from" (${from}) is after "to" (${to})`, 'from');
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** A country code or IGO acronym as used by the store (letters, digits, "-" for none). */
export function countryCode(v: string, name: string): string {
  const c = v.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{1,12}$/.test(c)) throw new BadRequest(`"${name}" must be a country code like USA, got "${v}"`, name);
  return c;
}

/**
 * A dyad "A:B". Its two codes are passed on as given (bound parameters), so a value that
 * is not a real pair simply matches nothing.
 */
export function dyad(p: Params): string | undefined {
  const v = p.str('dyad');
  if (v === undefined) return undefined;
  try {
    parseDyad(v);
  } catch {
    throw new BadRequest(`"dyad" must be two country codes like USA:KOR, got "${v}"`, 'dyad');
  }
  return v;
}

export const EVENT_PARAMS = [
  'dyad',
  'directed',
  'actor',
  'country',
  'type',
  'mode',
  'modality',
  'from',
  'to',
  'outlet',
  'q',
  'limit',
  'offset',
  'sort',
] as const;

/** The event filters of `GET /api/events`. */
export function eventFilters(url: string): EventFilters & { limit: number; offset: number } {
  const p = new Params(url, EVENT_PARAMS, ['type']);
  const f: EventFilters & { limit: number; offset: number } = {
    limit: p.int('limit', 0, MAX_PAGE) ?? 100,
    offset: p.int('offset', 0, 10_000_000) ?? 0,
  };
  const d = dyad(p);
  if (d) f.dyad = d;
  const directed = p.bool('directed');
  if (directed) {
    if (!d) throw new BadRequest('"directed" needs a "dyad"', 'directed');
    f.directed = true;
  }
  const actor = p.str('actor');
  if (actor) f.actor = actor;
  const country = p.str('country');
  if (country) f.country = countryCode(country, 'country');
  const types = eventTypes(p);
  if (types) f.type = types;
  const mode = p.str('mode', 40);
  if (mode) f.mode = mode;
  const m = modality(p);
  if (m) f.modality = m;
  Object.assign(f, dateRange(p));
  const outlet = p.str('outlet');
  if (outlet) f.outlet = outlet;
  const q = p.str('q');
  if (q) f.text = q;
  const sort = p.oneOf('sort', ['asc', 'desc'] as const);
  if (sort) f.sort = sort;
  return f;
}
