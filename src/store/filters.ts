// The event filters: one zod schema for the API's query parameters, its OpenAPI description and
// the CLI's options (`events`, `export`, `dyads`). A value is checked here once; the store then binds
// it as a parameter. Every parameter arrives as a string (or a list of strings when repeated).
import { z } from 'zod';
import { MODALITIES, type Modality, PLOVER_TYPES } from '../types.ts';
import { partialDateRange } from './dates.ts';
import type { EventFilters } from './query.ts';

export const MAX_PAGE = 1000;
const MAX_TEXT = 200;
export const LANGUAGES = ['id', 'en', 'other'] as const;
export const QUAD_CLASSES = [1, 2, 3, 4] as const;

type Raw = string | string[] | undefined;

/** One value: a repeated parameter is an error, an empty one is absent. */
function one(name: string) {
  return (v: unknown, ctx: z.RefinementCtx): string | undefined => {
    if (Array.isArray(v)) {
      if (v.length > 1) {
        ctx.addIssue({ code: 'custom', message: `"${name}" given more than once` });
        return z.NEVER;
      }
      v = v[0];
    }
    if (v === undefined || v === null) return undefined;
    const s = String(v).trim();
    return s === '' ? undefined : s;
  };
}

/** Every value of a repeatable parameter, each also split on commas. */
function many(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
  return list.length ? list : undefined;
}

function text(name: string, max = MAX_TEXT, description = '') {
  return z
    .unknown()
    .transform(one(name))
    .pipe(z.string().max(max, `"${name}" is too long (at most ${max} characters)`).optional())
    .optional()
    .meta({ description, type: 'string' } as never);
}

/** A value from a closed list, case-insensitive; the error names every allowed value. */
function choice<T extends string>(name: string, choices: readonly T[], description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): T | undefined => {
      if (v === undefined) return undefined;
      const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase());
      if (hit) return hit;
      ctx.addIssue({ code: 'custom', message: `unknown ${name} "${v}"; expected one of ${choices.join(', ')}` });
      return z.NEVER;
    })
    .optional()
    .meta({ description, type: 'string', enum: [...choices] } as never);
}

/** A repeatable list from a closed set (`type=A,B` or `type=A&type=B`). */
function choices<T extends string>(name: string, allowed: readonly T[], description: string) {
  return z
    .unknown()
    .transform(many)
    .transform((list, ctx): T[] | undefined => {
      if (!list) return undefined;
      const out: T[] = [];
      for (const v of list) {
        const hit = allowed.find((c) => c.toLowerCase() === v.toLowerCase());
        if (!hit) {
          ctx.addIssue({ code: 'custom', message: `unknown ${name} "${v}"; expected one of ${allowed.join(', ')}` });
          return z.NEVER;
        }
        if (!out.includes(hit)) out.push(hit);
      }
      return out;
    })
    .optional()
    .meta({
      description: `${description} Repeat the parameter or separate values with commas.`,
      type: 'array',
      items: { type: 'string', enum: [...allowed] },
      param: { style: 'form', explode: true },
    } as never);
}

function bool(name: string, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): boolean | undefined => {
      if (v === undefined) return undefined;
      const s = v.toLowerCase();
      if (s === 'true' || s === '1' || s === 'yes') return true;
      if (s === 'false' || s === '0' || s === 'no') return false;
      ctx.addIssue({ code: 'custom', message: `"${name}" must be true or false, got "${v}"` });
      return z.NEVER;
    })
    .optional()
    .meta({ description, type: 'boolean' } as never);
}

function int(name: string, min: number, max: number, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): number | undefined => {
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be a whole number, got "${v}"` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be between ${min} and ${max}, got ${n}` });
        return z.NEVER;
      }
      return n;
    })
    .optional()
    .meta({ description, type: 'integer', minimum: min, maximum: max } as never);
}

