// The package as a user gets it: `npm pack` of a copy of this checkout (no dist/ yet, so packing must
// build it), the tarball installed into an empty folder, then its `kronik` bin and its library API
// ('kronik', 'kronik/server', with their types) used from there.
//
// Time: the install resolves the dependencies from the npm cache (--prefer-offline) and skips their
// install scripts; better-sqlite3's native addon is copied from this checkout's own install (same
// version, same Node) instead of compiling it again for a minute. Everything else is the tarball's.
import assert from 'node:assert/strict';
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs a command; throws with its output when it fails. */
function run(cmd: string, args: string[], opts: SpawnSyncOptions & { input?: string } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return String(r.stdout);
}

// What a fresh clone does not have: installed and built files, local stores, scratch folders.
const NOT_IN_A_CLONE = new Set(['node_modules', '.git', 'dist', 'web/dist', 'out', 'tmp', 'test-artifacts']);

describe('the npm package', () => {
  let work = '';
  let app = '';
  let bin = '';

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kronik-pack-'));
    const checkout = join(work, 'checkout');
    cpSync(ROOT, checkout, {
      recursive: true,
      filter: (p) => {
        const rel = relative(ROOT, p).split('\\').join('/');
        return !NOT_IN_A_CLONE.has(rel) && !/\.db(-journal|-wal|-shm)?$/.test(rel) && !rel.endsWith('.tgz');
      },
    });
    // The build and the UI build need the dev tools; this checkout's are the ones `npm install` gave.
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    mkdirSync(join(work, 'pack'));
    run(npm, ['pack', '--pack-destination', join(work, 'pack'), '--silent'], { cwd: checkout });
    const tarball = readdirSync(join(work, 'pack')).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote no tarball');

    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kronik-user', private: true, type: 'module' }));
    run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, 'pack', tarball)], { cwd: app });
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const ours = JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
    const theirs = JSON.parse(readFileSync(join(app, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
    if (ours === theirs && existsSync(join(ROOT, addon))) cpSync(join(ROOT, addon), join(app, addon));
    else run(npm, ['rebuild', 'better-sqlite3'], { cwd: app });
    bin = join(app, 'node_modules/.bin/kronik');
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('holds the compiled code, the lexicons and the built UI, and no TypeScript sources', () => {
    const pkg = join(app, 'node_modules/kronik');
    for (const f of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/server/index.d.ts',
      'dist/cli-bundle/kronik.js',
      'lexicons/en/events.yaml',
      'web/dist/index.html',
      'README.md',
    ]) {
      assert.ok(existsSync(join(pkg, f)), `${f} is missing from the package`);
    }
    assert.equal(existsSync(join(pkg, 'src')), false, 'src/ should not be shipped');
    assert.equal(existsSync(join(pkg, 'test')), false, 'test/ should not be shipped');
  });

  test('its kronik command runs the compiled CLI', () => {
    assert.equal(run(bin, ['--version'], { cwd: app }).trim(), version);
    const help = run(bin, ['--help'], { cwd: app });
    for (const cmd of ['extract', 'eval', 'ingest', 'events', 'export', 'serve', 'demo'])
      assert.match(help, new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  test('its kronik extract codes the events of bundled pages, text and HTML', () => {
    const dir = join(app, 'node_modules/kronik/corpus/demo/en');
    const names = readdirSync(dir).sort();
    const pages = [...names.filter((f) => f.endsWith('.txt')).slice(0, 2), ...names.filter((f) => f.endsWith('.html')).slice(0, 1)];
    assert.equal(pages.length, 3, `bundled pages: ${names.join(', ')}`);
    const docs = run(bin, ['extract', ...pages.map((f) => join(dir, f)), '--format', 'jsonl'], { cwd: app })
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { doc: string; title: string | null; language: string; events: unknown[] });
    assert.deepEqual(
      docs.map((d) => d.doc),
      pages,
    );
    for (const d of docs) {
      assert.equal(d.language, 'en', d.doc);
      assert.ok(d.title, `${d.doc} has no title`);
      assert.ok(d.events.length > 0, `${d.doc} has no events`);
    }
  });

  test('its library API processes a page and stores it, and kronik/server serves it', () => {
    const page = readdirSync(join(app, 'node_modules/kronik/corpus/demo/en')).find((f) => f.endsWith('.txt'));
    assert.ok(page);
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { openStore, ingestDocument, processRaw, queryEvents } from 'kronik';
import { createApp } from 'kronik/server';
const path = new URL('./node_modules/kronik/corpus/demo/en/${page}', import.meta.url);
const doc = processRaw({ doc: '${page}', path: path.pathname, kind: 'text', content: readFileSync(path, 'utf8') });
const store = await openStore(':memory:');
const ingest = await ingestDocument(store, doc);
const stored = await queryEvents(store, {});
const api = await createApp(store).request('/api/events');
console.log(JSON.stringify({ title: doc.title, events: doc.events.length, status: ingest.status, stored: stored.length, api: api.status }));
await store.close();
`,
    );
    const r = JSON.parse(run(process.execPath, ['use.mjs'], { cwd: app }));
    assert.ok(r.title, 'the page has a title');
    assert.ok(r.events > 0, 'the page has events');
    assert.equal(r.status, 'new');
    assert.ok(r.stored > 0 && r.stored <= r.events, `stored ${r.stored} of ${r.events}`);
    assert.equal(r.api, 200);
  });

  test('its types check a TypeScript user of the library', () => {
    writeFileSync(
      join(app, 'use.ts'),
      `import { type CodedEvent, type Document, openStore, processRaw, type Store } from 'kronik';
import { startServer } from 'kronik/server';
const doc: Document = processRaw({ doc: 'a.txt', path: 'a.txt', kind: 'text', content: 'Seoul, 5 March 2024.' });
const first: CodedEvent | undefined = doc.events[0];
// @ts-expect-error: a title is a string or null; this line fails to compile only while the types are real
const wrong: number = doc.title;
const store: Store = await openStore(':memory:');
void startServer;
export { first, store, wrong };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['use.ts'],
      }),
    );
    // tsc exits non-zero on any error, an unused @ts-expect-error included (run throws then).
    run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(app, 'tsconfig.json')], { cwd: app });
  });
});
