// Cleanup of a candidate article subtree: drops furniture containers (by tag, by
// class/id vocabulary, by link density, hidden elements), then filters text blocks
// (boilerplate lines, the headline repeated, a block repeated in a row, trailing headings).

import { BLOCK_TAGS, collectBlocks, normalizeSpace, type TextBlock } from './blocks.ts';
import { isFurnitureLine } from './boilerplate-patterns.ts';

/** Tags whose subtree is furniture wherever it sits inside an article. */
const FURNITURE_TAGS = new Set(['figcaption', 'aside', 'nav', 'footer', 'form', 'menu', 'dialog']);

// Class/id words of furniture containers. Matched against each word of class and id
// (split on non-alphanumerics and camelCase), as a prefix of that word.
const FURNITURE_WORD =
  /^(?:share|sharing|sharebar|social|sociable|addthis|addtoany|related|relacionad|recommend|promo|sponsor|advert|adsense|adslot|adunit|adsbygoogle|dfp|outbrain|taboola|newsletter|subscri|signup|paywall|donate|cookie|consent|gdpr|comment(?!ary)|disqus|respond|breadcrumb|pagination|pager|toolbar|byline|dateline|timestamp|caption|credit|slideshow|lightbox|sidebar|rail|masthead|tags|tagcloud|taglist|topics|trending|popular|mostread|most|readmore|readnext|morestories|also|modal|popup|overlay|banner|teaser|author|meta|published|updated|nav|menu|footer|header|skip|jump|bio)/;
const FURNITURE_EXACT = new Set(['ad', 'ads', 'share', 'tag', 'date', 'time', 'more', 'next', 'prev']);
// Whole class tokens that hide an element (utility classes). Matched as tokens, not words:
// "hidden-print" or "hidden-xs" hide only in some media.
const HIDDEN_CLASS = new Set([
  'hidden',
  'hide',
  'invisible',
  'is-hidden',
  'u-hidden',
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'element-invisible',
  'print-only',
]);

function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length < 2) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function hasFurnitureName(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls) {
    for (const token of cls.toLowerCase().split(/\s+/)) if (HIDDEN_CLASS.has(token)) return true;
  }
  const words = classWords(el);
  if (!words.length) return false;
  let furniture = false;
  for (const w of words) {
    if (FURNITURE_EXACT.has(w) || FURNITURE_WORD.test(w)) furniture = true;
  }
  if (!furniture) return false;
  // "article-body share-enabled": a content container that merely carries a furniture word.
  const joined = words.join('-');
  return !/(?:^|-)(?:article|story|entry|post)-(?:body|content|text)(?:-|$)/.test(joined);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

interface Stats {
  /** Non-space characters of text. */
  text: number;
  /** Non-space characters inside links. */
  link: number;
  /** Number of <a> elements. */
  links: number;
  /** Characters in paragraph-like descendants: long, sentence text with few links. */
  para: number;
  /** Whether the element's text ends like a sentence (., !, ?, …, closing quote). */
  sentenceEnd: boolean;
}

/** Text and link-text length of every element under root (post-order, iterative). */
function measure(root: Element): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const stack: Array<{ el: Element; done: boolean }> = [{ el: root, done: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.done) {
      top.done = true;
      for (let c = top.el.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, done: false });
      continue;
    }
    stack.pop();
    const el = top.el;
    let text = 0;
    let link = 0;
    let links = 0;
    let para = 0;
    let sentenceEnd = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        const k = countNonSpace(v);
        if (k > 0) {
          text += k;
          sentenceEnd = SENTENCE_END.test(v.trimEnd());
        }
      } else if (c.nodeType === 1) {
        const s = stats.get(c as Element);
        if (s && s.text > 0) {
          text += s.text;
          link += s.link;
          links += s.links;
          para += s.para;
          sentenceEnd = s.sentenceEnd;
        }
      }
    }
    if (el.localName === 'a') {
      link = text;
      links++;
    }
    if (PARA_TAGS.has(el.localName) && text >= 80 && link < text * 0.3) para = text;
    stats.set(el, { text, link, links, para, sentenceEnd });
  }
  return stats;
}

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