function num(name: string, min: number, max: number, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): number | undefined => {
      if (v === undefined) return undefined;
      const n = /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be a number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    })
    .optional()
    .meta({ description, type: 'number', minimum: min, maximum: max } as never);
}

/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names real days. */
function partialDate(name: string, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): string | undefined => {
      if (v === undefined) return undefined;
      const ok = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && partialDateRange(v) !== null;
      const real = ok && (v.length < 10 || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v);
      if (!real) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be a date like 2020, 2020-03 or 2020-03-18, got "${v}"` });
        return z.NEVER;
      }
      return v;
    })
    .optional()
    .meta({ description, type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', example: '2020-03' } as never);
}

/** An ISO 8601 time (a date alone means its midnight UTC), normalised to UTC with milliseconds. */
function instant(name: string, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): string | undefined => {
      if (v === undefined) return undefined;
      const t = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : Number.NaN;
      if (!Number.isFinite(t)) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be an ISO time like 2026-01-31T12:00:00Z, got "${v}"` });
        return z.NEVER;
      }
      return new Date(t).toISOString();
    })
    .optional()
    .meta({ description, type: 'string', format: 'date-time' } as never);
}

function code(name: string, description: string) {
  return z
    .unknown()
    .transform(one(name))
    .transform((v, ctx): string | undefined => {
      if (v === undefined) return undefined;
      const c = v.toUpperCase();
      if (!/^[A-Z0-9_-]{1,12}$/.test(c)) {
        ctx.addIssue({ code: 'custom', message: `"${name}" must be a country code like USA, got "${v}"` });
        return z.NEVER;
      }
      return c;
    })
    .optional()
    .meta({ description, type: 'string', example: 'KOR' } as never);
}

/** "USA:KOR" (also "USA-KOR", "USA,KOR"); "-" stands for no country. */
export function splitDyad(s: string): [string, string] | null {
  const parts = s
    .trim()
    .split(/\s*[:,/]\s*|\s*-\s*(?=[A-Za-z])/)
    .filter((p) => p !== '');
  return parts.length === 2 ? [parts[0]!.toUpperCase(), parts[1]!.toUpperCase()] : null;
}

function dyad(description: string) {
  return z
    .unknown()
    .transform(one('dyad'))
    .transform((v, ctx): string | undefined => {
      if (v === undefined) return undefined;
      if (v.length > 40 || !splitDyad(v)) {
        ctx.addIssue({ code: 'custom', message: `"dyad" must be two country codes like USA:KOR, got "${v}"` });
        return z.NEVER;
      }
      return v;
    })
    .optional()
    .meta({ description, type: 'string', example: 'USA:KOR' } as never);
}

/** The filter parameters, by API name, with the CLI flag that sets each. */
export const FILTER_FIELDS = {
  dyad: dyad('Country pair, e.g. USA:KOR (either direction unless `directed`).'),
  directed: bool('directed', 'With `dyad`: only events from the first country to the second.'),
  actor: text('actor', MAX_TEXT, 'Substring of a source or target name (case-insensitive).'),
  country: code('country', 'Country code (ISO 3166-1 alpha-3, or an organisation such as UN) on either side.'),
  type: choices('type', PLOVER_TYPES, 'PLOVER event type(s).'),
  mode: text('mode', 40, 'PLOVER mode, e.g. visit, phone.'),
  modality: choices('modality', MODALITIES, 'Event status(es): what the news says of the event.'),
  from: partialDate('from', 'Events whose dates overlap this day, month or year and after.'),
  to: partialDate('to', 'Events whose dates overlap this day, month or year and before.'),
  outlet: text('outlet', MAX_TEXT, 'Mentioned by a document of this outlet (case-insensitive).'),
  q: text('q', MAX_TEXT, 'Full-text search over evidence sentences and actor and place names.'),
  place: text('place', MAX_TEXT, 'Place name (case-insensitive), or a country code matching the place’s country.'),
  quad: choices(
    'quad',
    ['1', '2', '3', '4'] as const,
    'PLOVER quad class(es): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.',
  ),
  goldstein_min: num('goldstein_min', -10, 10, 'Lowest Goldstein score (−10 … 10).'),
  goldstein_max: num('goldstein_max', -10, 10, 'Highest Goldstein score (−10 … 10).'),
  confidence: num('confidence', 0, 1, 'Lowest coder confidence (0 … 1) of at least one mention.'),
  language: choice('language', LANGUAGES, 'Mentioned by a document in this language.'),
  since: instant('since', 'Events created or changed at or after this time (ISO 8601).'),
} as const;

