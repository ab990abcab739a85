// Serving the built web UI (web/dist) with correct content types, confined to its folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the UI by default (web/dist next to src/). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Vite's hashed assets never change; everything else is revalidated. */
  immutable: boolean;
}

/** The file for a URL path under `root`, or null (missing, a folder, or outside `root`). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${rel}`);
  if (!file.startsWith(base + sep)) return null;
  // Dot files (.git, .env, …) are never served.
  if (
    file
      .slice(base.length)
      .split(sep)
      .some((part) => part.startsWith('.'))
  )
    return null;
  try {
    const st = await stat(file);
    if (!st.isFile()) return null;
    return {
      body: new Uint8Array(await readFile(file)),
      type: contentType(file),
      immutable: rel.startsWith('/assets/'),
    };
  } catch {
    return null;
  }
}

/** Shown at / when the UI has not been built. Static text, no script. */
export function notBuiltPage(root: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kronik: web UI not built</title></head>
<body>
<h1>kronik</h1>
<p>The web UI has not been built yet (no <code>${esc(root)}/index.html</code>).</p>
<p>Build it with <code>npm run build:web</code> (that is, <code>npx vite build web</code>), then reload this page.</p>
<p>The JSON API is available meanwhile: <a href="/api/events">/api/events</a>, described by <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;
}
