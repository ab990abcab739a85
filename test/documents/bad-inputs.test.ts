// Inputs that once broke a run or lost data (issue #10): long JSONL records, symbolic link loops,
// pages with the same file name, size limits on streams, broken WARC files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { jsonl, kronik } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kronik-bad-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const paragraph = (who: string) =>
  `<p>${who} met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday, the first such visit in twelve years.</p>`;
const page = (who: string, paragraphs = 3) =>
  `<!doctype html><html lang="en"><head><title>${who} in Tokyo</title></head><body><article><h1>${who} in Tokyo</h1>${paragraph(who).repeat(paragraphs)}</article></body></html>`;

const docsOf = (stdout: string) => jsonl(stdout).map((d) => d.doc);

test('a JSONL file whose first record is longer than 2,048 characters is read record by record', () => {
  const long = page('South Korean President Yoon Suk Yeol', 40);
  assert.ok(long.length > 4096);
  const file = join(dir, 'long.jsonl');
  writeFileSync(
    file,
    `${JSON.stringify({ url: 'https://example.org/long-1', html: long })}\n${JSON.stringify({ url: 'https://example.org/long-2', html: long })}\n`,
  );
  const r = kronik(['extract', file, '--no-events', '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(docsOf(r.stdout), ['https://example.org/long-1', 'https://example.org/long-2']);
});

test('a JSONL line cut short is reported by its line number; the complete lines are kept', () => {
  const record = JSON.stringify({ url: 'https://example.org/cut-1', html: page('Yoon', 30) });
  const file = join(dir, 'cut.jsonl');
  writeFileSync(file, `${record}\n${record.replace('cut-1', 'cut-2').slice(0, 3000)}`);
  const r = kronik(['extract', file, '--no-events', '--format', 'jsonl']);
  assert.equal(r.status, 1);
  assert.deepEqual(docsOf(r.stdout), ['https://example.org/cut-1']);
  assert.match(r.stderr, /cut\.jsonl:2: not a JSON object/);
});

test('a symbolic link loop in an input folder is one warning line and the run ends', { timeout: 60_000 }, (t) => {
  const root = join(dir, 'loop');
  mkdirSync(join(root, 'x'), { recursive: true });
  writeFileSync(join(root, 'x', 'page.html'), page('Yoon'));
  try {
    symlinkSync('..', join(root, 'x', 'up'));
  } catch {
    t.skip('symbolic links cannot be made here');
    return;
  }
  const r = kronik(['extract', root, '--no-events', '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(docsOf(r.stdout), ['x/page.html']);
  const warnings = r.stderr.trim().split('\n');
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0], /warning: .*x[/\\]up: folder already read \(a symbolic link to .*loop\); skipped/);
});

test('pages with the same file name in different folders are two documents, in extract and in the store', () => {
  const root = join(dir, 'same-name');
  for (const [sub, who] of [
    ['a', 'South Korean President Yoon Suk Yeol'],
    ['b', 'Indonesian President Joko Widodo'],
  ]) {
    mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(root, sub, 'index.html'), page(who));
  }
  const r = kronik(['extract', root, '--no-events', '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(docsOf(r.stdout), ['a/index.html', 'b/index.html']);
  // Given as two inputs, the second takes the path given, as the first already has the name.
  const two = kronik(['extract', join(root, 'a'), join(root, 'b'), '--no-events', '--format', 'jsonl']);
  assert.deepEqual(docsOf(two.stdout), ['index.html', join(root, 'b', 'index.html')]);

  const db = join(dir, 'same-name.db');
  const ingest = kronik(['ingest', root, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stdout, /pages read 2, skipped 0/);
  const search = kronik(['search', 'Tokyo', '--db', db, '--format', 'jsonl']);
  assert.deepEqual(docsOf(search.stdout).sort(), ['a/index.html', 'b/index.html']);
});

test('the size limit holds for standard input and devices; --max-bytes is checked', () => {
  const big = 'Seoul and Tokyo hold talks. '.repeat(5000);
  const stdin = kronik(['extract', '-', '--no-events', '--max-bytes', '10kb'], { input: big });
  assert.equal(stdin.status, 1);
  assert.match(stdin.stderr, /stdin: too large \(more than the limit of 10\.0 KB; raise it with --max-bytes\)/);
  if (existsSync('/dev/zero')) {
    const zero = kronik(['extract', '/dev/zero', '--no-events', '--max-bytes', '1mb']);
    assert.equal(zero.status, 1);
    assert.match(zero.stderr, /\/dev\/zero: too large/);
  }
  for (const bad of ['abc', '1e3', '0', '-5']) {
    const r = kronik(['extract', '-', '--no-events', '--max-bytes', bad], { input: 'Seoul and Tokyo hold talks.' });
    assert.equal(r.status, 1, bad);
    assert.match(r.stderr, /--max-bytes .*is invalid\. not a size/, bad);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  const ok = kronik(['extract', '-', '--no-events', '--max-bytes', '1kb'], { input: 'Seoul and Tokyo hold talks.' });
  assert.equal(ok.status, 0, ok.stderr);
});

function warcRecord(url: string, who: string): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page(who)}`;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2023-03-16T01:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n${http}\r\n\r\n`;
}

test('broken WARC files keep every complete record, name the file and the record, and exit 1', () => {
  const three = ['w1', 'w2', 'w3'].map((n) => warcRecord(`https://example.org/${n}`, `Minister ${n}`));
  const cases: [string, Buffer | string, string[], RegExp][] = [
    [
      'truncated.warc',
      three.join('').slice(0, -200),
      ['https://example.org/w1', 'https://example.org/w2'],
      /truncated\.warc record 3 \(https:\/\/example\.org\/w3\): truncated WARC record: \d+ of \d+ bytes/,
    ],
    ['garbage.warc', 'WARC/1.0\r\nthis is not a header\r\n\r\nnor this', [], /garbage\.warc record 1: not a WARC record/],
    [
      'garbage-after.warc',
      `${three[0]}garbage line\r\nx: y\r\n\r\n`,
      ['https://example.org/w1'],
      /garbage-after\.warc record 2: not a WARC record/,
    ],
    [
      'cut.warc.gz',
      (() => {
        const gz = Buffer.concat(three.map((r) => gzipSync(r)));
        return gz.subarray(0, gz.length - 100);
      })(),
      ['https://example.org/w1', 'https://example.org/w2'],
      /cut\.warc\.gz record 3.*: truncated gzip data/,
    ],
    [
      'cut-at-member.warc.gz',
      Buffer.concat([gzipSync(three[0]), gzipSync(three[1]).subarray(0, 10)]),
      ['https://example.org/w1'],
      /cut-at-member\.warc\.gz.*truncated gzip data/,
    ],
  ];
  for (const [name, content, kept, message] of cases) {
    writeFileSync(join(dir, name), content);
    const r = kronik(['extract', join(dir, name), '--no-events', '--format', 'jsonl']);
    assert.equal(r.status, 1, name);
    assert.deepEqual(docsOf(r.stdout), kept, name);
    assert.match(r.stderr, message, name);
    assert.equal(r.stderr.split('\n').filter((l) => l.includes(name)).length, 1, `one line for ${name}: ${r.stderr}`);
  }
});

test('ingest prints the warnings extract prints', () => {
  const file = join(dir, 'latin1.html');
  writeFileSync(file, Buffer.from(page('Pr\u00e9sident Yoon'), 'latin1'));
  const r = kronik(['ingest', file, '--db', join(dir, 'warnings.db')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: .*latin1\.html: not valid UTF-8; decoded as windows-1252/);
});
