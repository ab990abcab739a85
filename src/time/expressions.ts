// Finds date expressions in text and resolves them against a reference date (the publication date).
// Words come from lexicons/<lang>/time.yaml; the grammar of numbers, days, months and spans is generic.
import { type Language, language } from '../lexicon/language.ts';
import { escapeRegExp } from '../lexicon/load.ts';
import type { TimeLexicon } from '../lexicon/schema.ts';
import { eventDateRange } from './ranges.ts';

/** `same`: the day of the event told just before ("pada hari yang sama"); resolved by the coder. */
export type Unit = 'day' | 'week' | 'month' | 'year' | 'same';
export type Direction = 'past' | 'future' | 'none';

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** What a date expression says, before it is placed on the calendar. */
export type TimeValue =
  | { kind: 'date'; y?: number; m?: number; d?: number; y2?: number; m2?: number; d2?: number; weekday?: number }
  | { kind: 'month-rel'; m: number; rel: 'past' | 'prev-year' | 'future' }
  | { kind: 'relative'; unit: Unit; offset: number; part?: 'start' | 'middle' | 'end' }
  | { kind: 'weekday'; weekday: number; localTime: boolean }
  | { kind: 'duration'; n: number; unit: Unit }
  /** "a week after …", "dua hari setelah …": the clause that follows happened this long before its anchor. */
  | { kind: 'interval'; n: number; unit: Unit };

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  value: TimeValue;
}

/** A resolved date: partial ISO start and optional end. */
export interface ResolvedDate {
  date: string;
  date_end: string | null;
  precision: 'day' | 'month' | 'year';
}

interface Grammar {
  lex: TimeLexicon;
  /** `cap(i)` tells whether group i of the match is capitalised in the original text. */
  patterns: {
    re: RegExp;
    build: (m: RegExpExecArray, cap: (i: number) => boolean) => TimeValue | null;
    priority: number;
    /** Words one of which starts every match, right after the leading \b and followed by \s, \.?\s or \b. */
    first?: string[];
    /** With `first`: a whole word of one to three digits (`\d{1,3}` followed by \s) starts a match too. */
    firstNumber?: boolean;
  }[];
  /** Patterns with `first` words: the words by their leading run of word characters, with the pattern's index. */
  firstWords: Map<string, { word: string; pattern: number }[]>;
  /** By the first character of a `firstWords` key, a bit per key length (1 << length, 31 for longer keys). */
  firstKeyLengths: Int32Array;
  /** The patterns whose `firstNumber` is set. */
  numberFirst: number[];
  /** The same patterns, sticky: tried only where one of their first words starts a word. */
  sticky: (RegExp | null)[];
}

const alt = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

export function timeLexicon(lang: string | Language): TimeLexicon {
  return language(lang).lexicon('time');
}

/** Words that make a date a starting point ("sejak 2006", "since 2006"), lower-cased. */
export function sinceCues(lang: string | Language): Set<string> {
  return language(lang).compiled('time.since', (l) => new Set((l.lexicon('time').since_cues ?? []).map((w) => w.toLowerCase())));
}

/** The date grammar of a language, compiled once. */
function grammar(lang: string | Language): Grammar {
  return language(lang).compiled('time', buildGrammar);
}

