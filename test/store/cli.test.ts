// The store commands, with the pipeline replaced by hand-made documents.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { Command } from 'commander';
import { registerStoreCommands } from '../../src/cli/commands/store-commands.ts';
import type { PipelineItem } from '../../src/pipeline.ts';
import { chronicleDocs } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'kronik-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'cli.db');

async function* fakePipeline(paths: string[]): AsyncGenerator<PipelineItem> {
  for (const p of paths) {
    if (p === 'corpus') for (const document of chronicleDocs()) yield { input: `corpus/${document.doc}`, document };
    else yield { input: p, error: 'unreadable file' };
  }
}

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
  registerStoreCommands(program, { processPaths: fakePipeline, stdout, stderr, progress: false });
  const saved = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'kronik', ...args]);
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = saved;
  }
}

test('ingest prints a summary, reports failures and fails the exit status', async () => {
  const r1 = await run(['ingest', 'corpus', 'broken.html', '--db', db]);
  assert.equal(r1.err, 'failed broken.html: unreadable file\n');
  assert.match(r1.out, /^pages read 12, skipped 0 \(unchanged\), failed 1, events extracted (\d+): new (\d+), merged (\d+)\n$/);
  const [, extracted, made, merged] = (/events extracted (\d+): new (\d+), merged (\d+)/.exec(r1.out) ?? []).map(Number);
  assert.ok(extracted > 0);
  assert.equal(extracted, made + merged, 'every event extracted is either new or merged');
  assert.equal(r1.code, 1);
  const r2 = await run(['ingest', 'corpus', '--db', db]);
  assert.equal(r2.out, 'pages read 11, skipped 11 (unchanged), failed 0, events extracted 0: new 0, merged 0\n');
  assert.equal(r2.code, 0);
});

test('events, actors, dyads and export', async () => {
  const table = await run(['events', '--dyad', 'USA:KOR', '--db', db]);
  assert.match(table.out, /^date\s+status\s+type/);
  assert.match(table.out, /CONSULT\/visit\s+Kang Kyung-wha \(KOR\)\s+USA\s+Washington\s+3/);

  const jsonl = await run(['events', '--type', 'ACCUSE', '--from', '2020-05-02', '--format', 'jsonl', '--db', db]);
  const lines = jsonl.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 3, 'the 1 May accusation is before --from');
  assert.ok(lines.every((e) => e.type === 'ACCUSE' && Array.isArray(e.mentions)));

  const csv = await run(['events', '--text', 'swap', '--format', 'csv', '--db', db]);
  assert.equal(csv.out.trim().split('\n').length, 2);

  const actors = await run(['actors', '--format', 'jsonl', '--db', db]);
  assert.ok(actors.out.includes('"name":"Zhao Lijian"'));

  const dyads = await run(['dyads', '--db', db]);
  assert.match(dyads.out, /CHN:USA\s+4\s+2020-05-01\s+2020-05-09/);
  const series = await run(['dyads', '--pair', 'USA:CHN', '--format', 'csv', '--db', db]);
  assert.equal(
    series.out,
    'month,n_events,goldstein_mean,verbal_coop,material_coop,verbal_conflict,material_conflict\n2020-05,4,-2,0,0,4,0\n',
  );

  const file = join(dir, 'events.tsv');
  const exp = await run(['export', '--format', 'gdelt', '--out', file, '--db', db]);
  assert.equal(exp.code, 0, exp.err);
  const rows = readFileSync(file, 'utf8').trim().split('\n');
  assert.ok(rows.length > 5);
  assert.ok(rows.every((r) => r.split('\t').length === 61));

  const bad = await run(['events', '--dyad', 'nonsense', '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--dyad must be two country codes like USA:KOR/);
});
