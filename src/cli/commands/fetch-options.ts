// Options shared by the commands that fetch pages (worker, watch), and the fetcher they build.
import type { Command } from 'commander';
import { hostGate } from '../../fetch/host-gate.ts';
import { KRONIK_USER_AGENT } from '../../fetch/http.ts';
import { type PoliteFetcher, politeFetcher } from '../../fetch/polite.ts';
import { advisoryHostLock } from '../../queue/host-lock.ts';
import type { Store } from '../../store/store.ts';
import { durationMs, sizeBytes } from '../options.ts';

export interface PoliteOptions {
  delay: number;
  timeout: number;
  maxPageBytes: number;
  userAgent: string;
}

export function politeOptions(cmd: Command): Command {
  return cmd
    .option('--delay <duration>', 'pause after each request to a host (a robots.txt Crawl-delay that is longer wins)', durationMs, 1000)
    .option('--timeout <duration>', 'per request', durationMs, 20_000)
    .option('--max-page-bytes <size>', 'largest page fetched', sizeBytes, 5 * 1024 * 1024)
    .option(
      '--user-agent <ua>',
      'User-Agent sent (add a contact address; keep "kronik" in it for robots.txt)',
      process.env.KRONIK_USER_AGENT || KRONIK_USER_AGENT,
    );
}

/** The polite fetcher for these options; on PostgreSQL the one-request-per-host rule holds across workers. */
export function politeFetcherFromOptions(o: PoliteOptions, store: Store): PoliteFetcher {
  const lock = advisoryHostLock(store);
  const gate = hostGate({ delayMs: o.delay, ...(lock ? { lock } : {}) });
  return politeFetcher({ gate, userAgent: o.userAgent, timeoutMs: o.timeout, maxBytes: o.maxPageBytes });
}