function buildGrammar(lang: Language): Grammar {
  const lex = lang.lexicon('time');
  const MONTH = alt(Object.keys(lex.months));
  const WEEKDAY = alt(Object.keys(lex.weekdays));
  const NUM = `\\d{1,3}|${alt(Object.keys(lex.numbers))}`;
  const JOIN = alt(lex.range_joiners);
  const MONTH_PREFIX = alt(lex.month_prefix ?? []) || '(?!)';
  const YEAR_PREFIX = alt(lex.year_prefix ?? []) || '(?!)';
  const month = (s: string) => lex.months[s.toLowerCase().replace(/\.$/, '')];
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : lex.numbers[s.toLowerCase()]);
  const year = (s: string | undefined) => {
    if (!s) return undefined;
    const n = Number(s);
    return s.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
  };
  const dmy = lex.numeric_order === 'dmy';
  // The first entry of each relative phrase, by its lower-case form.
  const relativeByPhrase = new Map<string, TimeLexicon['relative'][number]>();
  for (const r of lex.relative) if (!relativeByPhrase.has(r.phrase.toLowerCase())) relativeByPhrase.set(r.phrase.toLowerCase(), r);
  const agoUnits = alt(Object.keys(lex.ago.units));
  const durUnits = alt(Object.keys(lex.duration.units));
  // Word edges: the text is matched in lower case, and \b (ASCII) is much faster than Unicode lookarounds.
  const b = '\\b';
  const e = '\\b';
  const patterns: Grammar['patterns'] = [
    // ISO 2024-03-14
    {
      re: new RegExp(`${b}(\\d{4})-(\\d{2})-(\\d{2})${e}`, 'gu'),
      build: (m) => ({ kind: 'date', y: +m[1], m: +m[2], d: +m[3] }),
      priority: 9,
    },
    // year first: 2022/05/27, 2022.05.27
    {
      re: new RegExp(`${b}(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${e}`, 'gu'),
      build: (m) => (+m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31 ? { kind: 'date', y: +m[1], m: +m[2], d: +m[3] } : null),
      priority: 9,
    },
    // numeric 14/3/2024, (4/10/19)
    {
      re: new RegExp(`${b}(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${e}`, 'gu'),
      build: (m) => {
        const [d, mo] = dmy ? [+m[1], +m[2]] : [+m[2], +m[1]];
        return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { kind: 'date', y: year(m[3]), m: mo, d } : null;
      },
      priority: 9,
    },
    // weekday (d/m) without a year, as Indonesian news writes it: "Kamis (9/11)"
    {
      re: /\((\d{1,2})\/(\d{1,2})\)/gu,
      build: (m) => {
        const [d, mo] = dmy ? [+m[1], +m[2]] : [+m[2], +m[1]];
        return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { kind: 'date', m: mo, d } : null;
      },
      priority: 8,
    },
    // day range: 18–20 Maret (2024)
    {
      re: new RegExp(`${b}(\\d{1,2})\\s*(?:${JOIN})\\s*(\\d{1,2})\\s+(${MONTH})\\.?(?:,?\\s+(\\d{4}))?${e}`, 'gu'),
      build: (m) => ({ kind: 'date', y: year(m[4]), m: month(m[3]), d: +m[1], d2: +m[2] }),
      priority: 8,
    },
    // cross-month range: 30 Juni – 2 Juli 2024
    {
      re: new RegExp(`${b}(\\d{1,2})\\s+(${MONTH})\\s*(?:${JOIN})\\s*(\\d{1,2})\\s+(${MONTH})(?:,?\\s+(\\d{4}))?${e}`, 'gu'),
      build: (m) => ({ kind: 'date', y: year(m[5]), m: month(m[2]), d: +m[1], m2: month(m[4]), d2: +m[3] }),
      priority: 8,
    },
    // 14 Juni 2024, 14 Juni, 2nd April 2023
    {
      re: new RegExp(`${b}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?(?:,?\\s+(\\d{4}))?${e}`, 'gu'),
      build: (m) => ({ kind: 'date', y: year(m[3]), m: month(m[2]), d: +m[1] }),
      priority: 7,
    },
    // June 14, 2024 / June 14–16 / June 14
    {
      first: Object.keys(lex.months),
      re: new RegExp(
        `${b}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:${JOIN})\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?${e}`,
        'gu',
      ),
      build: (m, cap) => {
        if (!cap(1)) return null;
        return { kind: 'date', y: year(m[4]), m: month(m[1]), d: +m[2], ...(m[3] ? { d2: +m[3] } : {}) };
      },
      priority: 7,
    },
    // Juli 2000
    {
      first: Object.keys(lex.months),
      re: new RegExp(`${b}(${MONTH})\\s+(\\d{4})${e}`, 'gu'),
      build: (m, cap) => (cap(1) ? { kind: 'date', y: +m[2], m: month(m[1]) } : null),
      priority: 6,
    },
    // September lalu / Maret tahun lalu / Oktober mendatang / last September / next March
    {
      first: [...(lex.month_prefix ?? []), ...Object.keys(lex.months)],
      re: new RegExp(
        `${b}(?:(?:${MONTH_PREFIX})\\s+)?(${MONTH})\\s+(${alt([...lex.month_prev_year, ...lex.month_past, ...lex.month_future])})${e}`,
        'gu',
      ),
      build: (m, cap) => {
        if (!cap(1)) return null;
        const w = m[2].toLowerCase();
        const rel = lex.month_prev_year.includes(w) ? 'prev-year' : lex.month_past.includes(w) ? 'past' : 'future';
        return { kind: 'month-rel', m: month(m[1]), rel };
      },
      priority: 6,
    },
    {
      first: [...lex.month_past, ...lex.month_future],
      re: new RegExp(`${b}(${alt([...lex.month_past, ...lex.month_future])})\\s+(${MONTH})${e}`, 'gu'),
      build: (m, cap) => {
        if (!cap(2)) return null;
        const w = m[1].toLowerCase();
        return { kind: 'month-rel', m: month(m[2]), rel: lex.month_past.includes(w) ? 'past' : 'future' };
      },
      priority: 6,
    },
    // musim gugur mendatang / next spring / musim panas 2019: a season, dated by the month it begins
    ...(lex.seasons && Object.keys(lex.seasons).length
      ? [
          {
            first: Object.keys(lex.seasons),
            re: new RegExp(
              `${b}(${alt(Object.keys(lex.seasons))})\\s+(${alt([...lex.month_prev_year, ...lex.month_past, ...lex.month_future])}|\\d{4})${e}`,
              'gu',
            ),
            build: (m: RegExpExecArray): TimeValue | null => {
              const start = lex.seasons?.[m[1].toLowerCase()];
              if (!start) return null;
              if (/^\d{4}$/.test(m[2])) return { kind: 'date', y: +m[2], m: start };
              const w = m[2].toLowerCase();
              const rel = lex.month_prev_year.includes(w) ? 'prev-year' : lex.month_past.includes(w) ? 'past' : 'future';
              return { kind: 'month-rel', m: start, rel };
            },
            priority: 6,
          },
          {
            first: [...lex.month_past, ...lex.month_future],
            re: new RegExp(`${b}(${alt([...lex.month_past, ...lex.month_future])})\\s+(${alt(Object.keys(lex.seasons))})${e}`, 'gu'),
            build: (m: RegExpExecArray): TimeValue | null => {
              const start = lex.seasons?.[m[2].toLowerCase()];
              return start ? { kind: 'month-rel', m: start, rel: lex.month_past.includes(m[1].toLowerCase()) ? 'past' : 'future' } : null;
            },
            priority: 6,
          },
        ]
      : []),
    // relative phrases (longest first)
    {
      first: lex.relative.map((r) => r.phrase),
      re: new RegExp(`${b}(${alt(lex.relative.map((r) => r.phrase))})${e}`, 'gu'),
      build: (m) => {
        const r = relativeByPhrase.get(m[1].toLowerCase());
        return r ? { kind: 'relative', unit: r.unit, offset: r.offset, part: r.part } : null;
      },
      priority: 5,
    },
    // 3 hari lalu / two weeks ago / dua hari lagi
    {
      first: Object.keys(lex.numbers),
      firstNumber: true,
      re: new RegExp(`${b}(${NUM})\\s+(${agoUnits})\\s+(${alt([...lex.ago.past, ...lex.ago.future])})${e}`, 'gu'),
      build: (m) => {
        const n = num(m[1]);
        if (!n) return null;
        const sign = lex.ago.past.includes(m[3].toLowerCase()) ? -1 : 1;
        return { kind: 'relative', unit: lex.ago.units[m[2].toLowerCase()], offset: sign * n };
      },
      priority: 5,
    },
    // a week after / dua hari setelah / sepekan setelah
    ...(lex.interval
      ? [
          {
            first: [...Object.keys(lex.numbers), ...Object.keys(lex.interval.words ?? {})],
            firstNumber: true,
            re: new RegExp(
              `${b}(?:(${NUM})\\s+(${agoUnits})|(${alt(Object.keys(lex.interval.words ?? {})) || '(?!)'}))\\s+(?:${alt(lex.interval.after)})${e}`,
              'gu',
            ),
            build: (m: RegExpExecArray): TimeValue | null => {
              const word = m[3] ? lex.interval?.words?.[m[3].toLowerCase()] : null;
              if (word) return { kind: 'interval', n: word.n, unit: word.unit };
              const n = num(m[1]);
              return n ? { kind: 'interval', n, unit: lex.ago.units[m[2].toLowerCase()] } : null;
            },
            priority: 5,
          },
        ]
      : []),
    // selama 4 hari / for four days
    {
      re: new RegExp(`${b}(?:${alt(lex.duration.cues)})\\s+(${NUM})\\s+(${durUnits})${e}`, 'gu'),
      build: (m) => {
        const n = num(m[1]);
        return n ? { kind: 'duration', n, unit: lex.duration.units[m[2].toLowerCase()] } : null;
      },
      priority: 4,
    },
    // weekday (capitalised): Minggu, Selasa (waktu setempat), on Tuesday
    {
      first: Object.keys(lex.weekdays),
      re: new RegExp(`${b}(${WEEKDAY})${e}(\\s*\\((?:${alt(lex.local_time)})\\))?`, 'gu'),
      build: (m, cap) => (cap(1) ? { kind: 'weekday', weekday: lex.weekdays[m[1].toLowerCase()], localTime: !!m[2] } : null),
      priority: 3,
    },
    // a bare month after a cue: pada Oktober, in October
    {
      first: lex.date_cues,
      re: new RegExp(`${b}(?:${alt(lex.date_cues)})\\s+(?:(?:${MONTH_PREFIX})\\s+)?(${MONTH})${e}`, 'gu'),
      build: (m, cap) => (cap(1) ? { kind: 'date', m: month(m[1]) } : null),
      priority: 2,
    },
    // a bare year after a cue: pada 2021, in 2021
    {
      first: lex.date_cues,
      re: new RegExp(`${b}(?:${alt(lex.date_cues)})\\s+(?:(?:${YEAR_PREFIX})\\s+)?((?:19|20)\\d{2})${e}`, 'gu'),
      build: (m) => ({ kind: 'date', y: +m[1] }),
      priority: 2,
    },
  ];
  // A pattern is tried only where one of its first words stands as a whole word, if every one of them begins
  // and ends with an ASCII word character (then the \b before and the \s, \.?\s or \b after mean word edges).
  const firstWords: Grammar['firstWords'] = new Map();
  const firstKeyLengths = new Int32Array(128);
  const sticky = patterns.map((p, i) => {
    const ok = (w: string) => isWordChar(w.charCodeAt(0)) && isWordChar(w.charCodeAt(w.length - 1));
    if (!p.first?.length || !p.first.every(ok)) return null;
    for (const word of p.first) {
      let end = 1;
      while (end < word.length && isWordChar(word.charCodeAt(end))) end++;
      const key = word.slice(0, end);
      firstKeyLengths[key.charCodeAt(0)] |= 1 << Math.min(key.length, 31);
      const list = firstWords.get(key) ?? [];
      list.push({ word, pattern: i });
      firstWords.set(key, list);
    }
    return new RegExp(p.re.source, 'uy');
  });
  const numberFirst = patterns.flatMap((p, i) => (p.firstNumber && sticky[i] ? [i] : []));
  const g = { lex, patterns, firstWords, firstKeyLengths, numberFirst, sticky };
  return g;
}

