// Input readers: files, directories, gzip, JSONL, RSS/Atom, WARC and stdin, detected from content.
// Each yields RawInput items or a failure that names the file and the reason; one bad input never
// stops the others.
import { isUtf8 } from 'node:buffer';
import { createReadStream, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, normalize, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import type { RawInput } from '../types.ts';
import { feedItemElements, feedItemFields, parseXml } from './feed.ts';

export interface ReadOptions {
  /** Largest input accepted, in bytes, after decompression. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** A page read, an input that failed (named, with the reason), or a warning about an input that is skipped. */
export type InputItem =
  | { ok: true; raw: RawInput; warnings: string[] }
  | { ok: false; input: string; error: string }
  | { ok: false; input: string; warning: string };

/** Raised for an input that cannot be read; the message is the reason shown to the user. */
export class InputError extends Error {}

/** A file to read and the name its pages are known by when they carry no URL. */
export interface InputFile {
  path: string;
  /** Its path relative to the input given (the file name for a file given by itself; "stdin" for "-"). */
  name: string;
}

const fail = (input: string, error: string): InputItem => ({ ok: false, input, error });

/**
 * Expands directories (recursively, sorted, hidden files skipped) into files; "-" stays as is.
 * A file is named by its path relative to the input given, so `a/index.html` and `b/index.html` stay
 * two documents; a name given twice for different files falls back to the path as given. A folder
 * reached again (a symbolic link loop, or a link to a folder already read) is skipped with a warning.
 */
export function expandPaths(paths: string[]): { files: InputFile[]; errors: InputItem[] } {
  const files: InputFile[] = [];
  const errors: InputItem[] = [];
  const folders = new Set<string>();
  const named = new Map<string, string>();
  const add = (path: string, name: string) => {
    let real = path;
    try {
      real = path === '-' ? '-' : realpathSync(path);
    } catch {
      // read errors are reported when the file is read
    }
    const seen = named.get(name);
    if (seen !== undefined && seen !== real) name = named.has(normalize(path)) ? `${normalize(path)}#${files.length + 1}` : normalize(path);
    named.set(name, real);
    files.push({ path, name });
  };
  const walk = (p: string, root: string | null): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push(
        fail(p, code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'symbolic link loop' : (e as Error).message),
      );
      return;
    }
    if (!st.isDirectory()) {
      add(p, root === null ? basename(p) : relative(root, p).split(sep).join('/'));
      return;
    }
    let real: string;
    let names: string[];
    try {
      real = realpathSync(p);
      names = readdirSync(p).sort();
    } catch (e) {
      errors.push(fail(p, reason(e)));
      return;
    }
    if (folders.has(real)) {
      errors.push({ ok: false, input: p, warning: `folder already read (a symbolic link to ${real}); skipped` });
      return;
    }
    folders.add(real);
    for (const name of names) if (!name.startsWith('.')) walk(join(p, name), root ?? p);
  };
  for (const p of paths)
    if (p === '-') add('-', 'stdin');
    else walk(p, null);
  return { files, errors };
}

/** Reads every path and yields raw documents; failures are yielded, never thrown. */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  checkMaxBytes(opts.maxBytes);
  const { files, errors } = expandPaths(paths);
  yield* errors;
  for (const file of files) yield* readInputFile(file, opts);
}

function checkMaxBytes(max: number | undefined): void {
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0))
    throw new RangeError(`maxBytes must be a positive whole number of bytes, not ${max}`);
}

/** Reads one file (as listed by expandPaths) and yields its pages or its failures. */
export async function* readInputFile(file: InputFile, opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  checkMaxBytes(opts.maxBytes);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = file.path === '-' ? 'stdin' : file.path;
  let buf: Buffer;
  let truncatedGzip = false;
  try {
    buf = await readBounded(file.path, max);
    if (buf.length === 0) throw new InputError('empty file');
    if (buf[0] === 0x1f && buf[1] === 0x8b) ({ buf, truncated: truncatedGzip } = gunzip(buf, max));
    if (buf.length === 0) throw new InputError('empty file after decompression');
  } catch (e) {
    yield fail(where, reason(e));
    return;
  }
  if (startsWithAscii(buf, 'WARC/')) {
    yield* readWarc(file, buf, truncatedGzip, max);
    return;
  }
  if (truncatedGzip) {
    yield fail(where, 'truncated gzip data');
    return;
  }
  let text: string;
  const warnings: string[] = [];
  try {
    if (looksBinary(buf)) throw new InputError('binary content, not a text, HTML, JSONL, feed or WARC file');
    text = decode(buf, warnings);
  } catch (e) {
    yield fail(where, reason(e));
    return;
  }
  const kind = sniff(text);
  try {
    if (kind === 'jsonl') yield* readJsonl(file, text, warnings);
    else if (kind === 'feed') yield* readFeed(file, text, warnings);
    else yield { ok: true, raw: { doc: file.name, path: where, kind, content: text }, warnings };
  } catch (e) {
    yield fail(where, reason(e));
  }
}

