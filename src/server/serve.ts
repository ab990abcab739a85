// Starting the HTTP server: a store, the app, and a Node listener (loopback by default).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openStore, type Store } from '../store/index.ts';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from './address.ts';
import { createApp } from './app.ts';

export { DEFAULT_HOST, DEFAULT_PORT, isLoopback };

export interface ServeOptions {
  /** Store URL or SQLite path (default $KRONIK_DB or ./kronik.db). */
  db?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder of the built UI (default web/dist). */
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  // The API only reads: the store is opened read-only, so a shared file or a read-only mount can be served.
  const store = await openStore(opts.db, { readonly: true });
  // On loopback, only accept loopback Host headers: a web page elsewhere cannot rebind a
  // name of its own to 127.0.0.1 and read the chronicle.
  const allowedHosts = isLoopback(host) ? ['127.0.0.1', 'localhost', '::1', host.replace(/^\[|\]$/g, '')] : undefined;
  const app = createApp(store, { ...(opts.webRoot ? { webRoot: opts.webRoot } : {}), ...(allowedHosts ? { allowedHosts } : {}) });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (e) {
    await store.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new Error(
        `port ${port} on ${host} is taken (is kronik already running?); choose another: --port ${port + 1} (npm start -- --port ${port + 1})`,
      );
    if (err.code === 'EACCES') throw new Error(`port ${port} on ${host} may not be used by this user; choose another with --port`);
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' || addr.address.includes(':') ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shown}:${addr.port}`,
    store,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
        });
        await store.close();
      })();
      return closing;
    },
  };
}