/** [A-Za-z0-9_], the word characters of \b. */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Where each pattern with first words may match: the word starts at which one of its first words stands as a
 * whole word, ascending. One pass over the words of the text replaces a regex scan per pattern (most such
 * words are rare).
 */
function firstWordStarts(g: Grammar, lower: string): number[][] {
  const at: number[][] = g.patterns.map(() => []);
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(lower.charCodeAt(j))) j++;
    // Most words have no key of their first letter and length: no substring and no lookup for them.
    const lengths = g.firstKeyLengths[lower.charCodeAt(i)];
    const list = lengths & (1 << Math.min(j - i, 31)) ? g.firstWords.get(lower.slice(i, j)) : undefined;
    if (j - i <= 3 && g.numberFirst.length && isDigits(lower, i, j)) for (const k of g.numberFirst) at[k].push(i);
    if (list)
      for (const f of list) {
        const hits = at[f.pattern];
        if (hits[hits.length - 1] !== i && lower.startsWith(f.word, i) && !isWordChar(lower.charCodeAt(i + f.word.length))) hits.push(i);
      }
    i = j;
  }
  return at;
}

/** All date expressions of a text, left to right, without overlaps (longer and stronger win). */
export function findTimeExpressions(text: string, lang: string | Language): TimeExpression[] {
  const g = grammar(lang);
  const found: (TimeExpression & { priority: number })[] = [];
  // Case-insensitive Unicode regexes are slow in V8: match on a lower-cased copy of the same length.
  let lower = text.toLowerCase();
  if (lower.length !== text.length)
    lower = text.replace(/\p{Lu}/gu, (c) => {
      const l = c.toLowerCase();
      return l.length === c.length ? l : c;
    });
  // One function for all matches (not a closure per match): it reads the match being built.
  let match: RegExpExecArray | null = null;
  const cap = (i: number) => {
    if (!match) return false;
    const at = match.index + match[0].indexOf(match[i]);
    return /^\p{Lu}/u.test(text.slice(at, at + 1));
  };
  const starts = g.firstWords.size ? firstWordStarts(g, lower) : null;
  for (let k = 0; k < g.patterns.length; k++) {
    const p = g.patterns[k];
    const sticky = g.sticky[k];
    // The next match: the global regex's, or the sticky one's at the next start past the previous match
    // (the same matches: every match of the pattern begins at one of these starts).
    let from = 0;
    let s = 0;
    const at = sticky && starts ? starts[k] : null;
    p.re.lastIndex = 0;
    // (A loop, not a closure per pattern and page.)
    for (;;) {
      let m: RegExpExecArray | null = null;
      if (!sticky || !at) m = p.re.exec(lower);
      else
        for (; s < at.length; s++) {
          if (at[s] < from) continue;
          sticky.lastIndex = at[s];
          const r = sticky.exec(lower);
          if (r) {
            from = r.index + r[0].length;
            m = r;
            break;
          }
        }
      if (!m) break;
      match = m;
      const value = p.build(m, cap);
      if (!value) continue;
      if (value.kind === 'date' && value.m !== undefined && !value.m) continue;
      // The bare-month and bare-year patterns include their cue word; the value starts at the cue.
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        text: text.slice(m.index, m.index + m[0].length),
        value,
        priority: p.priority,
      });
    }
  }
  // Stronger patterns first, then longer matches; a match overlapping an accepted one is dropped.
  found.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: TimeExpression[] = [];
  for (const f of found) {
    if (accepted.some((x) => f.start < x.end && x.start < f.end)) continue;
    accepted.push({ start: f.start, end: f.end, text: f.text, value: f.value });
  }
  const out = accepted.sort((a, b) => a.start - b.start);
  // "Kamis (14/3/2024)", "Jumat pekan depan (20/5)": words right before a day-precise date only restate it.
  const kept: TimeExpression[] = [];
  let anchor: TimeExpression | null = null;
  for (let i = out.length - 1; i >= 0; i--) {
    const x = out[i];
    const restates = anchor && anchor.start - x.end <= 3 && (x.value.kind === 'weekday' || x.value.kind === 'relative');
    if (restates && anchor) {
      anchor.start = x.start;
      // Keep the weekday: it tells the year of a date written without one ("Kamis (9/11)").
      if (x.value.kind === 'weekday' && anchor.value.kind === 'date') anchor.value = { ...anchor.value, weekday: x.value.weekday };
      continue;
    }
    kept.push(x);
    anchor = x.value.kind === 'date' && x.value.d !== undefined ? x : null;
  }
  return kept.reverse();
}

