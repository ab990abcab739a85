// Page metadata: title, author, publication time, outlet, language, description.
// Read from <meta> tags, JSON-LD, microdata (itemprop) and a few DOM conventions.

import { CODED_LANGUAGES, escapeRegExp, loadLexicon } from '../../lexicon/load.ts';
import { normalizeSpace } from './blocks.ts';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  outlet: string | null;
  lang: string | null;
  description: string | null;
  /** Plain-text JSON-LD articleBody (the longest one), when a page states it. */
  articleBody: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|WebPage|Review|Blog|MedicalWebPage)$/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  copy: '©',
};

/** Decodes numeric and common named character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of a JSON-LD string field: entities decoded, tags removed, whitespace normalised per line. */
export function plainText(s: string): string {
  let t = s;
  if (/<[a-z/!][^>]*>/i.test(t)) {
    t = t
      .replace(/<(?:br|\/p|\/div|\/h\d|\/li|\/blockquote)\b[^>]*>/gi, '\n')
      .replace(/<(script|style)\b[^>]*>[^<]*<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
  }
  t = decodeEntities(decodeEntities(t));
  return t.split(/\n+/).map(normalizeSpace).filter(Boolean).join('\n\n');
}

function parseJsonLd(raw: string): Json[] {
  let text = raw.trim();
  if (!text) return [];
  text = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
  try {
    return [JSON.parse(text) as Json];
  } catch {
    // Common breakage: raw control characters inside strings, trailing commas.
    try {
      const fixed = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
      return [JSON.parse(fixed) as Json];
    } catch {
      return [];
    }
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** All objects in a JSON-LD tree (arrays, @graph, nested values), breadth-limited. */
function allObjects(roots: Json[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [...roots];
  let budget = 5000;
  while (queue.length && budget-- > 0) {
    const v = queue.shift() as Json;
    if (Array.isArray(v)) queue.push(...v);
    else if (isObject(v)) {
      out.push(v);
      for (const k of Object.keys(v)) {
        const c = v[k];
        if (typeof c === 'object' && c !== null) queue.push(c);
      }
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = normalizeSpace(decodeEntities(v));
    return s || null;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
    return null;
  }
  if (isObject(v)) return str(v['@value'] ?? v.name);
  return null;
}

function personNames(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    const s = normalizeSpace(decodeEntities(v));
    return s && !/^https?:\/\//i.test(s) ? [s] : [];
  }
  if (Array.isArray(v)) return v.flatMap(personNames);
  if (isObject(v)) {
    const n = str(v.name);
    return n && !/^https?:\/\//i.test(n) ? [n] : [];
  }
  return [];
}

const TITLE_SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

/** Removes a trailing (or leading) " | Outlet" part of a page title. */
export function stripTitleSuffix(title: string, outlet: string | null, host: string | null = null): string {
  let t = title.trim();
  const parts = t.split(TITLE_SEPARATORS);
  if (parts.length < 2) return t;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const o = outlet ? norm(outlet) : '';
  const h = host ? norm(host.split('.').slice(0, -1).join('.') || host) : '';
  const last = parts[parts.length - 1];
  const first = parts[0];
  const matches = (p: string) => {
    const n = norm(p);
    if (n.length === 0) return false;
    if (o.length > 0 && (n === o || n.includes(o) || o.includes(n))) return true;
    return h.length > 2 && (n.includes(h) || h.includes(n));
  };
  if (matches(last)) {
    t = t.slice(0, t.lastIndexOf(last)).replace(/[\s|\-–—:·•»«/]+$/, '');
  } else if (matches(first)) {
    t = t.slice(first.length).replace(/^[\s|\-–—:·•»«/]+/, '');
  } else if (last.split(/\s+/).length <= 3 && parts.slice(0, -1).join(' ').split(/\s+/).length >= 4) {
    // A short trailing segment after a long headline is almost always the site name.
    t = t.slice(0, t.lastIndexOf(last)).replace(/[\s|\-–—:·•»«/]+$/, '');
  }
  return t.trim() || title.trim();
}

/** What the metadata reader needs from the DOM, gathered in one walk. */
interface DomFacts {
  meta: Map<string, string>;
  h1s: Element[];
  authorName: Element | null;
  author: Element | null;
  relAuthor: Element | null;
  bylineClass: Element | null;
  datePublished: Element | null;
  articleTime: Element | null;
  pubdateTime: Element | null;
  anyTime: Element | null;
}

const BYLINE_CLASS = /(?:^|\s)(?:byline|author-name|article-author)(?:\s|$)|byline/i;

function hasToken(attr: string | null, token: string): boolean {
  if (!attr) return false;
  return attr.toLowerCase().split(/\s+/).includes(token);
}

function scanDocument(document: Document): DomFacts {
  const facts: DomFacts = {
    meta: new Map(),
    h1s: [],
    authorName: null,
    author: null,
    relAuthor: null,
    bylineClass: null,
    datePublished: null,
    articleTime: null,
    pubdateTime: null,
    anyTime: null,
  };
  const root = document.documentElement;
  if (!root) return facts;
  // Iterative pre-order walk; each frame remembers whether it is inside an itemprop=author
  // element or an <article>.
  const stack: Array<{ el: Element; inAuthor: boolean; inArticle: boolean }> = [{ el: root, inAuthor: false, inArticle: false }];
  while (stack.length) {
    const { el, inAuthor, inArticle } = stack.pop() as { el: Element; inAuthor: boolean; inArticle: boolean };
    const tag = el.localName;
    let author = inAuthor;
    const article = inArticle || tag === 'article';
    if (tag === 'meta') {
      const content = el.getAttribute('content')?.trim();
      if (content) {
        for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
          const key = el.getAttribute(attr);
          if (!key) continue;
          for (const k of key.toLowerCase().split(/\s+/)) {
            if (k && !facts.meta.has(k)) facts.meta.set(k, content);
          }
        }
      }
    } else if (tag === 'h1') {
      if (facts.h1s.length < 10) facts.h1s.push(el);
    } else if (tag === 'time' && el.hasAttribute('datetime')) {
      if (article && !facts.articleTime) facts.articleTime = el;
      if (el.hasAttribute('pubdate') && !facts.pubdateTime) facts.pubdateTime = el;
      if (!facts.anyTime) facts.anyTime = el;
    } else if (tag === 'a' && !facts.relAuthor && hasToken(el.getAttribute('rel'), 'author')) {
      facts.relAuthor = el;
    }
    const itemprop = el.getAttribute('itemprop');
    if (itemprop) {
      if (hasToken(itemprop, 'author')) {
        if (!facts.author) facts.author = el;
        author = true;
      }
      if (inAuthor && !facts.authorName && hasToken(itemprop, 'name')) facts.authorName = el;
      if (!facts.datePublished && hasToken(itemprop, 'datepublished')) facts.datePublished = el;
    }
    if (!facts.bylineClass) {
      const cls = el.getAttribute('class');
      if (cls && BYLINE_CLASS.test(cls)) facts.bylineClass = el;
    }
    const children: Element[] = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ el: children[i], inAuthor: author, inArticle: article });
  }
  return facts;
}

function firstOf(map: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return normalizeSpace(decodeEntities(v)) || null;
  }
  return null;
}

