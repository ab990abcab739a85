// Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as day ranges, and timestamps, for the store.
export type { DayRange } from '../time/ranges.ts';
export { eventDateRange, partialDateRange } from '../time/ranges.ts';

const DAY_MS = 86_400_000;

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Parses an ISO timestamp or date to epoch milliseconds; null when absent or unparsable. */
export function timestampMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}
