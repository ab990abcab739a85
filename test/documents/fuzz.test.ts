// Fuzz test of the readers: a few thousand generated inputs, good and malformed (random bytes; gzip,
// WARC, JSONL, HTML and RSS cut short; huge lines; deep nesting), from a seeded generator so that every
// run sees the same ones. Reading must never throw; every bad input gets a message naming it; every good
// input (and every complete record of a container cut short) is kept.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type InputItem, readInputFile } from '../../src/documents/read.ts';
import { processRaw } from '../../src/pipeline.ts';

const SEED = 20261205;
const dir = mkdtempSync(join(tmpdir(), 'kronik-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded generator. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo));
  return { next, int, pick: <T>(xs: T[]) => xs[int(0, xs.length)] as T };
}

const WORDS = 'Seoul Tokyo Jakarta minister president met talks agreed visit trade security summit said on Monday the and of in'.split(' ');

function sentence(r: ReturnType<typeof prng>): string {
  const n = r.int(6, 18);
  const w = Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
  return `${w[0]?.toUpperCase()}${w.slice(1)}.`;
}

function html(r: ReturnType<typeof prng>, id: string): string {
  const ps = Array.from({ length: r.int(2, 6) }, () => `<p>${sentence(r)} ${sentence(r)}</p>`).join('\n');
  return `<!doctype html><html><head><title>Page ${id}</title></head><body><article><h1>Page ${id}</h1>\n${ps}\n</article></body></html>`;
}

function warcRecord(url: string, body: string): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n${http}\r\n\r\n`;
}

/** What reading one generated file must give: the documents kept, and whether a failure must be reported. */
interface Case {
  file: string;
  kind: string;
  /** Documents that must be read (by name), in order. */
  keep: string[];
  /** true: at least one failure naming the file; false: none; null: either (an HTML or feed page cut short may still read). */
  bad: boolean | null;
}

function generate(n: number): Case[] {
  const r = prng(SEED);
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(4, '0');
    const roll = r.next();
    const name = (ext: string) => join(dir, `${id}.${ext}`);
    if (roll < 0.2) {
      const file = name('bin');
      writeFileSync(file, Buffer.from(Array.from({ length: r.int(512, 4096) }, () => r.int(0, 256))));
      cases.push({ file, kind: 'random bytes', keep: [], bad: true });
    } else if (roll < 0.35) {
      const gz = gzipSync(html(r, id));
      const file = name('html.gz');
      writeFileSync(file, gz.subarray(0, r.int(1, gz.length - 8)));
      cases.push({ file, kind: 'gzip cut short', keep: [], bad: true });
    } else if (roll < 0.5) {
      const whole = r.int(0, 4);
      const records = Array.from({ length: whole + 1 }, (_, k) => warcRecord(`https://example.org/${id}/${k}`, html(r, `${id}-${k}`)));
      const last = records[whole] as string;
      const cut = last.slice(0, r.int(1, last.length - 4));
      const gzipped = r.next() < 0.5;
      const file = name(gzipped ? 'warc.gz' : 'warc');
      const keep = records.slice(0, whole).map((_, k) => `https://example.org/${id}/${k}`);
      if (gzipped) writeFileSync(file, Buffer.concat([...records.slice(0, whole).map((x) => gzipSync(x)), gzipSync(cut)]));
      else writeFileSync(file, records.slice(0, whole).join('') + cut);
      cases.push({ file, kind: gzipped ? 'WARC records, the last cut short (gzip per record)' : 'WARC cut short', keep, bad: true });
    } else if (roll < 0.65) {
      const whole = r.int(1, 5);
      const lines = Array.from({ length: whole + 1 }, (_, k) =>
        JSON.stringify({ url: `https://example.org/j${id}/${k}`, html: html(r, `${id}-${k}`) }),
      );
      const last = lines[whole] as string;
      const file = name('jsonl');
      writeFileSync(file, `${lines.slice(0, whole).join('\n')}\n${last.slice(0, r.int(1, last.length - 1))}`);
      cases.push({
        file,
        kind: 'JSONL, the last line cut short',
        keep: lines.slice(0, whole).map((_, k) => `https://example.org/j${id}/${k}`),
        bad: true,
      });
    } else if (roll < 0.73) {
      const page = html(r, id);
      const file = name('html');
      writeFileSync(file, page.slice(0, r.int(1, page.length)));
      cases.push({ file, kind: 'HTML cut short', keep: [], bad: null });
    } else if (roll < 0.8) {
      const items = Array.from(
        { length: r.int(1, 4) },
        (_, k) =>
          `<item><title>Item ${k}</title><link>https://example.org/r${id}/${k}</link><description>${sentence(r)}</description></item>`,
      ).join('');
      const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items}</channel></rss>`;
      const file = name('xml');
      writeFileSync(file, feed.slice(0, r.int(1, feed.length)));
      cases.push({ file, kind: 'RSS cut short', keep: [], bad: null });
    } else if (roll < 0.803) {
      const file = name('txt');
      writeFileSync(file, `Title\n\n${Array.from({ length: r.int(20_000, 60_000) }, () => r.pick(WORDS)).join(' ')}`);
      cases.push({ file, kind: 'one huge line', keep: [`${id}.txt`], bad: false });
    } else if (roll < 0.82) {
      const depth = r.int(500, 20_000);
      const file = name('deep.html');
      writeFileSync(file, `<html><body>${'<div>'.repeat(depth)}<p>${sentence(r)}</p>${'</div>'.repeat(depth)}</body></html>`);
      cases.push({ file, kind: 'deep nesting', keep: [`${id}.deep.html`], bad: false });
    } else if (roll < 0.91) {
      const file = name('html');
      writeFileSync(file, html(r, id));
      cases.push({ file, kind: 'good HTML', keep: [`${id}.html`], bad: false });
    } else {
      const n = r.int(1, 4);
      const file = name('jsonl');
      writeFileSync(
        file,
        `${Array.from({ length: n }, (_, k) => JSON.stringify({ url: `https://example.org/g${id}/${k}`, text: `${sentence(r)} ${sentence(r)}` })).join('\n')}\n`,
      );
      cases.push({ file, kind: 'good JSONL', keep: Array.from({ length: n }, (_, k) => `https://example.org/g${id}/${k}`), bad: false });
    }
  }
  return cases;
}

