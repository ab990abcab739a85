// One bounded HTTP GET: a timeout, a size limit, and the body decoded to text. Redirects are
// returned, not followed, so the caller can bound them and pass each hop through robots.txt.
import { decode } from '../documents/read.ts';

export const KRONIK_USER_AGENT = 'kronik/0.1.0 (news event chronicle; +robots.txt token "kronik")';

export interface GetOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  accept?: string;
  /** Conditional GET validators from the last fetch. */
  etag?: string | null;
  lastModified?: string | null;
}

export type GetResult =
  | { kind: 'body'; status: number; body: string; contentType: string; etag: string | null; lastModified: string | null }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; error: string; transient: boolean; status?: number };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Reads at most `max` bytes of a response body; null when it is larger. */
async function readBounded(res: Response, max: number): Promise<Buffer | null> {
  if (!res.body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(Buffer.from(value));
  }
  return Buffer.concat(parts);
}

function charsetOf(contentType: string): string | null {
  return /charset=["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

function decodeBody(buf: Buffer, contentType: string): string {
  const cs = charsetOf(contentType);
  if (cs && cs !== 'utf-8' && cs !== 'utf8') {
    try {
      return new TextDecoder(cs).decode(buf);
    } catch {
      // an unknown label: fall back to sniffing below
    }
  }
  return decode(buf, []);
}

/** A GET of `url`; failures come back as values, with whether trying later may help. */
export async function httpGet(url: string, opts: GetOptions): Promise<GetResult> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: opts.accept ?? '*/*' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: 'manual', signal });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { kind: 'error', error: `timed out after ${opts.timeoutMs} ms`, transient: true };
    return { kind: 'error', error: `cannot connect (${err.cause?.code ?? err.cause?.message ?? err.message})`, transient: true };
  }
  try {
    if (res.status === 304) return { kind: 'not-modified' };
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      if (!location) return { kind: 'error', error: `HTTP ${res.status} without a Location`, transient: false, status: res.status };
      return { kind: 'redirect', status: res.status, location: new URL(location, url).toString() };
    }
    if (res.status !== 200) {
      const transient = res.status >= 500 || res.status === 429 || res.status === 408;
      return { kind: 'error', error: `HTTP ${res.status}`, transient, status: res.status };
    }
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > opts.maxBytes) {
      return { kind: 'error', error: `too large (${mb(length)} > limit ${mb(opts.maxBytes)})`, transient: false, status: 200 };
    }
    const buf = await readBounded(res, opts.maxBytes);
    if (!buf) return { kind: 'error', error: `too large (over the limit of ${mb(opts.maxBytes)})`, transient: false, status: 200 };
    const contentType = res.headers.get('content-type') ?? '';
    return {
      kind: 'body',
      status: 200,
      body: decodeBody(buf, contentType),
      contentType: contentType.toLowerCase(),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  } catch (e) {
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { kind: 'error', error: `timed out after ${opts.timeoutMs} ms`, transient: true };
    return { kind: 'error', error: `connection broke (${err.message})`, transient: true };
  } finally {
    // Free the socket of a body we did not read (redirects, errors).
    if (!res.bodyUsed) await res.body?.cancel().catch(() => {});
  }
}
