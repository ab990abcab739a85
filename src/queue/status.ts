// `kronik status`: what the queue holds, how fast it drains, and the latest failures with their reasons.
import { DEAD_LETTER_QUEUE, PAGES_QUEUE, type Queue } from './boss.ts';

export interface QueueStatus {
  /** Waiting jobs: new, or failed and due for another try. */
  queued: number;
  active: number;
  /** Jobs that failed their last try (each also on the dead-letter list). */
  failed: number;
  completed: number;
  /** Jobs on the dead-letter list. */
  dead_letter: number;
  /** Pages stored per second over the last minute, over all workers. */
  pages_per_second: number;
  /** The latest failures, newest first (including tries that will be retried). */
  recent_failures: { id: string; at: string; state: string; tries: number; reason: string }[];
}

/** Reads the queue's state from pg-boss's tables (live jobs and the archive). */
export async function queueStatus(queue: Queue, opts: { failures?: number } = {}): Promise<QueueStatus> {
  const s = `"${queue.schema}"`;
  const counts = await queue.query<{ name: string; state: string; n: string }>(
    `SELECT name, state::text AS state, count(*) AS n FROM (
       SELECT name, state FROM ${s}.job WHERE name IN ($1, $2)
       UNION ALL
       SELECT name, state FROM ${s}.archive WHERE name IN ($1, $2)
     ) j GROUP BY name, state`,
    [PAGES_QUEUE, DEAD_LETTER_QUEUE],
  );
  const n = (name: string, ...states: string[]) =>
    counts.filter((c) => c.name === name && (!states.length || states.includes(c.state))).reduce((a, c) => a + Number(c.n), 0);
  const [rate] = await queue.query<{ pages: string | null }>(
    `SELECT sum((output->>'pages')::int) AS pages FROM ${s}.job
      WHERE name = $1 AND state = 'completed' AND completed_on > now() - interval '60 seconds'`,
    [PAGES_QUEUE],
  );
  const failures = await queue.query<{ id: string; at: Date; state: string; tries: number; output: Record<string, unknown> | null }>(
    `SELECT id, completed_on AS at, state::text AS state, retry_count + 1 AS tries, output FROM (
       SELECT id, state, retry_count, output, coalesce(completed_on, started_on) AS completed_on FROM ${s}.job
        WHERE name = $1 AND output IS NOT NULL AND state IN ('failed', 'retry')
       UNION ALL
       SELECT id, state, retry_count, output, completed_on FROM ${s}.archive WHERE name = $1 AND state = 'failed'
     ) f ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
    [PAGES_QUEUE, opts.failures ?? 10],
  );
  return {
    queued: n(PAGES_QUEUE, 'created', 'retry'),
    active: n(PAGES_QUEUE, 'active'),
    failed: n(PAGES_QUEUE, 'failed'),
    completed: n(PAGES_QUEUE, 'completed'),
    dead_letter: n(DEAD_LETTER_QUEUE),
    pages_per_second: Number(rate?.pages ?? 0) / 60,
    recent_failures: failures.map((f) => ({
      id: f.id,
      at: f.at instanceof Date ? f.at.toISOString() : String(f.at),
      state: f.state,
      tries: Number(f.tries),
      reason: reasonOf(f.output),
    })),
  };
}

function reasonOf(output: Record<string, unknown> | null): string {
  if (!output) return 'unknown';
  if (typeof output.message === 'string') return output.message;
  const v = output.value as Record<string, unknown> | undefined;
  if (v && typeof v.message === 'string') return v.message;
  return JSON.stringify(output);
}
