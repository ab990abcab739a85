// The CLI's events/export/dyads options are checked by the API's own schema: the same errors, naming
// the allowed values; aggregates count occurred events by default; export --out never overwrites silently.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { registerStoreCommands } from '../../src/cli/commands/store-commands.ts';
import { MODALITIES, PLOVER_TYPES } from '../../src/types.ts';
import { fixtureStore, N_USA_KOR, type TempStore } from './fixtures.ts';

let tmp: TempStore;
before(async () => {
  tmp = await fixtureStore();
});
after(() => tmp.cleanup());

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const program = new Command('kronik').exitOverride();
  registerStoreCommands(program, { stdout, stderr, progress: false });
  const saved = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'kronik', ...args, '--db', tmp.path]);
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = saved;
  }
}

test('--type MEET and --modality happened are errors naming the allowed values', async () => {
  for (const cmd of ['events', 'export']) {
    const meet = await run([cmd, '--type', 'MEET']);
    assert.equal(meet.code, 1, cmd);
    assert.equal(meet.err, `kronik: --type: unknown type "MEET"; expected one of ${PLOVER_TYPES.join(', ')}\n`);
    assert.equal(meet.out, '');
    const happened = await run([cmd, '--modality', 'happened']);
    assert.equal(happened.code, 1, cmd);
    assert.equal(happened.err, `kronik: --modality: unknown modality "happened"; expected one of ${MODALITIES.join(', ')}\n`);
  }
  const dyads = await run(['dyads', '--pair', 'USA:KOR', '--modality', 'happened']);
  assert.equal(dyads.code, 1);
  assert.match(dyads.err, /--modality: unknown modality "happened"; expected one of occurred, planned/);
  const range = await run(['events', '--goldstein-min', 'abc']);
  assert.equal(range.err, 'kronik: --goldstein-min must be a number from -10 to 10, got "abc"\n');
  assert.equal((await run(['events', '--directed'])).err, 'kronik: --directed needs --dyad\n');
});

test('the new filters work on the command line as in the API', async () => {
  const r = await run(['events', '--quad', '4', '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { quad_class: number });
  assert.ok(lines.length >= 1 && lines.every((l) => l.quad_class === 4));
  const lang = await run(['events', '--language', 'id', '--format', 'jsonl']);
  assert.equal(lang.out.trim().split('\n').length, 1);
});

test('dyads counts occurred events unless --modality names another status', async () => {
  const all = await run(['dyads', '--format', 'jsonl']);
  const kor = all.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { dyad: string; n_events: number })
    .find((d) => d.dyad === 'KOR:USA');
  assert.equal(kor?.n_events, N_USA_KOR - 1);
  const series = await run(['dyads', '--pair', 'USA:KOR', '--format', 'csv']);
  assert.doesNotMatch(series.out, /^2020-04,/m, 'the planned April visit is not a fact');
  const planned = await run(['dyads', '--pair', 'USA:KOR', '--modality', 'planned', '--format', 'csv']);
  assert.match(planned.out, /^2020-04,1,/m);
});

test('export: --out refuses an existing file without --force, and a missing folder is named', async () => {
  const file = join(tmp.dir, 'out.csv');
  writeFileSync(file, 'keep me');
  const refused = await run(['export', '--format', 'csv', '--out', file]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /file exists \(use --force to replace it\)/);
  assert.equal(readFileSync(file, 'utf8'), 'keep me');
  const forced = await run(['export', '--format', 'csv', '--out', file, '--force']);
  assert.equal(forced.code, 0, forced.err);
  assert.match(readFileSync(file, 'utf8'), /^id,type,mode/);
  const missing = await run(['export', '--out', join(tmp.dir, 'no', 'such', 'x.jsonl')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /folder .*no\/such does not exist/);
  mkdirSync(join(tmp.dir, 'adir'));
  const folder = await run(['export', '--out', join(tmp.dir, 'adir')]);
  assert.match(folder.err, /is a folder/);
  const plover = await run(['export', '--format', 'plover', '--out', join(tmp.dir, 'p.jsonl')]);
  assert.equal(plover.code, 0, plover.err);
  assert.ok(existsSync(join(tmp.dir, 'p.jsonl')));
});
