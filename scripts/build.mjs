#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (JavaScript with declarations) with tsc, from a clean dist/,
// then stamps the build. bin/kronik.js runs dist/ only while no file under src/ is newer than the stamp,
// so an edit after a build is never run from a stale dist/ (see "Building" in the README).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const tsc = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');

if (!existsSync(tsc)) {
  console.error('kronik build: TypeScript is not installed (node_modules/.bin/tsc); run npm install first');
  process.exit(1);
}
// The stamp carries the time the build started: a source saved while tsc runs counts as newer.
const started = new Date();
rmSync(dist, { recursive: true, force: true });
const r = spawnSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (r.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error(`kronik build: tsc failed${r.error ? ` (${r.error.message})` : ''}; dist/ removed`);
  process.exit(r.status || 1);
}
closeSync(openSync(stamp, 'w'));
utimesSync(stamp, started, started);
