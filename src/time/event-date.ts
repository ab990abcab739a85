// Event dating: the day (or span) an event happened or is planned for, from the time expressions of its
// sentence, the dates the page told before, or the page's own day.
import type { GrammarLexicon } from '../actors/lexicon.ts';
import { type SentenceContext, usable } from '../events/analysis.ts';
import type { Discourse } from '../events/discourse.ts';
import type { Modality } from '../types.ts';
import {
  addDays,
  type Direction,
  dayRange,
  parseIsoDay,
  type ResolvedDate,
  resolveTime,
  shiftBack,
  sinceCues,
  spanEnd,
  type TimeExpression,
  type Ymd,
  ymdIso,
} from './expressions.ts';

/** The last word of a text, as `text.trimEnd().split(/\s+/).pop()` finds it, without splitting the whole text. */
function lastWord(text: string): string {
  const head = text.trimEnd();
  let i = head.length;
  while (i > 0 && !/\s/.test(head[i - 1])) i--;
  return head.slice(i);
}

/** The first word of a text, as `text.split(/\s+/)[0]` finds it. */
function firstWord(text: string): string {
  const m = /\s/.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The possessive clitic as the tokenizer splits it ("Korea's" → "Korea", "'s"). */
const POSSESSIVE = new Set(["'s", '’s']);

/** What dating reads of the page: its day, its grammar words, its language and what it told before. */
export interface DatingContext {
  ref: Ymd | null;
  grammar: GrammarLexicon;
  lang: string;
  discourse: Discourse;
}

/** The trigger's tokens in its sentence. */
export interface TriggerSpan {
  from: number;
  to: number;
}

/** An event's date and where it came from. */
export interface EventDate {
  date: ResolvedDate | null;
  source: 'sentence' | 'inherited' | 'publication' | 'none';
  /** The expression that dates it. */
  text?: string;
}

/** What the coder knows of the event when it is dated. */
export interface DatingInput {
  modality: Modality;
  /** The modality cue, if any. */
  cue: string | null;
  /** The name of its source, if known: the same person's next act belongs to the same occasion. */
  sourceName: string | null;
  /** Whether the cue states readiness ("was still willing to"): dated when said, not by a plan told before. */
  ready: boolean;
  /** Whether the event reacts to a hostile act told before ("condemned the launch"). */
  reaction: boolean;
  /** Whether the verb carries no tense (a tenseless language or a present-tense trigger). */
  tenseless: boolean;
}

/**
 * Dates an event. A statement with no tense dated by a weekday is about the nearer such day, so it may turn
 * out to be planned: the modality is returned with the date.
 */
export function dateEvent(
  page: DatingContext,
  sc: SentenceContext,
  t: TriggerSpan,
  index: number,
  input: DatingInput,
): { when: EventDate; modality: Modality } {
  let { modality } = input;
  const { cue, ready } = input;
  const dir: Direction = modality === 'planned' || modality === 'expected' ? 'future' : 'past';
  let when = dateFromText(page, sc, t, dir, index, input.sourceName, modality === 'occurred', ready, modality === 'cancelled');
  // "Seoul, Washington and Tokyo condemned the launch": with no date of its own, a reaction to the act
  // referred back is dated by that act (reactions come the same day or the next).
  if (input.reaction && modality === 'occurred' && when.source !== 'sentence' && page.discourse.lastHostileDate?.precision === 'day')
    when = { date: page.discourse.lastHostileDate, source: 'inherited' };
  // Without tense, an unmarked statement dated by a weekday is about the nearer one: ahead means planned.
  if (input.tenseless && modality === 'occurred' && !cue && page.ref && when.source === 'sentence' && when.text) {
    const wd = sc.times.find((x) => x.text === when.text && x.value.kind === 'weekday');
    if (wd) {
      const ahead = dateFromText(page, sc, t, 'future', index);
      const refMs = Date.UTC(page.ref.y, page.ref.m - 1, page.ref.d);
      const past = dayRange(when.date?.date ?? null)?.[0] ?? refMs;
      const next = dayRange(ahead.date?.date ?? null)?.[0] ?? refMs;
      if (next - refMs < refMs - past) {
        modality = 'planned';
        when = ahead;
      }
    }
  }
  return { when, modality };
}

function dateFromText(
  page: DatingContext,
  sc: SentenceContext,
  t: TriggerSpan,
  dir: Direction,
  index: number,
  sourceName: string | null = null,
  done = false,
  ready = false,
  calledOff = false,
): EventDate {
  const tStart = sc.tokens[t.from].start;
  // "The meeting came two days after the North fired eight missiles": what follows "N days after" happened
  // that long before what the sentence told first (an event coded before it, a date it names, or the
  // page's day), unless its own clause names its date.
  const interval = sc.times.filter((x) => x.value.kind === 'interval' && x.end <= tStart).pop();
  // Only within the clause it opens: "11 days after Yoon took office, as Washington warned …" stops at "as".
  const subs = page.grammar.subordinators;
  const inClause = (from: number) =>
    !sc.tokens.some((x, i) => x.start >= from && x.start < tStart && subs.includes(x.norm) && sc.tokens[i - 1]?.text === ',');
  if (
    interval?.value.kind === 'interval' &&
    inClause(interval.end) &&
    !sc.times.some((x) => x.start >= interval.end && x.value.kind !== 'duration')
  ) {
    const told = page.discourse.sentence.datedAt.find((x) => x.from < t.from && sc.tokens[x.from].start < interval.start)?.date;
    const named = sc.times
      .filter((x) => x.end <= interval.start)
      .map((x) => resolveTime(x.value, page.ref, 'past'))
      .find((r) => r);
    const anchor =
      told ?? named ?? page.discourse.leadDate ?? (page.ref ? { date: ymdIso(page.ref), date_end: null, precision: 'day' as const } : null);
    const date = anchor ? shiftBack(anchor, interval.value.n, interval.value.unit) : null;
    if (date) return { date, source: 'sentence', text: interval.text };
  }
  // The other side: "Pertemuan … berlangsung dua hari setelah Korut menembakkan rudal pada Minggu (5/6)" — the
  // date after "N days after" is the earlier act's; the one told before it is that date plus N.
  const ahead = sc.times.find((x) => x.value.kind === 'interval' && x.start >= sc.tokens[t.to - 1].end);
  if (ahead?.value.kind === 'interval') {
    const later = sc.times.find((x) => x.start >= ahead.end && x.value.kind === 'date');
    const r = later ? resolveTime(later.value, page.ref, 'past') : null;
    const date = r ? shiftBack(r, -ahead.value.n, ahead.value.unit) : null;
    if (date && !sc.times.some((x) => x.end <= tStart && x.value.kind !== 'duration' && inClause(x.end)))
      return { date, source: 'sentence', text: `${ahead.text} ${later?.text}` };
  }
  // A date after a comma and then a word of sequence ("…, as Jakarta seeks … after its export ban earlier this
  // year") belongs to an earlier or later happening, not to this act; "…, ketika Cho mengunjungi AS akhir bulan
  // lalu" (same time) does date it.
  const sequence = page.grammar.sequence_words ?? [];
  const inClauseAfter = (to: number) => {
    const comma = sc.tokens.findIndex((x) => x.start > tStart && x.start < to && x.text === ',');
    return comma < 0 || !sc.tokens.some((x, i) => i > comma && x.start < to && sequence.includes(x.norm));
  };
  const since = sinceCues(page.lang);
  const dated = sc.times.filter((x) => {
    if (x.value.kind === 'duration') return false;
    // "summoned the envoy in the aftermath of last week's brawl": a time expression after the act that owns a noun
    // dates that noun, not the act ("Wednesday's summit, where they adopted …" before it does frame the act).
    const next = x.start > tStart ? sc.tokens.find((tk) => tk.start >= x.end) : undefined;
    if (next && next.start === x.end && POSSESSIVE.has(next.text)) return false;
    // Past "N days after", a date belongs to the earlier act.
    if (ahead && x.start >= ahead.end) return false;
    // "Yoon, a former prosecutor who won the March 9 election …, has pledged": a date in an aside about the
    // subject, closed before the act, is the aside's.
    if (x.end <= tStart) {
      const rel = page.grammar.relativizers;
      const opens = sc.tokens.some(
        (tk, i) => tk.end <= x.start && rel.includes(tk.norm) && sc.tokens.slice(Math.max(0, i - 8), i).some((y) => y.text === ','),
      );
      const closes = sc.tokens.some((tk) => tk.start >= x.end && tk.start < tStart && tk.text === ',');
      if (opens && closes) return false;
    }
    if (x.start > tStart && !inClauseAfter(x.start)) return false;
    // "her second meeting with Blinken this year": the current year or month frames a count; it does not date
    // an act that is done.
    if (
      done &&
      x.value.kind === 'relative' &&
      x.value.offset === 0 &&
      !x.value.part &&
      (x.value.unit === 'year' || x.value.unit === 'month')
    )
      return false;
    // A bare other year after the act is background ("urged … to return to the agreements reached in 2018").
    if (x.start > tStart && x.value.kind === 'date' && x.value.m === undefined && page.ref && x.value.y !== page.ref.y) return false;
    // A done act is not dated by a relative clause after it that tells another act with its own actor ("… the
    // G20 summit that Indonesia will host in Bali in November", "Deklarasi Panmunjom yang diteken Kim dan Moon
    // pada 27 April lalu").
    if (done && x.start > tStart) {
      const rel = sc.tokens.findIndex((tk) => tk.start > tStart && tk.start < x.start && page.grammar.relativizers.includes(tk.norm));
      if (rel >= 0 && sc.groups.some((gr) => gr.from > rel && gr.start < x.start && usable(gr))) return false;
    }
    // "sejak 2006" / "since 2006": a starting point, not the event's date.
    const before = lastWord(sc.s.text.slice(0, x.start - sc.s.start)).toLowerCase();
    const first = firstWord(x.text).toLowerCase();
    return !since.has(before) && !since.has(first);
  });
  let unresolved: string | undefined;
  if (dated.length) {
    // Prefer an expression in the trigger's own clause, then the nearest one.
    const clauseOf = (pos: number) => {
      let n = 0;
      sc.tokens.forEach((tk, i) => {
        if (tk.start < pos && sc.boundaryAt.has(i) && tk.word) n++;
      });
      return n;
    };
    const tc = clauseOf(tStart);
    // "left Pyongyang late on Wednesday and arrived in Hanoi early Thursday": a date before "and" belongs to the
    // verb coordinated before this one, when this one has a date of its own after it.
    const coordinated = (x: TimeExpression) =>
      x.end <= tStart && sc.tokens.some((tk) => tk.start >= x.end && tk.start < tStart && page.grammar.coordinators.includes(tk.norm));
    const ownAfter = dated.some(
      (x) =>
        x.start > tStart &&
        x.value.kind !== 'relative' &&
        !sc.tokens.some(
          (tk) => tk.start > tStart && tk.start < x.start && (tk.text === ',' || page.grammar.coordinators.includes(tk.norm)),
        ),
    );
    const otherVerb = (x: TimeExpression) => ownAfter && coordinated(x);
    // A bare year from another clause ("… pada 2006, …") is background, not this event's date.
    const scored = dated
      .map((x) => ({ x, same: clauseOf(x.start) === tc, dist: Math.abs(x.start - tStart) }))
      .filter(({ x, same }) => same || !(x.value.kind === 'date' && x.value.m === undefined))
      .sort((a, b) => Number(b.same) - Number(a.same) || Number(otherVerb(a.x)) - Number(otherVerb(b.x)) || a.dist - b.dist);
    // A plan whose own clause names no date keeps the date of the plan told before it, rather than a
    // date from another clause ("Biden is expected to hold talks with Yoon, who takes office on May 10").
    const planned = dir === 'future' && !ready ? page.discourse.lastDate.future : null;
    const plannedFits = planned && index - planned.sentence <= 15 && planned.date.precision !== 'year';
    for (const { x, same } of scored) {
      if (!same && plannedFits && planned) return { date: planned.date, source: 'inherited' };
      // A plan is not dated by another clause's day: "will impose sanctions …, a spokesperson said on Friday" (the day
      // it was told), "vetoed on Thursday a resolution that would have imposed …" (the day of the other act).
      if (!same && dir === 'future') continue;
      if (x.value.kind === 'relative' && x.value.unit === 'same') {
        // The day of the event told last (measured: better than the last date named anywhere).
        // (A date named in the sentence just before wins: "flew to the islets on Tuesday. Japan … the same day".)
        const latest = page.discourse.lastDate.latest;
        const same = (latest?.sentence === index - 1 && latest.date.precision === 'day' ? latest : (page.discourse.lastEventDate ?? latest))
          ?.date;
        const shift = x.value.offset;
        if (same && shift === 0) return { date: same, source: 'sentence', text: x.text };
        const day = same && same.precision === 'day' ? parseIsoDay(same.date) : null;
        if (day) return { date: { date: ymdIso(addDays(day, shift)), date_end: null, precision: 'day' }, source: 'sentence', text: x.text };
        continue;
      }
      const r = resolveTime(x.value, page.ref, dir);
      if (!r) {
        // (A page with no date of its own: "on Sunday" still tells which day, apart from "on Monday".)
        if (same && !page.ref) unresolved ??= x.text;
        continue;
      }
      // "agreed to restart talks within two to three weeks": a date ahead, told after what was done, dates
      // what was agreed on, not the agreement.
      if (done && page.ref && x.start > tStart && (dayRange(r.date)?.[0] ?? 0) > Date.UTC(page.ref.y, page.ref.m - 1, page.ref.d)) continue;
      let res = r;
      const dur = sc.times.find((d) => d.value.kind === 'duration' && d.start > x.start);
      if (dur && dur.value.kind === 'duration' && r.precision === 'day' && !r.date_end) {
        const end = spanEnd(r.date, dur.value.n, dur.value.unit);
        if (end) res = { ...r, date_end: end };
      }
      return { date: res, source: 'sentence', text: x.text };
    }
  }
  // A plan called off with no date of its own is the plan told before ("cancelled his visit planned for December 2.
  // … Trump 'postponed' his visit"): it keeps the plan's date, not the day it was called off.
  const plan = calledOff ? page.discourse.lastDate.future : null;
  if (plan && index - plan.sentence <= 15 && plan.date.precision !== 'year') return { date: plan.date, source: 'inherited' };
  // A plan told earlier carries its date to later sentences about it; a past statement with no date of
  // its own is dated by the page (background dates are named where they apply, "Saat itu" points back).
  const inherited = dir === 'future' ? (ready ? null : page.discourse.lastDate.future) : page.discourse.lastDate.past;
  const reach = dir === 'future' ? 15 : 0;
  if (inherited && index - inherited.sentence <= reach && inherited.date.precision !== 'year')
    return { date: inherited.date, source: 'inherited' };
  // The same person's next act, told right after a dated one, belongs to the same occasion
  // ("on 13 June the spokesman urged …. Speaking at the briefing, he reaffirmed …").
  const last = page.discourse.lastActorDate;
  if (dir === 'past' && sourceName && last?.name === sourceName && index - last.sentence === 1 && last.date.precision === 'day')
    return { date: last.date, source: 'inherited' };
  // With nothing else, the page's own day: when it happened, or when it was announced.
  if (page.ref) return { date: { date: ymdIso(page.ref), date_end: null, precision: 'day' }, source: 'publication' };
  return { date: null, source: 'none', ...(unresolved ? { text: unresolved } : {}) };
}