export type FilterName = keyof typeof FILTER_FIELDS;

/** CLI flags of the filters (the API's `q` is `--text` on the command line). */
export const FILTER_FLAGS: Record<FilterName, { flag: string; arg: string | null }> = {
  dyad: { flag: '--dyad', arg: '<A:B>' },
  directed: { flag: '--directed', arg: null },
  actor: { flag: '--actor', arg: '<name>' },
  country: { flag: '--country', arg: '<code>' },
  type: { flag: '--type', arg: '<types>' },
  mode: { flag: '--mode', arg: '<mode>' },
  modality: { flag: '--modality', arg: '<statuses>' },
  from: { flag: '--from', arg: '<date>' },
  to: { flag: '--to', arg: '<date>' },
  outlet: { flag: '--outlet', arg: '<outlet>' },
  q: { flag: '--text', arg: '<query>' },
  place: { flag: '--place', arg: '<place>' },
  quad: { flag: '--quad', arg: '<classes>' },
  goldstein_min: { flag: '--goldstein-min', arg: '<score>' },
  goldstein_max: { flag: '--goldstein-max', arg: '<score>' },
  confidence: { flag: '--confidence', arg: '<min>' },
  language: { flag: '--language', arg: '<lang>' },
  since: { flag: '--since', arg: '<time>' },
};

const PAGE_FIELDS = {
  limit: int('limit', 0, MAX_PAGE, `Events per page (default 100, at most ${MAX_PAGE}).`),
  offset: int('offset', 0, 10_000_000, 'Skip this many events (small results; use `cursor` for large ones).'),
  cursor: text('cursor', 200, 'Opaque position from a previous page’s `next_cursor`: the page after it.'),
  sort: choice('sort', ['asc', 'desc'] as const, 'By date (undated last): asc (default) or desc.'),
};

const FiltersObject = z.strictObject(FILTER_FIELDS);
export type FilterValues = z.output<typeof FiltersObject>;

/** Checks across parameters: a range that runs backwards, `directed` without a pair. */
interface CrossChecked {
  from?: string | undefined;
  to?: string | undefined;
  dyad?: string | undefined;
  directed?: boolean | undefined;
  goldstein_min?: number | undefined;
  goldstein_max?: number | undefined;
}

function crossChecks(f: CrossChecked, ctx: z.RefinementCtx): void {
  if (f.from && f.to && partialDateRange(f.from)!.lo > partialDateRange(f.to)!.hi) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `"from" (${f.from}) is after "to" (${f.to})` });
  }
  if (f.directed && !f.dyad) ctx.addIssue({ code: 'custom', path: ['directed'], message: '"directed" needs "dyad"' });
  if (f.goldstein_min !== undefined && f.goldstein_max !== undefined && f.goldstein_min > f.goldstein_max) {
    ctx.addIssue({ code: 'custom', path: ['goldstein_min'], message: '"goldstein_min" is above "goldstein_max"' });
  }
}

/** Filters of a list of events (`GET /api/events`, `GET /api/export`, `kronik events|export`). */
export const EventFiltersSchema = FiltersObject.superRefine(crossChecks);

/** A list page: the filters plus limit, offset or cursor, and sort. */
export const EventPageSchema = z
  .strictObject({ ...FILTER_FIELDS, ...PAGE_FIELDS })
  .superRefine(crossChecks)
  .superRefine((p, ctx) => {
    if (p.cursor !== undefined && p.offset !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: '"cursor" and "offset" cannot be combined' });
    }
  });

