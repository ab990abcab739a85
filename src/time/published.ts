// Publication time: read from a page's date line or metadata, or inferred from the dates in its text.
import { DateTime } from 'luxon';
import { escapeRegExp } from '../lexicon/load.ts';
import { findTimeExpressions, timeLexicon, weekdayOf, type Ymd, ymdIso } from './expressions.ts';

/** Default offset when a page states a time but no zone: WIB for Indonesian pages. */
const DEFAULT_OFFSET: Record<string, string> = { id: '+07:00', en: '+00:00' };

const TIME = /(?<![\d:])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d])\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/i;

const updateLabels = new Map<string, RegExp>();

/** Lines that label a later revision (lexicons/<lang>/time.yaml `update_labels`); the first publication wins. */
function updateLabel(lang: string): RegExp {
  let re = updateLabels.get(lang);
  if (!re) {
    re = new RegExp(`\\b(${(timeLexicon(lang).update_labels ?? []).map(escapeRegExp).join('|') || '(?!)'})\\b`, 'i');
    updateLabels.set(lang, re);
  }
  return re;
}

/**
 * Parses one date line such as "05/11/2020, 20:06 WIB", "Rabu, 17 November 2021 - 17:45 WIB",
 * "Write: 2019-10-04 17:19:56" or "Published: March 14, 2024 9:12 AM GMT+9".
 */
