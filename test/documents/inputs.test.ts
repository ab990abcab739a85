// Inputs of every kind, and bad inputs: each bad file gives one clear line naming it, the others go through.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { jsonl, kronik, ROOT } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'kronik-inputs-'));
const page = readFileSync(join(ROOT, 'corpus/demo/id/id-003-ktt-trump-kim-singapura.txt'), 'utf8');
const html = `<!doctype html><html lang="en"><head><title>Seoul and Tokyo hold talks | Test Ledger</title>
<meta property="article:published_time" content="2023-03-16T10:00:00+09:00"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Seoul and Tokyo hold talks</h1>
<p>South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday, the first such visit in twelve years.</p>
<p>The two leaders agreed to restore regular visits and to resume security talks that had stalled since 2018.</p>
<p>Officials in both capitals said the meeting marked a turning point after years of disputes over wartime history.</p></article>
<aside><h2>Most read</h2><ul><li>North Korea fires missile into sea</li></ul></aside><footer>© Test Ledger</footer></body></html>`;

test('extract reads a text dump, an HTML page, gzip, JSONL, RSS, Atom and stdin', () => {
  writeFileSync(join(dir, 'page.txt'), page);
  writeFileSync(join(dir, 'page.html'), html);
  writeFileSync(join(dir, 'page.html.gz'), gzipSync(html));
  writeFileSync(join(dir, 'no-extension'), html);
  writeFileSync(
    join(dir, 'records.jsonl'),
    `${JSON.stringify({ url: 'https://example.org/a', html })}\n${JSON.stringify({ url: 'https://example.org/b', text: page })}\n`,
  );
  writeFileSync(
    join(dir, 'feed.xml'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Seoul and Tokyo hold talks</title><link>https://example.org/rss1</link><pubDate>Thu, 16 Mar 2023 10:00:00 +0900</pubDate><description><![CDATA[<p>South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday, the first such visit in twelve years.</p>]]></description></item></channel></rss>`,
  );
  writeFileSync(
    join(dir, 'atom.xml'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Talks in Tokyo</title><link href="https://example.org/atom1"/><published>2023-03-16T10:00:00+09:00</published><content type="html">&lt;p&gt;South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday, the first such visit in twelve years.&lt;/p&gt;</content></entry></feed>`,
  );
  const r = kronik(['extract', dir, '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const docs = jsonl(r.stdout);
  const names = docs.map((d) => d.doc);
  assert.ok(names.includes('page.txt'));
  assert.ok(names.includes('page.html') && names.includes('page.html.gz') && names.includes('no-extension'));
  assert.ok(names.includes('https://example.org/a') && names.includes('https://example.org/b'));
  assert.ok(names.includes('https://example.org/rss1') && names.includes('https://example.org/atom1'));
  const h = docs.find((d) => d.doc === 'page.html') as Record<string, string>;
  assert.equal(h.title, 'Seoul and Tokyo hold talks');
  assert.match(h.body, /agreed to restore regular visits/);
  assert.doesNotMatch(h.body, /Most read|North Korea fires missile/);
  assert.equal(String(h.published).slice(0, 10), '2023-03-16');
  assert.equal(h.language, 'en');
  const rss = docs.find((d) => d.doc === 'https://example.org/rss1') as Record<string, string>;
  assert.equal(String(rss.published).slice(0, 10), '2023-03-16');

  const stdin = kronik(['extract', '-', '--format', 'jsonl'], { input: page });
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.equal(jsonl(stdin.stdout)[0].doc, 'stdin');
});

test('bad inputs each give one clear line, and the good input still goes through', () => {
  const bad = join(dir, 'bad');
  mkdirSync(bad, { recursive: true });
  writeFileSync(join(bad, 'good.txt'), page);
  writeFileSync(join(bad, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 4]));
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'truncated.html.gz'), gzipSync(html).subarray(0, 60));
  writeFileSync(join(bad, 'huge.html'), `<html><body>${'<p>x</p>'.repeat((50 * 1024 * 1024) / 8)}</body></html>`);
  writeFileSync(join(bad, 'broken.warc'), 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n');
  const r = kronik(['extract', bad, '--format', 'jsonl']);
  assert.equal(r.status, 1, 'exit status says that something failed');
  const lines = r.stderr.trim().split('\n');
  const about = (name: string) => lines.filter((l) => l.includes(name));
  assert.match(about('binary.bin')[0], /binary/);
  assert.match(about('empty.txt')[0], /empty/);
  assert.match(about('truncated.html.gz')[0], /truncated|corrupt/);
  assert.match(about('huge.html')[0], /too large/);
  assert.match(about('broken.warc')[0], /WARC/);
  for (const name of ['binary.bin', 'empty.txt', 'truncated.html.gz', 'huge.html', 'broken.warc'])
    assert.equal(about(name).length, 1, name);
  const docs = jsonl(r.stdout);
  assert.deepEqual(
    docs.map((d) => d.doc),
    ['good.txt'],
  );
});

test('Windows-1252 text is decoded, with a warning naming the file', () => {
  const text = `${page}\nCatatan redaksi: caf\u00e9 \u2014 \u201ckutipan\u201d.\n`;
  const cp1252 = Buffer.from(
    new TextEncoder().encode(text).length
      ? [...text].map((c) => ({ '\u2014': 0x97, '\u201c': 0x93, '\u201d': 0x94 })[c] ?? c.charCodeAt(0))
      : [],
  );
  writeFileSync(join(dir, 'cp1252.txt'), cp1252);
  const r = kronik(['extract', join(dir, 'cp1252.txt'), '--format', 'jsonl']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /cp1252\.txt: not valid UTF-8; decoded as windows-1252/);
  assert.ok(String(jsonl(r.stdout)[0].body).length > 500);
});

test('HTML nested 10,000 levels deep is handled without a crash', () => {
  const deep = `<html><body>${'<div>'.repeat(10000)}<p>Deep text about Seoul and Washington meeting on Monday for talks.</p>${'</div>'.repeat(10000)}</body></html>`;
  writeFileSync(join(dir, 'deep.html'), deep);
  writeFileSync(join(dir, 'ok.txt'), page);
  const r = kronik(['extract', join(dir, 'deep.html'), join(dir, 'ok.txt'), '--format', 'jsonl']);
  const docs = jsonl(r.stdout);
  assert.ok(docs.some((d) => d.doc === 'ok.txt'));
  // Either extracted or reported in one line naming the file; never a crash of the run.
  if (!docs.some((d) => d.doc === 'deep.html')) assert.match(r.stderr, /deep\.html: /);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

test('a missing path is reported and the run continues', () => {
  writeFileSync(join(dir, 'one.txt'), page);
  const r = kronik(['extract', join(dir, 'nope.txt'), join(dir, 'one.txt'), '--format', 'jsonl']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /nope\.txt: no such file or directory/);
  assert.equal(jsonl(r.stdout).length, 1);
});

function warcRecord(url: string, body: string): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
  const len = Buffer.byteLength(http);
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2023-03-16T01:00:00Z\r\nWARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${len}\r\n\r\n${http}\r\n\r\n`;
}

test('WARC files (plain and gzipped) yield one document per HTML response; a broken record is reported', () => {
  const warc = warcRecord('https://example.org/w1', html) + warcRecord('https://example.org/w2', html);
  writeFileSync(join(dir, 'crawl.warc'), warc);
  writeFileSync(join(dir, 'crawl.warc.gz'), gzipSync(warc));
  const r = kronik(['extract', join(dir, 'crawl.warc'), join(dir, 'crawl.warc.gz'), '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const docs = jsonl(r.stdout);
  assert.deepEqual(
    docs.map((d) => d.doc),
    ['https://example.org/w1', 'https://example.org/w2', 'https://example.org/w1', 'https://example.org/w2'],
  );
  const broken = warcRecord('https://example.org/w3', html) + 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200';
  writeFileSync(join(dir, 'broken2.warc'), broken);
  const b = kronik(['extract', join(dir, 'broken2.warc'), '--format', 'jsonl']);
  assert.equal(b.status, 1);
  assert.equal(jsonl(b.stdout)[0]?.doc, 'https://example.org/w3');
  assert.match(b.stderr, /broken2\.warc record 2.*broken WARC record|broken2\.warc.*WARC/);
});
