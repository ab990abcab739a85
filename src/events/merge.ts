// One event per event: the classes events are compared by — quad class, symmetric types, dyads — defined once
// here for the coder and the store, and the merge of restatements of one event within a page.
import { datesCompatible, dayRange } from '../time/expressions.ts';
import type { Actor, CodedEvent, EventType, Modality } from '../types.ts';
import { featuresOf } from './features.ts';

/** PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. kronik counts SANCTION as material conflict (4). */
export const QUAD_CLASS: Record<EventType, 1 | 2 | 3 | 4> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

/** The quad class of a type, null for a type PLOVER does not have. */
export function quadClass(type: string): number | null {
  return (QUAD_CLASS as Record<string, number>)[type] ?? null;
}

/** Types whose two sides act together (meetings, calls, agreements, co-operation). */
const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/** Whether events of a type join two sides as one pair ("met … and agreed …" keeps the pair), a visit included. */
export const joinsPair = (type: string) => SYMMETRIC_TYPES.has(type);

/** Symmetric events: source and target may be swapped (meetings, calls, agreements; a visit has a host). */
export function isSymmetric(type: string, mode: string | null | undefined): boolean {
  return SYMMETRIC_TYPES.has(type) && !featuresOf(type, mode).travel;
}

/** How a missing country is written in a dyad. */
export const NO_COUNTRY = '-';

/** Unordered dyad key, e.g. "KOR:USA"; a missing country is "-". */
export function dyadKey(a: string | null | undefined, b: string | null | undefined): string {
  const x = a || NO_COUNTRY;
  const y = b || NO_COUNTRY;
  return x <= y ? `${x}:${y}` : `${y}:${x}`;
}

/** The dyad of an event: unordered when it is symmetric, else from source to target ("USA>KOR"). */
export function eventDyad(e: Pick<CodedEvent, 'type' | 'mode' | 'source' | 'target'>): string {
  if (isSymmetric(e.type, e.mode)) return dyadKey(e.source.country, e.target.country);
  return `${e.source.country || NO_COUNTRY}>${e.target.country || NO_COUNTRY}`;
}

/** Plans and forecasts are one class of modality: a planned meeting restated as expected is the same one. */
const futureClass = (m: Modality) => (m === 'planned' || m === 'expected' ? 'future' : m);

const precision = (d: string | null) => (d ? d.length : 0);

/** Two mentions with different named people on one side are different events. */
function actorsCompatible(a: CodedEvent, b: CodedEvent): boolean {
  const same = (x: Actor, y: Actor) => !x.name || !y.name || x.name === y.name;
  if (same(a.source, b.source) && same(a.target, b.target)) return true;
  return eventDyad(a) === eventDyad(b) && a.source.country !== b.source.country && same(a.source, b.target) && same(a.target, b.source);
}

/** Whether a day range lies inside another (a talk on the days of a visit, not the day after it). */
const within = (a: [number, number] | null, b: [number, number] | null) => !!a && !!b && a[0] >= b[0] && a[1] <= b[1];

/** Two undated events told on different days named in their sentences ("on Sunday" / "on Monday" on a page with no date). */
const differentDaysUndated = (a: CodedEvent, b: CodedEvent) => {
  const [x, y] = [a.provenance?.date_text, b.provenance?.date_text];
  return !a.date && !b.date && !!x && !!y && x.toLowerCase() !== y.toLowerCase();
};

/** Restatements of one event in a document (headline, lead, later paragraph) become one event. */
export function mergeWithinDocument(events: CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const e of events) {
    // "Putin last visited Pyongyang in July 2000, when he met Kim Jong-il": talks told in the sentence of a
    // visit between the same two states are that visit.
    const pair = (x: CodedEvent) => dyadKey(x.source.country, x.target.country);
    const visit =
      featuresOf(e.type, e.mode).meeting && e.mode === null
        ? out.find(
            (o) =>
              featuresOf(o.type, o.mode).travel &&
              o.evidence.start === e.evidence.start &&
              pair(o) === pair(e) &&
              futureClass(o.modality) === futureClass(e.modality) &&
              within(dayRange(e.date, e.date_end), dayRange(o.date, o.date_end)),
          )
        : undefined;
    if (visit) continue;
    const same = out.find(
      (o) =>
        o.type === e.type &&
        // Talks, and talks held in a third state, may be one meeting; a visit, a call or a summit of many is not.
        (o.mode === e.mode || (featuresOf(o.type, null).meeting && [o.mode, e.mode].every((m) => m === null || m === 'third-party'))) &&
        eventDyad(o) === eventDyad(e) &&
        futureClass(o.modality) === futureClass(e.modality) &&
        actorsCompatible(o, e) &&
        !differentDaysUndated(o, e) &&
        datesCompatible(dayRange(o.date, o.date_end), dayRange(e.date, e.date_end)),
    );
    if (!same) {
      out.push(e);
      continue;
    }
    if (same.evidence.start !== e.evidence.start) (same.evidence_more ??= []).push(e.evidence);
    // Keep the most precise date and the better-named actors.
    if (precision(e.date) > precision(same.date) || (precision(e.date) === precision(same.date) && !same.date_end && e.date_end)) {
      same.date = e.date;
      same.date_end = e.date_end;
    }
    if (!same.source.name && e.source.name && e.source.country === same.source.country) same.source = e.source;
    if (!same.target.name && e.target.name && e.target.country === same.target.country) same.target = e.target;
    if (!same.place && e.place) same.place = e.place;
    if (same.mode === null && e.mode) same.mode = e.mode;
    same.confidence = Math.min(0.97, Number((Math.max(same.confidence, e.confidence) + 0.03).toFixed(2)));
  }
  return out;
}
