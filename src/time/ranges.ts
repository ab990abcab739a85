// Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as day ranges: one definition for the coder and the store.

const DAY_MS = 86_400_000;

export interface DayRange {
  /** Days since 1970-01-01 of the first day covered. */
  lo: number;
  /** Days since 1970-01-01 of the last day covered (inclusive). */
  hi: number;
  /** 0 = day, 1 = month, 2 = year. */
  precision: 0 | 1 | 2;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The days a partial ISO date covers, or null when it is not one. */
export function partialDateRange(date: string | null | undefined): DayRange | null {
  if (!date) return null;
  const m = PARTIAL.exec(date.trim().slice(0, 10));
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const day = Date.UTC(y, mo - 1, d) / DAY_MS;
    return { lo: day, hi: day, precision: 0 };
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { lo: Date.UTC(y, mo - 1, 1) / DAY_MS, hi: Date.UTC(y, mo, 1) / DAY_MS - 1, precision: 1 };
  }
  return { lo: Date.UTC(y, 0, 1) / DAY_MS, hi: Date.UTC(y + 1, 0, 1) / DAY_MS - 1, precision: 2 };
}

/** The range from `date` to `date_end` (when given). Null when `date` is missing or malformed. */
export function eventDateRange(date: string | null | undefined, dateEnd: string | null | undefined): DayRange | null {
  const a = partialDateRange(date);
  if (!a) return null;
  const b = partialDateRange(dateEnd);
  if (!b) return a;
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.hi, b.hi);
  return { lo, hi, precision: a.precision };
}
