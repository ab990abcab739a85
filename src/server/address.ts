// Where the server listens by default, and which hosts are loopback. Kept apart from serve.ts so the
// CLI can show these defaults in `--help` without loading the server.
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
