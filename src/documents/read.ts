// Input readers: files, directories, gzip, JSONL, RSS/Atom, WARC and stdin, detected from content.
// Each yields RawInput items or a failure that names the file and the reason; one bad input never
// stops the others.
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawInput } from '../types.ts';
import { feedItemElements, feedItemFields, parseXml } from './feed.ts';

export interface ReadOptions {
  /** Largest input accepted, in bytes, after decompression. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type InputItem = { ok: true; raw: RawInput; warnings: string[] } | { ok: false; input: string; error: string };

/** Raised for an input that cannot be read; the message is the reason shown to the user. */
export class InputError extends Error {}

const fail = (input: string, error: string): InputItem => ({ ok: false, input, error });

/** Expands directories (recursively, sorted, hidden files skipped) into files; "-" stays as is. */
export function expandPaths(paths: string[]): { files: string[]; errors: InputItem[] } {
  const files: string[] = [];
  const errors: InputItem[] = [];
  const walk = (p: string): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push(fail(p, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message));
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else files.push(p);
  };
  for (const p of paths)
    if (p === '-') files.push('-');
    else walk(p);
  return { files, errors };
}

/** Reads every path and yields raw documents; failures are yielded, never thrown. */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const { files, errors } = expandPaths(paths);
  yield* errors;
  for (const file of files) yield* readOne(file, opts);
}

async function* readOne(file: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = file === '-' ? 'stdin' : basename(file);
  let buf: Buffer;
  try {
    if (file === '-') buf = readFileSync(0);
    else {
      const size = statSync(file).size;
      if (size > max) throw new InputError(`too large (${mb(size)} > limit ${mb(max)}; raise it with --max-bytes)`);
      buf = readFileSync(file);
    }
    if (buf.length === 0) throw new InputError('empty file');
    if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzip(buf, max);
    if (buf.length === 0) throw new InputError('empty file after decompression');
  } catch (e) {
    yield fail(file, reason(e));
    return;
  }
  if (startsWithAscii(buf, 'WARC/')) {
    yield* readWarc(file, buf);
    return;
  }
  let text: string;
  const warnings: string[] = [];
  try {
    if (looksBinary(buf)) throw new InputError('binary content, not a text, HTML, JSONL, feed or WARC file');
    text = decode(buf, warnings);
  } catch (e) {
    yield fail(file, reason(e));
    return;
  }
  const kind = sniff(text);
  try {
    if (kind === 'jsonl') yield* readJsonl(file, text, warnings);
    else if (kind === 'feed') yield* readFeed(file, text, warnings);
    else yield { ok: true, raw: { doc: name, path: file, kind, content: text }, warnings };
  } catch (e) {
    yield fail(file, reason(e));
  }
}

function reason(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.message ?? String(e);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function gunzip(buf: Buffer, max: number): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: max });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer/i.test(err.message))
      throw new InputError(`too large after decompression (limit ${mb(max)}; raise it with --max-bytes)`);
    if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)) throw new InputError('truncated gzip data');
    throw new InputError(`corrupt gzip data (${err.message})`);
  }
}

function startsWithAscii(buf: Buffer, s: string): boolean {
  return buf.subarray(0, s.length).toString('latin1') === s;
}

/** NUL bytes or many control characters in the first 8 KB mean a binary file. */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return ctrl / n > 0.05;
}

/** UTF-8 (with or without BOM, or UTF-16 with BOM); otherwise the declared or Windows-1252 charset, with a warning. */
export function decode(buf: Buffer, warnings: string[]): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // isUtf8 validates without decoding (several times faster than a fatal TextDecoder); a BOM is dropped.
  if (isUtf8(buf)) return buf.toString('utf8', buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0).replace(/^\uFEFF/, '');
  const head = buf.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  let label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'windows-1252';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    label = 'windows-1252';
    decoder = new TextDecoder(label);
  }
  warnings.push(`not valid UTF-8; decoded as ${label}`);
  return decoder.decode(buf);
}

