// Feeds and sitemaps as data: the fields of an RSS/Atom item, and the page links of a feed or a
// (news) sitemap. Used by the feed reader (pages inside a feed file) and by `watch` (links to fetch).
import { DOMParser } from 'linkedom';
import type { RawInput } from '../types.ts';

/** The first child of `el` named one of `names` (in the order of `names`), or null. */
function pick(el: Element, names: string[]): Element | null {
  for (const n of names) {
    for (const child of el.children) if (child.tagName.toLowerCase() === n) return child;
  }
  return null;
}

const text = (el: Element | null) => el?.textContent?.trim() || undefined;

export interface FeedItemFields {
  /** The item's page: RSS `<link>`, Atom `<link rel="alternate" href>` (or the first link with no rel). */
  link?: string;
  /** Its content, else description or summary (HTML or text), '' when it has none. */
  content: string;
  title?: string;
  published?: string;
  author?: string;
}

/** What an RSS 2.0, RSS 1.0 (RDF) or Atom item says. */
export function feedItemFields(item: Element): FeedItemFields {
  let link: string | undefined;
  for (const child of item.children) {
    if (child.tagName.toLowerCase() !== 'link') continue;
    const rel = child.getAttribute('rel');
    const href = child.getAttribute('href') || child.textContent?.trim();
    if (href && (!rel || rel === 'alternate')) {
      link = href;
      break;
    }
  }
  return {
    link,
    content: text(pick(item, ['content:encoded', 'content', 'description', 'summary'])) ?? '',
    title: text(pick(item, ['title'])),
    published: text(pick(item, ['pubdate', 'published', 'dc:date', 'updated'])),
    author: text(pick(item, ['author', 'dc:creator'])),
  };
}

/** The items of a parsed feed (RSS `<item>`, Atom `<entry>`). */
export function feedItemElements(xml: Document): Element[] {
  return [...xml.querySelectorAll('item, entry')];
}

export function parseXml(body: string): Document {
  return new DOMParser().parseFromString(body, 'text/xml') as unknown as Document;
}

/** A page a feed or sitemap links to, with what it says about it. */
export interface LinkedPage {
  url: string;
  hints?: RawInput['hints'];
}

export type FeedLinks =
  | { kind: 'feed' | 'sitemap'; pages: LinkedPage[] }
  /** A sitemap index: the sitemaps it lists. */
  | { kind: 'sitemap-index'; sitemaps: string[] };

/** Absolute http(s) URL of `href` against `base`, without its fragment; null when it is none. */
function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

function dropEmpty(h: NonNullable<RawInput['hints']>): RawInput['hints'] | undefined {
  const out = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
}

/**
 * The pages an RSS/Atom feed or a sitemap (news sitemaps with their title and publication date)
 * links to, in document order and each once, or the sitemaps a sitemap index lists.
 * Throws an Error saying what the body is when it is none of these.
 */
export function feedLinks(body: string, baseUrl: string): FeedLinks {
  const xml = parseXml(body);
  const root = xml.documentElement?.tagName.toLowerCase().replace(/^.*:/, '') ?? '';
  const seen = new Set<string>();
  const once = (u: string | null): u is string => u !== null && !seen.has(u) && seen.add(u) !== undefined;
  if (root === 'sitemapindex') {
    const sitemaps = [...xml.querySelectorAll('sitemap')].map((s) => absolute(text(pick(s, ['loc'])), baseUrl)).filter(once);
    return { kind: 'sitemap-index', sitemaps };
  }
  if (root === 'urlset') {
    const pages: LinkedPage[] = [];
    for (const u of xml.querySelectorAll('url')) {
      const url = absolute(text(pick(u, ['loc'])), baseUrl);
      if (!once(url)) continue;
      const news = pick(u, ['news:news']);
      const hints = dropEmpty({
        title: news ? text(pick(news, ['news:title'])) : undefined,
        published: (news ? text(pick(news, ['news:publication_date'])) : undefined) ?? text(pick(u, ['lastmod'])),
      });
      pages.push(hints ? { url, hints } : { url });
    }
    return { kind: 'sitemap', pages };
  }
  if (root === 'rss' || root === 'feed' || root === 'rdf') {
    const pages: LinkedPage[] = [];
    for (const item of feedItemElements(xml)) {
      const f = feedItemFields(item);
      const url = absolute(f.link, baseUrl);
      if (!once(url)) continue;
      const hints = dropEmpty({ title: f.title, published: f.published, author: f.author });
      pages.push(hints ? { url, hints } : { url });
    }
    return { kind: 'feed', pages };
  }
  throw new Error(`not an RSS/Atom feed or a sitemap (root element ${root ? `<${root}>` : 'missing'})`);
}
