// DOM building without HTML parsing: every piece of data becomes a text node or an attribute
// value. Nothing here (or anywhere in the UI) assigns innerHTML.

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((ev: Event) => void)>;

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') {
      el.addEventListener(k.replace(/^on/, ''), v);
      continue;
    }
    if (v === null || v === undefined || v === false) continue;
    if (k === 'href' && typeof v === 'string' && !isSafeHref(v)) continue;
    el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** In-app links (#/…, /api/…) and absolute http(s) URLs only: no javascript:, data:, … */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('#') || /^\/(?!\/)/.test(href)) return true;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An external link that opens in a new tab, or plain text when the URL is not http(s). */
export function externalLink(href: string | null | undefined, text: Child, attrs: Attrs = {}): HTMLElement {
  if (href && isSafeHref(href) && /^https?:/i.test(href)) {
    return h('a', { ...attrs, href, target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
  }
  return h('span', attrs, text);
}

/** A hash route with encoded path segments and query. */
export function route(segments: string[], query?: Record<string, string | undefined>): string {
  const path = segments.map(encodeURIComponent).join('/');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) qs.set(k, v);
  const s = qs.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

export interface Span {
  start: number;
  end: number;
  className: string;
  /** Marks with an id can be scrolled to. */
  id?: string;
}

/**
 * `text` split into text nodes and <mark> elements for the given spans (overlaps dropped,
 * out-of-range spans ignored).
 */
export function highlighted(text: string, spans: Span[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    if (s.start > pos) frag.appendChild(document.createTextNode(text.slice(pos, s.start)));
    const mark = document.createElement('mark');
    mark.className = s.className;
    if (s.id) mark.id = s.id;
    mark.textContent = text.slice(s.start, s.end);
    frag.appendChild(mark);
    pos = s.end;
  }
  if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
  return frag;
}

/** "[word]" snippet markers (from the search API) as <mark> elements. */
export function snippet(text: string): DocumentFragment {
  const spans: Span[] = [];
  let plain = '';
  const re = /\[([^[\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    plain += text.slice(last, m.index);
    spans.push({ start: plain.length, end: plain.length + m[1]!.length, className: 'hit' });
    plain += m[1];
    last = m.index + m[0].length;
  }
  plain += text.slice(last);
  return highlighted(plain, spans);
}