export interface CleanOptions {
  lang: string | null;
  /** Normalised title, to drop a repeated headline. */
  title: string | null;
}

const PARA_TAGS = new Set(['p', 'li', 'dd', 'dt', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'pre']);
const SENTENCE_END = /[.!?…。]['"”’)]?$/;
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu', 'table', 'nav']);

export interface SkipOptions {
  /** Tags whose subtree is furniture (default: FURNITURE_TAGS). */
  tags?: Set<string>;
  /** Also drop link-dense containers (default true). */
  linkDensity?: boolean;
}

/**
 * Predicate for collectBlocks: whether an element under `root` is furniture (hidden, a
 * furniture tag or class/id name, a link-dense list). Only hiding is absolute: the other
 * rules never drop an element holding 40% or more of root's paragraph text.
 */
export function furnitureSkip(root: Element, opts: SkipOptions = {}): (el: Element) => boolean {
  const tags = opts.tags ?? FURNITURE_TAGS;
  const linkDensity = opts.linkDensity ?? true;
  const stats = measure(root);
  const rootStats = stats.get(root);
  const total = rootStats?.text ?? 0;
  const totalPara = rootStats?.para ?? 0;
  return (el: Element): boolean => {
    const s = stats.get(el);
    if (!s) return false;
    if (isHidden(el)) return true;
    const tag = el.localName;
    // Never drop most of the article by a name-based rule.
    const small = totalPara > 0 ? s.para < totalPara * 0.4 : s.text < total * 0.4;
    if (!small) return false;
    if (tags.has(tag) || hasFurnitureName(el)) return true;
    // Link-dense containers: lists of links, teaser blocks.
    if (linkDensity && s.text > 0 && (LIST_TAGS.has(tag) || BLOCK_TAGS.has(tag))) {
      const density = s.link / s.text;
      const plainPerLink = (s.text - s.link) / Math.max(1, s.links);
      // A sentence that happens to be a link (to earlier coverage) is still text.
      const exempt = PARA_TAGS.has(tag) && s.text >= 60 && s.sentenceEnd;
      if (density > 0.5 && plainPerLink < 40 && !exempt) return true;
    }
    return false;
  };
}

/**
 * Removes furniture elements (see furnitureSkip) from the tree under root, in place.
 * Run before Readability, which rewrites elements (div -> p) and loses their class names.
 */
export function pruneFurniture(root: Element, opts: SkipOptions = {}): number {
  const skip = furnitureSkip(root, opts);
  const doomed: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (skip(c)) doomed.push(c);
      else stack.push(c);
    }
  }
  for (const el of doomed) el.remove();
  return doomed.length;
}

/** Extracts clean text blocks from a candidate article element. */
export function cleanBlocks(root: Element, opts: CleanOptions): TextBlock[] {
  return filterBlocks(collectBlocks(root, furnitureSkip(root)), opts);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function filterBlocks(blocks: TextBlock[], opts: CleanOptions): TextBlock[] {
  const title = opts.title ? norm(opts.title) : null;
  const out: TextBlock[] = [];
  let prev = '';
  for (const b of blocks) {
    const k = norm(b.text);
    if (!k) continue;
    if (title && k === title) continue;
    // The same block twice in a row (a lede shown as summary and as first paragraph).
    if (k === prev) continue;
    prev = k;
    const lines = b.text.split('\n').filter((l) => !isFurnitureLine(normalizeSpace(l), opts.lang));
    if (!lines.length) continue;
    out.push({ ...b, text: lines.join('\n') });
  }
  // A heading with nothing after it introduces furniture that was removed ("Related").
  while (out.length && out[out.length - 1].heading) out.pop();
  return out;
}
