// Parsers for option values shared by the commands: counts, durations, sizes. A bad value is an
// InvalidArgumentError, which commander reports as one line naming the option (exit 1), not a crash.
import { InvalidArgumentError } from 'commander';

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`not a positive integer: ${v}`);
  return n;
}

export function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`not a non-negative integer: ${v}`);
  return n;
}

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "90", "90s", "15m", "2h", "1.5s", "250ms" → milliseconds (a bare number is seconds). */
export function durationMs(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError(`not a duration: ${v} (e.g. 500ms, 30s, 15m, 1h)`);
  return Math.round(Number(m[1]) * DURATION_UNITS[(m[2] ?? 's') as keyof typeof DURATION_UNITS]);
}

const SIZE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024 } as const;

/** "500kb", "5mb", "1024" → bytes (at least one). */
export function sizeBytes(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError(`not a size: ${v} (e.g. 500kb, 5mb)`);
  const n = Math.round(Number(m[1]) * SIZE_UNITS[(m[2] ?? 'b').toLowerCase() as keyof typeof SIZE_UNITS]);
  if (n < 1) throw new InvalidArgumentError(`not a size: ${v} (at least 1 byte)`);
  return n;
}

/** A TCP port: 0 to 65535 (0 picks a free one). */
export function portNumber(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError(`not a port number: ${v}`);
  return n;
}
