// bin/kronik.js picks what it runs: dist/ while no file under src/ is newer than the build stamp, src/
// through tsx otherwise (saying so when a stale dist/ is passed over), dist/ always when src/ is absent
// (an installed package). Checked on a scratch package whose two entry points print which one ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli.ts';

describe('bin/kronik.js', () => {
  let pkg = '';
  const stamp = () => join(pkg, 'dist/.build-stamp');
  const setTime = (path: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(path, t, t);
  };
  const runBin = () => {
    const r = spawnSync(process.execPath, [join(pkg, 'bin/kronik.js'), '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return { ran: r.stdout.trim(), stderr: r.stderr };
  };

  before(() => {
    pkg = mkdtempSync(join(tmpdir(), 'kronik-bin-'));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module' }));
    mkdirSync(join(pkg, 'bin'));
    cpSync(join(ROOT, 'bin/kronik.js'), join(pkg, 'bin/kronik.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    mkdirSync(join(pkg, 'src/cli'), { recursive: true });
    writeFileSync(join(pkg, 'src/cli/main.ts'), "const ran: string = 'src';\nconsole.log(ran);\n");
    writeFileSync(join(pkg, 'src/types.ts'), 'export type T = 1;\n');
  });
  after(() => {
    if (pkg) rmSync(pkg, { recursive: true, force: true });
  });

  test('never built: runs src/ through tsx, without a note', () => {
    const r = runBin();
    assert.equal(r.ran, 'src');
    assert.equal(r.stderr, '');
  });

  test('built after the last edit: runs dist/', () => {
    mkdirSync(join(pkg, 'dist/cli-bundle'), { recursive: true });
    writeFileSync(join(pkg, 'dist/cli-bundle/kronik.js'), "console.log('dist');\n");
    closeSync(openSync(stamp(), 'w'));
    setTime(join(pkg, 'src/cli/main.ts'), 60);
    setTime(join(pkg, 'src/types.ts'), 60);
    setTime(stamp(), 30);
    assert.deepEqual(runBin(), { ran: 'dist', stderr: '' });
  });

  test('a source edited after the build: runs src/ and says why', () => {
    setTime(join(pkg, 'src/types.ts'), 10);
    const r = runBin();
    assert.equal(r.ran, 'src');
    assert.match(r.stderr, /src\/ changed since the last build/);
  });

  test('no src/ (an installed package): runs dist/', () => {
    rmSync(join(pkg, 'src'), { recursive: true });
    assert.deepEqual(runBin(), { ran: 'dist', stderr: '' });
  });
});