function textOf(el: Element | null): string | null {
  if (!el) return null;
  const t = normalizeSpace(el.textContent ?? '');
  return t || null;
}

interface BylineWords {
  prefix: RegExp;
  stamp: RegExp;
  gluedDate: RegExp;
  gluedWeekday: RegExp;
}

let bylineWords: BylineWords | null = null;

/** Byline labels and date words from the lexicons (common/bylines.yaml, <lang>/time.yaml). */
function bylines(): BylineWords {
  if (bylineWords) return bylineWords;
  const lex = loadLexicon<{ labels: string[]; stamps: string[] }>('common', 'bylines');
  const time = CODED_LANGUAGES.map((l) => loadLexicon<{ months: Record<string, number>; weekdays: Record<string, number> }>(l, 'time'));
  const alt = (ws: string[]) =>
    [...new Set(ws)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
  const weekdays = alt(time.flatMap((t) => Object.keys(t.weekdays)));
  const months = alt(time.flatMap((t) => Object.keys(t.months)));
  bylineWords = {
    prefix: new RegExp(`^(?:${alt(lex.labels).replace(/ /g, '\\s+')})\\s*[:\\-–—]?\\s*`, 'i'),
    stamp: new RegExp(`\\s*\\b(?:${alt(lex.stamps)})\\b.*$`),
    gluedDate: new RegExp(
      `(?:\\s*,)?\\s*(?:(?:${weekdays})\\b.*|(?:${months})\\.?\\s+\\d{1,2},?\\s+\\d{4}.*|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}.*)$`,
      'i',
    ),
    // Case matters here: a capitalised weekday glued to a lower-case letter ("DoeMonday").
    gluedWeekday: new RegExp(
      `(\\p{Ll})(?:${alt(time.flatMap((t) => Object.keys(t.weekdays)).map((d) => d[0].toUpperCase() + d.slice(1)))})\\b.*$`,
      'u',
    ),
  };
  return bylineWords;
}

/** Cleans an author string: drops "By", trailing dates/roles after a dash, URLs, handles. */
export function cleanByline(s: string | null | undefined): string | null {
  if (!s) return null;
  const w = bylines();
  let t = normalizeSpace(decodeEntities(s)).replace(w.prefix, '');
  if (/^https?:\/\//i.test(t) || /^@/.test(t) || /\.txt$/i.test(t)) return null;
  // "Jane Doe — November 18, 2019", "Jane Doe | Outlet"
  t = t.split(/\s+[|—–]\s+|\s+-\s+(?=\S*\d)/)[0];
  // A date glued to the name ("Jane DoeMonday, November 18, 2019"), or a stamp after the names
  // ("... Published 7:07 PM EST"); a weekday glued to the last name.
  t = t.replace(w.gluedDate, '');
  t = t.replace(w.stamp, '');
  t = t.replace(w.gluedWeekday, '$1');
  t = t.replace(/[\s,;|:]+$/, '').trim();
  if (!t || t.length > 120 || !/\p{L}/u.test(t)) return null;
  return t;
}

/** A publication time worth reporting: not a placeholder year (0001-01-01) or empty. */
function plausibleDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = normalizeSpace(s);
  if (!t) return null;
  const year = /^(\d{4})-/.exec(t)?.[1];
  if (year && (Number(year) < 1900 || Number(year) > 2100)) return null;
  return t;
}

function firstDate(candidates: Array<() => string | null | undefined>): string | null {
  for (const c of candidates) {
    const d = plausibleDate(c());
    if (d) return d;
  }
  return null;
}

/**
 * Reads page metadata. `document` may be null (no DOM could be built): then only the
 * JSON-LD blocks and the <title> text are used.
 */
export function readMetadata(
  document: Document | null,
  jsonLdRaw: string[],
  titleTag: string | null,
  host: string | null = null,
): PageMetadata {
  const facts = document ? scanDocument(document) : null;
  const meta = facts?.meta ?? new Map<string, string>();
  const roots = jsonLdRaw.flatMap(parseJsonLd);
  const objects = allObjects(roots);
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // Prefer real article types over WebPage.
  const rank = (o: JsonObject) => (typesOf(o).some((t) => /Article|Posting/i.test(t)) ? 0 : 1);
  articles.sort((a, b) => rank(a) - rank(b));
  const ld = (key: string): Json | undefined => {
    for (const a of articles) if (a[key] !== undefined && a[key] !== null && a[key] !== '') return a[key];
    return undefined;
  };

  // Outlet
  let outlet = firstOf(meta, ['og:site_name', 'application-name', 'al:android:app_name', 'twitter:app:name:iphone']);
  if (!outlet) {
    const pub = ld('publisher');
    const pubObj = Array.isArray(pub) ? pub.find(isObject) : pub;
    outlet = isObject(pubObj) ? str(pubObj.name) : str(pub);
    if (!outlet) {
      const org = objects.find((o) => typesOf(o).some((t) => /^(?:NewsMediaOrganization|Organization|WebSite)$/i.test(t)));
      outlet = org ? str(org.name) : null;
    }
  }

  // Title: an <h1> the metadata title starts with is the cleanest headline; otherwise
  // the metadata title without its " | Outlet" part.
  const h1s = (facts?.h1s ?? []).map((h) => textOf(h)).filter((t): t is string => !!t && t.length <= 300);
  const candidates = [
    firstOf(meta, ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title']),
    str(ld('headline')),
    titleTag ? normalizeSpace(decodeEntities(titleTag)) : null,
  ].filter((t): t is string => !!t);
  const norm = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  let title: string | null = null;
  for (const h of h1s) {
    const nh = norm(h);
    const matches = (c: string) => {
      const nc = norm(c);
      return nc.startsWith(nh) || nh.startsWith(nc) || (nc.includes(nh) && nh.length >= nc.length * 0.5);
    };
    if (nh.length >= 8 && candidates.some(matches)) {
      title = h;
      break;
    }
  }
  if (!title && candidates.length) title = stripTitleSuffix(candidates[0], outlet, host);
  if (!title && h1s.length) title = h1s[0];

  // Byline
  const ldAuthors = personNames(ld('author'))
    .map((n) => cleanByline(n))
    .filter((n): n is string => !!n);
  let byline: string | null = ldAuthors.length ? [...new Set(ldAuthors)].join(', ') : null;
  if (!byline) {
    byline = cleanByline(
      firstOf(meta, ['author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author', 'byl', 'citation_author']),
    );
  }
  if (!byline && facts) {
    const el = facts.authorName ?? facts.author ?? facts.relAuthor ?? facts.bylineClass;
    byline = cleanByline(el ? (el.getAttribute('content') ?? textOf(el)) : null);
  }

  // Published
  const published = firstDate([
    () =>
      firstOf(meta, [
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'published_time',
        'article.published',
        'dc.date.issued',
        'dcterms.created',
        'dc.date',
        'sailthru.date',
        'parsely-pub-date',
        'content_publish_date',
        'date',
      ]),
    () => str(ld('datePublished')),
    () => str(ld('dateCreated')),
    () => {
      const el = facts?.datePublished;
      return el ? (el.getAttribute('content') ?? el.getAttribute('datetime') ?? textOf(el)) : null;
    },
    () => (facts?.articleTime ?? facts?.pubdateTime ?? facts?.anyTime)?.getAttribute('datetime'),
    () => firstOf(meta, ['article:modified_time', 'og:updated_time', 'datemodified']),
    () => str(ld('dateModified')),
  ]);

  // Language
  const htmlEl = document?.documentElement ?? null;
  let lang = htmlEl?.getAttribute('lang') ?? htmlEl?.getAttribute('xml:lang') ?? null;
  if (!lang) lang = firstOf(meta, ['content-language', 'language', 'dc.language']);
  if (!lang) lang = str(ld('inLanguage'));
  if (!lang) {
    const loc = firstOf(meta, ['og:locale']);
    lang = loc ? loc.replace('_', '-') : null;
  }
  lang = lang ? normalizeSpace(lang) || null : null;

  // Description
  const description = firstOf(meta, ['og:description', 'description', 'twitter:description', 'dc.description']) ?? str(ld('description'));

  // JSON-LD articleBody (longest).
  let articleBody: string | null = null;
  for (const a of articles) {
    const b = a.articleBody ?? a.text;
    if (typeof b === 'string') {
      const t = plainText(b);
      if (!articleBody || t.length > articleBody.length) articleBody = t;
    }
  }

  return { title, byline, published, outlet, lang, description, articleBody };
}