/** The one status an aggregate counts: occurred unless another is asked for; never several summed. */
export const aggregateStatus = choice(
  'modality',
  MODALITIES,
  'The one event status counted (default occurred): statuses are never summed with each other.',
);

/**
 * The filter fields of an aggregate (country pairs, series, network, map): those of a list, but
 * `modality` is one status, and the store counts occurred events when it is absent, so planned or
 * denied events never count as facts.
 */
export const AGGREGATE_FIELDS = { ...FILTER_FIELDS, modality: aggregateStatus };

/** An object schema of fields, with the checks across filters. */
export function paramsSchema<T extends Record<string, z.ZodType>>(fields: T) {
  return z.strictObject(fields).superRefine((v, ctx) => crossChecks(v as CrossChecked, ctx));
}

export const AggregateFiltersSchema = paramsSchema(AGGREGATE_FIELDS);

export { bool as boolParam, choice as choiceParam, int as intParam };

/** A validation failure: the first problem, with the parameter it concerns. */
export class FilterError extends Error {
  override name = 'FilterError';
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
  }
}

/** The first issue of a failed parse, as a message and a parameter name. */
export function describeIssue(error: z.ZodError, allowed: readonly string[]): FilterError {
  const issue = error.issues[0];
  if (!issue) return new FilterError('invalid parameters', null);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return new FilterError(`unknown parameter "${key}"; allowed: ${allowed.join(', ') || '(none)'}`, key);
  }
  const param = issue.path.length ? String(issue.path[0]) : null;
  return new FilterError(issue.message, param);
}

/** Parses raw values (strings, lists of strings) with `schema`; throws FilterError. */
export function parseWith<S extends z.ZodType>(schema: S, raw: Record<string, Raw>): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw describeIssue(r.error, Object.keys(shapeOf(schema)));
}

function shapeOf(schema: z.ZodType): Record<string, unknown> {
  let s: unknown = schema;
  // Unwrap refinements and transforms down to the object.
  for (let i = 0; i < 5; i++) {
    const def = (s as { _zod?: { def?: { type?: string; shape?: unknown; in?: unknown; schema?: unknown } } })._zod?.def;
    if (!def) break;
    if (def.type === 'object') return def.shape as Record<string, unknown>;
    s = def.in ?? def.schema;
  }
  return {};
}

/** The store's filters from validated values. */
export function toEventFilters(
  v: Partial<Omit<FilterValues, 'modality'>> & {
    modality?: Modality | Modality[] | undefined;
    limit?: number;
    offset?: number;
    cursor?: string;
    sort?: 'asc' | 'desc';
  },
): EventFilters {
  const f: EventFilters = {};
  if (v.dyad) f.dyad = v.dyad;
  if (v.directed) f.directed = true;
  if (v.actor) f.actor = v.actor;
  if (v.country) f.country = v.country;
  if (v.type) f.type = v.type;
  if (v.mode) f.mode = v.mode;
  if (v.modality) f.modality = v.modality as Modality | Modality[];
  if (v.from) f.from = v.from;
  if (v.to) f.to = v.to;
  if (v.outlet) f.outlet = v.outlet;
  if (v.q) f.text = v.q;
  if (v.place) f.place = v.place;
  if (v.quad) f.quad = v.quad.map(Number);
  if (v.goldstein_min !== undefined) f.goldsteinMin = v.goldstein_min;
  if (v.goldstein_max !== undefined) f.goldsteinMax = v.goldstein_max;
  if (v.confidence !== undefined) f.confidence = v.confidence;
  if (v.language) f.language = v.language;
  if (v.since) f.since = v.since;
  if (v.limit !== undefined) f.limit = v.limit;
  if (v.offset !== undefined) f.offset = v.offset;
  if (v.cursor !== undefined) f.cursor = v.cursor;
  if (v.sort) f.sort = v.sort;
  return f;
}
