// At most one request at a time per host, with a pause after each: within this process by a
// promise chain per host, and across processes (workers on many machines) by an optional lock.

/** Runs `fn` holding the lock of `host` across processes (e.g. a PostgreSQL advisory lock). */
export type CrossProcessLock = <T>(host: string, fn: () => Promise<T>) => Promise<T>;

export interface HostGate {
  /** Runs `fn` when no other request to `host` is running, then keeps the host for `pauseMs` more. */
  run<T>(host: string, fn: () => Promise<T>, pauseMs?: number): Promise<T>;
}

export interface HostGateOptions {
  /** Pause after each request to a host (default 1000 ms); a larger robots.txt Crawl-delay wins. */
  delayMs?: number;
  lock?: CrossProcessLock;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function hostGate(opts: HostGateOptions = {}): HostGate {
  const delayMs = opts.delayMs ?? 1000;
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(host: string, fn: () => Promise<T>, pauseMs?: number): Promise<T> {
      const pause = Math.max(delayMs, pauseMs ?? 0);
      const held = async () => {
        try {
          return await fn();
        } finally {
          if (pause > 0) await sleep(pause);
        }
      };
      const prev = tails.get(host) ?? Promise.resolve();
      const result = prev.then(() => (opts.lock ? opts.lock(host, held) : held()));
      const tail = result.then(
        () => {},
        () => {},
      );
      tails.set(host, tail);
      // Forget idle hosts so a long-running watcher does not keep one entry per host ever seen.
      void tail.then(() => {
        if (tails.get(host) === tail) tails.delete(host);
      });
      return result;
    },
  };
}