/** Detects the format from the content, not the extension. */
export function sniff(text: string): 'html' | 'text' | 'jsonl' | 'feed' {
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('{')) {
    const first = head.split('\n', 1)[0].trim();
    if (first.endsWith('}')) return 'jsonl';
  }
  const lower = head.toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(lower)) return 'feed';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|article|div|p|section|main|title)\b/.test(lower))
    return 'html';
  if (/<\/(p|div|article|body|html)>/i.test(text.slice(0, 65536)) && /<(p|div|br)\b[^>]*>/i.test(text.slice(0, 65536))) return 'html';
  return 'text';
}

function* readJsonl(file: string, text: string, warnings: string[]): Generator<InputItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${file}:${i + 1}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch {
      yield fail(where, 'not a JSON object');
      continue;
    }
    const html = typeof rec.html === 'string' ? rec.html : null;
    const body = typeof rec.text === 'string' ? rec.text : null;
    if (!html && !body) {
      yield fail(where, 'JSON record has neither "html" nor "text"');
      continue;
    }
    const url = typeof rec.url === 'string' ? rec.url : undefined;
    const doc = typeof rec.doc === 'string' ? rec.doc : (url ?? `${basename(file)}:${i + 1}`);
    yield {
      ok: true,
      raw: {
        doc,
        path: where,
        url,
        kind: html ? 'html' : 'text',
        content: (html ?? body) as string,
        hints: {
          title: str(rec.title),
          published: str(rec.published ?? rec.date),
          author: str(rec.author),
          outlet: str(rec.outlet),
        },
      },
      warnings,
    };
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** RSS 2.0, RSS 1.0 (RDF) and Atom: one document per item, its content or description as HTML. */
function* readFeed(file: string, text: string, warnings: string[]): Generator<InputItem> {
  const items = feedItemElements(parseXml(text));
  if (!items.length) throw new InputError('feed has no items');
  let i = 0;
  for (const item of items) {
    i++;
    const { link: url, content, title, published, author } = feedItemFields(item);
    if (!content) {
      yield fail(`${file} item ${i}`, 'feed item has no content or description');
      continue;
    }
    const wrapped = /<[a-z][^>]*>/i.test(content)
      ? content
      : content
          .split(/\n{2,}/)
          .map((p) => `<p>${p}</p>`)
          .join('\n');
    yield {
      ok: true,
      raw: {
        doc: url ?? `${basename(file)}#${i}`,
        path: `${file} item ${i}`,
        url,
        kind: 'html',
        content: `<html><body><article>${title ? `<h1>${title}</h1>` : ''}${wrapped}</article></body></html>`,
        hints: { title, published, author },
      },
      warnings,
    };
  }
}

/** WARC (plain or gzipped): one document per HTML response or resource record. */
async function* readWarc(file: string, buf: Buffer): AsyncGenerator<InputItem> {
  let n = 0;
  try {
    // warcio (and its gzip code) is loaded for the first WARC file only.
    const { WARCParser } = await import('warcio');
    const parser = new WARCParser([new Uint8Array(buf)]);
    for await (const record of parser) {
      n++;
      const type = record.warcType;
      if (type !== 'response' && type !== 'resource') {
        await record.skipFully();
        continue;
      }
      const ctype = (record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '').toLowerCase();
      if (ctype && !/html|text\/plain|xml/.test(ctype)) {
        await record.skipFully();
        continue;
      }
      const url = record.warcTargetURI ?? undefined;
      const where = `${file} record ${n}${url ? ` (${url})` : ''}`;
      let content: string;
      const warnings: string[] = [];
      try {
        const bytes = Buffer.from(await record.readFully(true));
        if (!bytes.length) {
          yield fail(where, 'empty WARC record');
          continue;
        }
        content = decode(bytes, warnings);
      } catch (e) {
        yield fail(where, `broken WARC record (${reason(e)})`);
        return;
      }
      yield {
        ok: true,
        raw: {
          doc: url ?? `${basename(file)}#${n}`,
          path: where,
          url,
          kind: ctype.includes('text/plain') ? 'text' : 'html',
          content,
          hints: { published: record.warcDate ?? undefined },
        },
        warnings,
      };
    }
  } catch (e) {
    yield fail(`${file} record ${n + 1}`, `broken WARC record (${reason(e)})`);
    return;
  }
  if (n === 0) yield fail(file, 'no WARC records found');
}