/**
 * The bytes of a file, a device, a pipe or standard input ("-"), counted as they are read: more than
 * `max` bytes is an error, whatever the file claims to hold. Standard input is read as a stream, which
 * cannot fail with EAGAIN the way a synchronous read of a non-blocking pipe does.
 */
async function readBounded(path: string, max: number): Promise<Buffer> {
  if (path !== '-') {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError('is a directory');
    if (st.isFile() && st.size > max) throw new InputError(`too large (${size(st.size)} > limit ${size(max)}; raise it with --max-bytes)`);
  }
  const stream = path === '-' ? process.stdin : createReadStream(path);
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > max) throw new InputError(`too large (more than the limit of ${size(max)}; raise it with --max-bytes)`);
      chunks.push(chunk);
    }
  } finally {
    if (path !== '-') stream.destroy();
  }
  return Buffer.concat(chunks);
}

function reason(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a directory';
  return err?.message ?? String(e);
}

/** A byte count for messages: "512 bytes", "40.0 KB", "20.0 MB". */
function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Gunzips within the size limit; gzip data cut short gives what it holds, marked truncated. */
function gunzip(buf: Buffer, max: number): { buf: Buffer; truncated: boolean } {
  const tooLarge = () => new InputError(`too large after decompression (limit ${size(max)}; raise it with --max-bytes)`);
  try {
    return { buf: gunzipSync(buf, { maxOutputLength: max }), truncated: false };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer/i.test(err.message)) throw tooLarge();
    if (err.code !== 'Z_BUF_ERROR' && !/unexpected end/i.test(err.message)) throw new InputError(`corrupt gzip data (${err.message})`);
  }
  try {
    return { buf: gunzipSync(buf, { maxOutputLength: max, finishFlush: zlibConstants.Z_SYNC_FLUSH }), truncated: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new InputError('truncated gzip data');
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
  if (head.startsWith('{') && firstLineIsJsonObject(text)) return 'jsonl';
  const lower = head.toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(lower)) return 'feed';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|article|div|p|section|main|title)\b/.test(lower))
    return 'html';
  if (/<\/(p|div|article|body|html)>/i.test(text.slice(0, 65536)) && /<(p|div|br)\b[^>]*>/i.test(text.slice(0, 65536))) return 'html';
  return 'text';
}

/**
 * JSONL when the first line, however long (the text is within --max-bytes), closes like a JSON object
 * or opens like one (`{"url": …` cut short); a bad line is then reported on its own.
 */
function firstLineIsJsonObject(text: string): boolean {
  const start = text.search(/\S/);
  const end = text.indexOf('\n', start);
  const first = text.slice(start, end < 0 ? undefined : end).trim();
  return first.endsWith('}') || /^\{\s*"(?:[^"\\]|\\.)*"\s*:/.test(first);
}

function* readJsonl(file: InputFile, text: string, warnings: string[]): Generator<InputItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${file.path}:${i + 1}`;
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
    const doc = typeof rec.doc === 'string' ? rec.doc : (url ?? `${file.name}:${i + 1}`);
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
function* readFeed(file: InputFile, text: string, warnings: string[]): Generator<InputItem> {
  const items = feedItemElements(parseXml(text));
  if (!items.length) throw new InputError('feed has no items');
  let i = 0;
  for (const item of items) {
    i++;
    const { link: url, content, title, published, author } = feedItemFields(item);
    if (!content) {
      yield fail(`${file.path} item ${i}`, 'feed item has no content or description');
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
        doc: url ?? `${file.name}#${i}`,
        path: `${file.path} item ${i}`,
        url,
        kind: 'html',
        content: `<html><body><article>${title ? `<h1>${title}</h1>` : ''}${wrapped}</article></body></html>`,
        hints: { title, published, author },
      },
      warnings,
    };
  }
}

/**
 * WARC (plain or gzipped): one document per HTML response or resource record. Every complete record
 * is kept; a record cut short, a block that is not a WARC record, or gzip data cut short after the
 * last complete record is one failure naming the file and the record, and reading stops there.
 */