// ---- calendar arithmetic on plain days (UTC, no time zones involved) ----
const DAY_MS = 86400000;
const toMs = (d: Ymd) => Date.UTC(d.y, d.m - 1, d.d);
const fromMs = (ms: number): Ymd => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
export const addDays = (d: Ymd, n: number) => fromMs(toMs(d) + n * DAY_MS);
const isoWeekday = (d: Ymd) => ((new Date(toMs(d)).getUTCDay() + 6) % 7) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
export const weekdayOf = (d: Ymd) => isoWeekday(d);
export const ymdIso = (d: Ymd) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const ymIso = (y: number, m: number) => `${y}-${pad(m)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addMonths(y: number, m: number, n: number): [number, number] {
  const t = y * 12 + (m - 1) + n;
  return [Math.floor(t / 12), (t % 12) + 1];
}
export function parseIsoDay(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/**
 * Places an expression on the calendar. `ref` is the publication day; `dir` says whether the
 * statement is about the past (occurred) or the future (planned, expected), which decides
 * "pada Minggu" and a bare "Oktober".
 */
/** How many days before the reference a planned day may fall and still be in the reference's year. */
const PLAN_LAG_DAYS = 7;

export function resolveTime(v: TimeValue, ref: Ymd | null, dir: Direction): ResolvedDate | null {
  switch (v.kind) {
    case 'date': {
      let y = v.y;
      if (v.m === undefined) return y ? { date: String(y), date_end: null, precision: 'year' } : null;
      if (y === undefined) {
        if (!ref) return null;
        y = ref.y;
        const probe = v.d ? toMs({ y, m: v.m, d: v.d }) : Date.UTC(y, v.m - 1, 1);
        const refMs = toMs(ref);
        const span = v.d ? DAY_MS * 2 : 0;
        if (dir === 'past' || dir === 'none') {
          // A month or day later than the reference belongs to the previous year, unless it is only a
          // few weeks ahead (a date the text announces) or the text speaks of the future.
          const refMonthStart = Date.UTC(ref.y, ref.m - 1, 1);
          if (v.d ? probe > refMs + span : probe > refMonthStart) {
            const ahead = probe - refMs;
            if ((dir === 'past' && ahead > 45 * DAY_MS) || ahead > 183 * DAY_MS) y -= 1;
          }
          // (A plan for a day a few days before the reference is this year's: the page's day may be only inferred from
          // the latest date its text names, "kembali pada 25 Agustus 2023", later than "akan … pada 22-24 Agustus".)
        } else if (v.d ? probe < refMs - PLAN_LAG_DAYS * DAY_MS : probe < Date.UTC(ref.y, ref.m - 1, 1)) y += 1;
      }
      if (v.d === undefined) return { date: ymIso(y, v.m), date_end: null, precision: 'month' };
      const start = { y, m: v.m, d: v.d };
      let end: string | null = null;
      if (v.d2 !== undefined) {
        const m2 = v.m2 ?? v.m;
        const y2 = m2 < v.m ? y + 1 : y;
        end = ymdIso({ y: y2, m: m2, d: v.d2 });
      }
      return { date: ymdIso(start), date_end: end, precision: 'day' };
    }
    case 'month-rel': {
      if (!ref) return null;
      let y = ref.y;
      if (v.rel === 'prev-year') y -= 1;
      else if (v.rel === 'past') {
        if (v.m >= ref.m) y -= 1;
      } else if (v.m <= ref.m) y += 1;
      return { date: ymIso(y, v.m), date_end: null, precision: 'month' };
    }
    case 'relative': {
      if (!ref || v.unit === 'same') return null;
      if (v.unit === 'day') return { date: ymdIso(addDays(ref, v.offset)), date_end: null, precision: 'day' };
      if (v.unit === 'week') {
        const monday = addDays(ref, 1 - isoWeekday(ref) + 7 * v.offset);
        // "awal pekan depan" Monday–Wednesday, "akhir pekan ini" Friday–Sunday, else the whole week.
        const [from, to] = v.part === 'start' ? [0, 2] : v.part === 'end' ? [4, 6] : v.part === 'middle' ? [2, 4] : [0, 6];
        return { date: ymdIso(addDays(monday, from)), date_end: ymdIso(addDays(monday, to)), precision: 'day' };
      }
      if (v.unit === 'month') {
        const [y, m] = addMonths(ref.y, ref.m, v.offset);
        if (!v.part) return { date: ymIso(y, m), date_end: null, precision: 'month' };
        // "akhir bulan lalu": the last ten days of the month, "awal bulan ini" the first ten.
        const last = lastDay(y, m);
        const [from, to] = v.part === 'start' ? [1, 10] : v.part === 'end' ? [last - 9, last] : [11, 20];
        return { date: ymdIso({ y, m, d: from }), date_end: ymdIso({ y, m, d: to }), precision: 'day' };
      }
      return { date: String(ref.y + v.offset), date_end: null, precision: 'year' };
    }
    case 'weekday': {
      if (!ref) return null;
      const diff = v.weekday - isoWeekday(ref);
      let offset: number;
      if (dir === 'future') offset = diff >= 0 ? diff : diff + 7;
      else offset = diff <= 0 ? diff : diff - 7;
      return { date: ymdIso(addDays(ref, offset)), date_end: null, precision: 'day' };
    }
    case 'duration':
    case 'interval':
      return null;
  }
}

/** The day `n` units before an anchor day ("a week after X" dates X; a negative `n` counts forward); coarser anchors give null. */
export function shiftBack(anchor: ResolvedDate, n: number, unit: Unit): ResolvedDate | null {
  const d = anchor.precision === 'day' ? parseIsoDay(anchor.date) : null;
  if (!d) return null;
  if (unit === 'day' || unit === 'week')
    return { date: ymdIso(addDays(d, -(unit === 'week' ? 7 : 1) * n)), date_end: null, precision: 'day' };
  if (unit === 'month') {
    const [y, m] = addMonths(d.y, d.m, -n);
    return { date: ymIso(y, m), date_end: null, precision: 'month' };
  }
  if (unit === 'year') return { date: String(d.y - n), date_end: null, precision: 'year' };
  return null;
}

/** Closes a span: an event starting on `start` and lasting `n` units ("selama 4 hari"). */
export function spanEnd(start: string, n: number, unit: Unit): string | null {
  const d = parseIsoDay(start);
  if (!d) return null;
  if (unit === 'day') return ymdIso(addDays(d, n));
  if (unit === 'week') return ymdIso(addDays(d, 7 * n));
  if (unit === 'month') {
    const [y, m] = addMonths(d.y, d.m, n);
    return ymdIso({ y, m, d: Math.min(d.d, lastDay(y, m)) });
  }
  return null;
}

/** Inclusive range, in milliseconds, of a partial ISO date and an optional end (see ranges.ts). */
export function dayRange(date: string | null, dateEnd?: string | null): [number, number] | null {
  const r = eventDateRange(date, dateEnd);
  return r ? [r.lo * DAY_MS, r.hi * DAY_MS] : null;
}

/** Two partial dates are compatible when their day ranges overlap, with a day of slack. */
export function datesCompatible(a: [number, number] | null, b: [number, number] | null): boolean {
  if (!a || !b) return true;
  return a[0] <= b[1] + DAY_MS && b[0] <= a[1] + DAY_MS;
}
