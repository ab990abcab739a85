// HTML main-content extraction.
//
// Pipeline:
//   1. sanitize: linear pre-pass that drops scripts/styles/embeds/comments and unused
//      attributes, keeps JSON-LD aside, caps element nesting and cuts the page at LIMITS
//      (so a 10,000-deep or 50 MB page cannot reach the parser as such);
//   2. parse with linkedom;
//   3. metadata from <meta>, JSON-LD, microdata;
//   4. furniture named as such (class/id vocabulary, hidden, figcaption...) is removed,
//      then Readability picks the article container (only for pages inside
//      READABILITY_BOUNDS); its subtree is cleaned again (names, link density,
//      boilerplate lines);
//   5. density candidate over the whole page when Readability was skipped or found
//      (almost) nothing; the JSON-LD articleBody is reconciled with the result;
//   6. if the DOM parser throws, a tag-stripping extractor runs on the sanitized markup.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TextBlock } from './blocks.ts';
import { cleanBlocks, filterBlocks, pruneFurniture } from './clean.ts';
import { densityBlocks } from './density.ts';
import { stripTagsToBlocks } from './fallback.ts';
import { mergeWithArticleBody } from './merge.ts';
import { cleanByline, type PageMetadata, readMetadata } from './metadata.ts';
import { type Sanitized, sanitizeHtml } from './sanitize.ts';

export interface HtmlExtraction {
  /** The article headline (og:title / h1 without the " | Outlet" suffix). */
  title: string | null;
  /** Main article text: paragraphs separated by "\n\n"; no menus, related lists, captions, ads. */
  body: string;
  /** Author(s), comma-separated. */
  byline: string | null;
  /** Raw publication time as found (ISO string when the page gives one). */
  published: string | null;
  /** og:site_name or JSON-LD publisher name. */
  outlet: string | null;
  /** <html lang> (or the page's stated content language). */
  lang: string | null;
  description: string | null;
}

export interface ExtractOptions {
  /** Address of the page; used as a hint (e.g. to strip "| example.com" from titles). */
  url?: string;
}

/**
 * Where the sanitizer cuts pages before parsing. Benchmark pages after sanitizing are at
 * most ~110 K characters, ~1,400 elements and 51 levels deep.
 */
export const LIMITS = { maxChars: 1_000_000, maxElements: 30_000, maxDepth: 100 } as const;

/**
 * Readability's cost grows faster than the page (it takes textContent of nested elements
 * again and again), so it only runs on pages inside these bounds. Others, never seen among
 * real article pages (benchmark maxima: 107 K chars, 1,365 elements, 2,308 text pieces),
 * go to the linear density candidate.
 */
const READABILITY_BOUNDS = { maxChars: 600_000, maxElements: 12_000, maxTextPieces: 25_000 } as const;

/** Below this many characters the Readability result is considered a miss. */
const MIN_BODY_CHARS = 250;

/**
 * Readability with its byline test reordered: the cheap attribute/class tests run before
 * the subtree's textContent is built (upstream builds it for every node first, which is
 * quadratic on deep pages). Same result.
 */
class BoundedReadability extends Readability<Element> {}
interface BylineTester {
  REGEXPS: { byline: RegExp };
}
Object.defineProperty(BoundedReadability.prototype, '_isValidByline', {
  value: function isValidByline(this: BylineTester, node: Element, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || itemprop?.includes('author') || this.REGEXPS.byline.test(matchString))) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  },
});

function withinReadabilityBounds(clean: Sanitized): boolean {
  return (
    !clean.flattened &&
    !clean.truncated &&
    clean.html.length <= READABILITY_BOUNDS.maxChars &&
    clean.elements <= READABILITY_BOUNDS.maxElements &&
    clean.textPieces <= READABILITY_BOUNDS.maxTextPieces
  );
}

function textLength(blocks: TextBlock[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function result(meta: PageMetadata, blocks: TextBlock[]): HtmlExtraction {
  return {
    title: meta.title,
    body: blocks.map((b) => b.text).join('\n\n'),
    byline: meta.byline,
    published: meta.published,
    outlet: meta.outlet,
    lang: meta.lang,
    description: meta.description,
  };
}

/** Extraction without a DOM: tag stripping over the sanitized markup. */
function extractWithoutDom(clean: Sanitized, host: string | null): HtmlExtraction {
  const meta = readMetadata(null, clean.jsonLd, clean.titleTag, host);
  const lang = /<html\b[^>]*\blang\s*=\s*"?([A-Za-z-]+)/i.exec(clean.html)?.[1] ?? meta.lang;
  const stripped: TextBlock[] = stripTagsToBlocks(clean.html, lang).map((text) => ({
    text,
    tag: 'p',
    linkChars: 0,
    heading: false,
  }));
  return result({ ...meta, lang }, mergeWithArticleBody(stripped, meta.articleBody).blocks);
}

/**
 * Extracts the main article text and metadata from an HTML page.
 * Never hangs on pathological input: after the linear sanitizer, work is bounded by
 * LIMITS and READABILITY_BOUNDS. Throws only for a non-string argument.
 */
export function extractHtml(html: string, opts: ExtractOptions = {}): HtmlExtraction {
  if (typeof html !== 'string') throw new TypeError('extractHtml: html must be a string');
  const host = hostOf(opts.url);
  const clean = sanitizeHtml(html, LIMITS);

  let document: Document;
  try {
    document = parseHTML(clean.html).document as unknown as Document;
  } catch {
    return extractWithoutDom(clean, host);
  }

  const meta = readMetadata(document, clean.jsonLd, clean.titleTag, host);
  const cleanOpts = { lang: meta.lang, title: meta.title };

  let blocks: TextBlock[] = [];
  let pristine = true;
  if (withinReadabilityBounds(clean)) {
    pristine = false;
    try {
      // Readability rewrites elements (div -> p) and loses their class names: remove
      // furniture by name before it runs. Link density is judged after it has chosen.
      pruneFurniture(document.body, { linkDensity: false });
      const article = new BoundedReadability(document, {
        serializer: (el) => el as Element,
        keepClasses: true,
      }).parse();
      if (article?.content) blocks = cleanBlocks(article.content, cleanOpts);
      if (!meta.byline && article?.byline) meta.byline = cleanByline(article.byline);
    } catch {
      blocks = [];
    }
  }

  // Density candidate: Readability was skipped, or found (almost) nothing. Readability
  // edits the document, so in that case it works on a fresh parse.
  if (textLength(blocks) < MIN_BODY_CHARS) {
    try {
      const doc = pristine ? document : (parseHTML(clean.html).document as unknown as Document);
      const dense = filterBlocks(densityBlocks(doc.body, meta.lang), cleanOpts);
      if (textLength(dense) > textLength(blocks)) blocks = dense;
    } catch {
      // keep what we have
    }
  }

  const merged = mergeWithArticleBody(blocks, meta.articleBody);
  // The articleBody can carry the same furniture lines as the page ("Baca juga: ...").
  return result(meta, merged.source === 'jsonld' ? filterBlocks(merged.blocks, cleanOpts) : merged.blocks);
}