export function parseDateLine(line: string, lang: string): string | null {
  const iso = normaliseIso(line.trim(), lang);
  if (iso) return iso;
  // A full date names its day in digits: header lines without any (titles, bylines) need no search.
  if (!/\d/.test(line)) return null;
  const exprs = findTimeExpressions(line, lang);
  const full = exprs.find((e) => e.value.kind === 'date' && e.value.y && e.value.m && e.value.d);
  if (full?.value.kind !== 'date') return null;
  const day: Ymd = { y: full.value.y as number, m: full.value.m as number, d: full.value.d as number };
  const rest = line.slice(full.end);
  const t = TIME.exec(rest);
  if (!t) return ymdIso(day);
  let hh = Number(t[1]);
  const mm = Number(t[2]);
  const ss = Number(t[3] ?? 0);
  const ampm = t[4]?.toLowerCase().replace(/[.\s]/g, '');
  if (ampm === 'pm' && hh < 12) hh += 12;
  if (ampm === 'am' && hh === 12) hh = 0;
  if (hh > 23 || mm > 59) return ymdIso(day);
  const offset = zoneOffset(rest, lang) ?? DEFAULT_OFFSET[lang] ?? '+00:00';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${ymdIso(day)}T${p(hh)}:${p(mm)}:${p(ss)}${offset}`;
}

function zoneOffset(text: string, lang: string): string | null {
  const gmt = /\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b/i.exec(text);
  if (gmt) return `${gmt[1]}${gmt[2].padStart(2, '0')}:${gmt[3] ?? '00'}`;
  for (const [re, off] of zonePatterns(lang)) if (re.test(text)) return off;
  return null;
}

const zoneCache = new Map<string, [RegExp, string][]>();

/** The time-zone names of the lexicon as whole-word patterns, compiled once per language. */
function zonePatterns(lang: string): [RegExp, string][] {
  let list = zoneCache.get(lang);
  if (!list) {
    list = Object.entries(timeLexicon(lang).zones ?? {}).map(([name, off]): [RegExp, string] => [new RegExp(`\\b${name}\\b`), off]);
    zoneCache.set(lang, list);
  }
  return list;
}

/** An ISO 8601 timestamp (meta tags, JSON-LD, feeds) normalised to seconds with an offset. */
export function normaliseIso(s: string, lang: string): string | null {
  const m = /\b(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (!m) {
    // RFC 2822 dates of RSS feeds: "Thu, 14 Mar 2024 09:12:00 +0900". They state a time, so a line without
    // a colon is none, nor is one without digits (most lines tried are not dates, and a failed parse costs
    // an invalid DateTime).
    if (!s.includes(':') || !/\d/.test(s)) return null;
    const rfc = DateTime.fromRFC2822(s.trim(), { setZone: true });
    return rfc.isValid ? rfc.toISO({ suppressMilliseconds: true }) : null;
  }
  if (!m[2]) return m[1];
  const zone = m[3] ? (m[3] === 'Z' ? 'UTC' : `UTC${m[3].slice(0, 3)}:${m[3].slice(-2)}`) : `UTC${DEFAULT_OFFSET[lang] ?? '+00:00'}`;
  const dt = DateTime.fromISO(`${m[1]}T${m[2]}`, { zone });
  if (!dt.isValid) return m[1];
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })?.replace(/\.\d+/, '') ?? m[1];
}

/** The first date line of a page header; lines labelled as updates only if nothing else is dated. */
export function publishedFromLines(lines: string[], lang: string): string | null {
  let fallback: string | null = null;
  for (const line of lines) {
    if (line.length > 160) continue;
    const parsed = parseDateLine(line, lang);
    if (!parsed) continue;
    // "Write: … Update: …" on one line: the part before the update label.
    const upd = updateLabel(lang).exec(line);
    if (upd) {
      const before = parseDateLine(line.slice(0, upd.index), lang);
      if (before) return before;
      fallback ??= parsed;
      continue;
    }
    return parsed;
  }
  return fallback;
}

/**
 * For pages that state no date: the latest full date in the text ("Kamis (14/3/2024)"); failing that,
 * the latest day-and-month, placed in the year the text's month-year references imply.
 */
export function inferPublishedFromText(
  body: string,
  lang: string,
  officeYears?: [number, number] | null | (() => [number, number] | null),
): string | null {
  // The years may be costly to find (every name of the text) and are needed only for a date without its year.
  let range: [number, number] | null | undefined;
  const yearRange = () => {
    if (range === undefined) range = (typeof officeYears === 'function' ? officeYears() : officeYears) ?? null;
    return range;
  };
  const exprs = findTimeExpressions(body, lang);
  const days: Ymd[] = [];
  const partial: { m: number; d: number; start: number; weekday?: number }[] = [];
  const monthsWithYear: { y: number; m: number }[] = [];
  const years: number[] = [];
  for (const e of exprs) {
    if (e.value.kind !== 'date') continue;
    const v = e.value;
    if (v.y && v.m && v.d) days.push({ y: v.y, m: v.m, d: v.d2 ?? v.d });
    else if (!v.y && v.m && v.d) partial.push({ m: v.m, d: v.d2 ?? v.d, start: v.d, weekday: v.d2 ? undefined : v.weekday });
    else if (v.y && v.m) monthsWithYear.push({ y: v.y, m: v.m });
    else if (v.y) years.push(v.y);
  }
  const key = (d: Ymd) => d.y * 10000 + d.m * 100 + d.d;
  if (days.length) {
    // The date the text repeats most is the news day ("pada Kamis (5/11/2020)" twice); ties go to the latest.
    const count = new Map<number, number>();
    for (const d of days) count.set(key(d), (count.get(key(d)) ?? 0) + 1);
    days.sort((a, b) => (count.get(key(b)) ?? 0) - (count.get(key(a)) ?? 0) || key(b) - key(a));
    return ymdIso(days[0]);
  }
  // "Kamis (9/11)" names no year, but only some years put 9 November on a Thursday; the people the
  // text names in office narrow the years to those they held their posts.
  const withWeekday = partial.filter((p) => p.weekday);
  if (withWeekday.length) {
    const fits = (y: number) => withWeekday.every((p) => weekdayOf({ y, m: p.m, d: p.d }) === p.weekday);
    // The lead dates the news ("… pada Kamis (9/11)"); later weekdays may be plans ("Senin (13/11)").
    const first = withWeekday[0];
    // A year the text names itself ("akhir Juli 2022") is the surest: the one that fits the weekday wins.
    const named = [...new Set([...years, ...monthsWithYear.map((x) => x.y)])].filter(fits);
    if (named.length === 1) return ymdIso({ y: named[0], m: first.m, d: first.d });
    const range1 = yearRange();
    const cands: number[] = [];
    if (range1) for (let y = range1[1]; y >= range1[0]; y--) if (fits(y)) cands.push(y);
    // A page is not older than the years it names ("a meeting in April 2021"): when the office years leave a year
    // before the latest one named, the page is of a year from that one on (people named may have left office since).
    const latestNamed = Math.max(...years, ...monthsWithYear.map((x) => x.y));
    if (range1 && cands.length === 1 && cands[0] < latestNamed && latestNamed <= range1[1]) {
      cands.length = 0;
      for (let y = latestNamed + 2; y >= latestNamed; y--) if (fits(y)) cands.push(y);
    }
    if (cands.length === 1) return ymdIso({ y: cands[0], m: first.m, d: first.d });
  }
  // "began … on Thursday" with "June 27 to 29" in the next sentence: the lead's weekday and the first
  // day-month the text names, paired the same way, within the years of the people named.
  const bareWeekday = exprs.find((e) => e.value.kind === 'weekday');
  const range2 = !withWeekday.length && partial.length && bareWeekday?.value.kind === 'weekday' ? yearRange() : null;
  if (range2 && bareWeekday?.value.kind === 'weekday') {
    const weekday = bareWeekday.value.weekday;
    const first = partial[0];
    const cands: number[] = [];
    for (let y = range2[1]; y >= range2[0]; y--) if (weekdayOf({ y, m: first.m, d: first.start }) === weekday) cands.push(y);
    if (cands.length === 1) return ymdIso({ y: cands[0], m: first.m, d: first.start });
  }
  if (partial.length) {
    // With no month named with its year, the latest year the text names ("pada 2023") stands in.
    const latestMonth =
      monthsWithYear.sort((a, b) => b.y * 100 + b.m - (a.y * 100 + a.m))[0] ?? (years.length ? { y: Math.max(...years), m: 1 } : null);
    if (!latestMonth) return null;
    const latest = partial.sort((a, b) => b.m * 100 + b.d - (a.m * 100 + a.d))[0];
    let y = latestMonth.y;
    // A day-month earlier in the year than a month the text names with its year comes a year later.
    if (latest.m < latestMonth.m) y += 1;
    return ymdIso({ y, m: latest.m, d: latest.d });
  }
  return null;
}