async function* readWarc(file: InputFile, buf: Buffer, truncatedGzip: boolean, max: number): AsyncGenerator<InputItem> {
  let n = 0;
  const at = (k: number, url?: string | null) => `${file.path} record ${k}${url ? ` (${url})` : ''}`;
  // Gzip data cut short ends in a part of a record: that is what the message says.
  const broken = (why: string) => (truncatedGzip ? `truncated gzip data (${why})` : why);
  // warcio reports a record whose length does not match on the console; it is turned into a failure here.
  const complaints: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void complaints.push(args.map(String).join(' '));
  try {
    // warcio (and its gzip code) is loaded for the first WARC file only.
    const { WARCParser } = await import('warcio');
    const parser = new WARCParser([new Uint8Array(buf)], { parseHttp: false });
    for await (const record of parser) {
      n++;
      if (complaints.length) {
        yield fail(at(n - 1), broken('broken WARC record: its length does not match its Content-Length'));
        return;
      }
      const type = record.warcType;
      const declared = record.warcHeaders.headers.get('content-length');
      if (!type || !declared || !/^\d+$/.test(declared.trim())) {
        yield fail(at(n), broken('not a WARC record: no WARC-Type or Content-Length header'));
        return;
      }
      const url = record.warcTargetURI ?? undefined;
      const block = Buffer.from(await record.readFully(false));
      if (block.length < record.warcContentLength) {
        yield fail(at(n, url), broken(`truncated WARC record: ${block.length} of ${record.warcContentLength} bytes`));
        return;
      }
      if (type !== 'response' && type !== 'resource') continue;
      const warnings: string[] = [];
      let page: { ctype: string; body: Buffer };
      try {
        page = type === 'response' ? httpPayload(block, max) : { ctype: (record.warcContentType ?? '').toLowerCase(), body: block };
      } catch (e) {
        yield fail(at(n, url), `broken WARC record (${reason(e)})`);
        continue;
      }
      if (page.ctype && !/html|text\/plain|xml/.test(page.ctype)) continue;
      if (!page.body.length) {
        yield fail(at(n, url), 'empty WARC record');
        continue;
      }
      yield {
        ok: true,
        raw: {
          doc: url ?? `${file.name}#${n}`,
          path: at(n, url),
          url,
          kind: page.ctype.includes('text/plain') ? 'text' : 'html',
          content: decode(page.body, warnings),
          hints: { published: record.warcDate ?? undefined },
        },
        warnings,
      };
    }
  } catch (e) {
    yield fail(at(n + 1), broken(`broken WARC record (${reason(e)})`));
    return;
  } finally {
    console.warn = warn;
  }
  if (complaints.length) yield fail(at(n), broken('broken WARC record: its length does not match its Content-Length'));
  else if (n === 0) yield fail(file.path, 'no WARC records found');
  else if (truncatedGzip) yield fail(file.path, `truncated gzip data after record ${n}`);
}

/** The content type and body of an HTTP response block (chunked and gzip/deflate/br bodies decoded). */
function httpPayload(block: Buffer, max: number): { ctype: string; body: Buffer } {
  let end = block.indexOf('\r\n\r\n');
  let bodyStart = end + 4;
  if (end < 0) {
    end = block.indexOf('\n\n');
    bodyStart = end + 2;
  }
  if (end < 0) throw new InputError('HTTP headers without an end');
  const headers = new Map<string, string>();
  for (const line of block.subarray(0, end).toString('latin1').split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(
        line.slice(0, colon).trim().toLowerCase(),
        line
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  let body = block.subarray(bodyStart);
  if (headers.get('transfer-encoding')?.includes('chunked')) body = dechunk(body);
  const encoding = headers.get('content-encoding') ?? '';
  const limit = { maxOutputLength: max };
  try {
    if (/gzip/.test(encoding)) body = gunzipSync(body, limit);
    else if (/deflate/.test(encoding)) body = inflateSync(body, limit);
    else if (/\bbr\b/.test(encoding)) body = brotliDecompressSync(body, limit);
  } catch (e) {
    throw new InputError(`body cannot be decoded as ${encoding} (${(e as Error).message})`);
  }
  return { ctype: headers.get('content-type') ?? '', body };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', i);
    if (eol < 0) throw new InputError('chunked body cut short');
    const len = Number.parseInt(body.subarray(i, eol).toString('latin1'), 16);
    if (!Number.isFinite(len)) throw new InputError('chunked body with a bad chunk size');
    if (len === 0) return Buffer.concat(parts);
    if (eol + 2 + len > body.length) throw new InputError('chunked body cut short');
    parts.push(body.subarray(eol + 2, eol + 2 + len));
    i = eol + 4 + len;
  }
}
