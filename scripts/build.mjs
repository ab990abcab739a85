#!/usr/bin/env node
// `npm run build`: src/ → dist/, from a clean dist/, in two outputs:
//   dist/**.js + .d.ts   tsc (TypeScript 7): the library, one module per source file, with declarations
//                        ('kronik' and 'kronik/server' in package.json point here);
//   dist/cli-bundle/     esbuild: the command line as one entry file plus chunks that its commands import
//                        when they run (`kronik --help` loads commander only). One file instead of about
//                        280 modules (linkedom alone is 134) takes about a third off the start of a command
//                        that reads pages. Dependencies with native code or optional native parts
//                        (better-sqlite3, pg-native) and vite stay outside.
// Then it stamps the build: bin/kronik.js runs dist/ only while no file under src/ is newer than the stamp
// (see "Building" in the README).
//
// The bundle sits two folders below the package root, as every source file does (src/<stage>/<file>.ts),
// because modules find the lexicons, web/dist and package.json relative to their own URL.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const tsc = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');

function fail(message) {
  rmSync(dist, { recursive: true, force: true });
  console.error(`kronik build: ${message}; dist/ removed`);
  process.exit(1);
}

if (!existsSync(tsc)) {
  console.error('kronik build: TypeScript is not installed (node_modules/.bin/tsc); run npm install first');
  process.exit(1);
}
// The stamp carries the time the build started: a source saved while the build runs counts as newer.
const started = new Date();
rmSync(dist, { recursive: true, force: true });

const r = spawnSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (r.status !== 0) fail(`tsc failed${r.error ? ` (${r.error.message})` : ''}`);

const esbuild = await import('esbuild');
try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { kronik: 'src/cli/main.ts' },
    outdir: 'dist/cli-bundle',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native', 'vite'],
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __kronikRequire } from 'node:module'; const require = __kronikRequire(import.meta.url);" },
    logLevel: 'warning',
  });
} catch (e) {
  fail(`esbuild failed (${e.message})`);
}

closeSync(openSync(stamp, 'w'));
utimesSync(stamp, started, started);
