#!/usr/bin/env node
// Entry point of the `kronik` command.
// Runs the compiled CLI in dist/ when it is up to date: no file under src/ is newer than the stamp
// `npm run build` leaves in dist/ (an installed package ships dist/ without src/, so it always runs
// dist/). Otherwise (a checkout that was edited after its last build, or never built) it runs src/
// through tsx, which compiles on the fly: slower to start, never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const stamp = join(root, 'dist', '.build-stamp');

/** Modification time of the newest file under `dir` (ms), stopping early once it passes `limit`. */
function newestMtime(dir, limit) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p, limit) : statSync(p).mtimeMs;
    if (t > newest) newest = t;
    if (newest > limit) break;
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return null;
  }
}

const built = builtAt();
if (built !== null && (!existsSync(src) || newestMtime(src, built) <= built)) {
  await import(pathToFileURL(join(root, 'dist', 'cli-bundle', 'kronik.js')).href);
} else {
  if (built !== null) process.stderr.write('kronik: src/ changed since the last build; running it through tsx (npm run build starts faster)\n');
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('kronik: dist/ is missing and tsx is not installed; run npm install (it builds dist/) or npm run build\n');
    process.exit(1);
  }
  register();
  await import(pathToFileURL(join(src, 'cli', 'main.ts')).href);
}