test('the readers survive thousands of generated malformed inputs: no crash, a message per bad input, every good input kept', async () => {
  const cases = generate(2000);
  const kinds = new Map<string, number>();
  for (const c of cases) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  // Every kind is generated many times (the generator is seeded: these counts never change).
  for (const [kind, count] of kinds) assert.ok(count >= 5, `${kind}: ${count}`);
  assert.equal(kinds.size, 11);

  let documents = 0;
  for (const c of cases) {
    const base = c.file.slice(dir.length + 1);
    const items: InputItem[] = [];
    try {
      for await (const item of readInputFile({ path: c.file, name: base })) items.push(item);
    } catch (e) {
      assert.fail(`${base} (${c.kind}) threw: ${(e as Error).stack}`);
    }
    const kept = items.flatMap((it) => (it.ok ? [it.raw.doc] : []));
    const failures = items.flatMap((it) => (!it.ok && 'error' in it ? [it] : []));
    for (const f of failures) {
      assert.ok(f.input.startsWith(c.file), `${base}: a message names the file (${f.input})`);
      assert.ok(f.error.length > 5, `${base}: the message says why`);
    }
    if (c.bad === true) assert.ok(failures.length >= 1, `${base} (${c.kind}): no message`);
    if (c.bad === false) assert.deepEqual(failures, [], `${base} (${c.kind})`);
    if (c.bad !== null) assert.deepEqual(kept, c.keep, `${base} (${c.kind})`);
    else assert.ok(kept.length + failures.length >= 1, `${base} (${c.kind}): neither a page nor a message`);
    // What was read goes through cleaning without a crash (one page in ten: cleaning is the costly part;
    // coding is the coder tests' business).
    for (const it of items) {
      if (!it.ok) continue;
      if (documents++ % 10) continue;
      try {
        processRaw(it.raw, { noEvents: true });
      } catch (e) {
        assert.match((e as Error).message, /^no article text found$/, `${base}: ${(e as Error).stack}`);
      }
    }
  }
  assert.ok(documents > 1000, `${documents} documents read`);
});
