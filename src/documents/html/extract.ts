// HTML main-content extraction.
//
// Pipeline:
//   1. sanitize: linear pre-pass that drops scripts/styles/embeds/comments, keeps JSON-LD
//      aside and caps element nesting (so a 10,000-deep page cannot reach the parser);
//   2. parse with linkedom (the sanitizer already cut the page at LIMITS);
//   3. metadata from <meta>, JSON-LD, microdata;
//   4. Readability picks the article container; its subtree is cleaned of furniture
//      (tags, class/id vocabulary, link density, boilerplate lines);
//   5. rescue: when that yields almost nothing, a density-based candidate over the whole
//      page; the JSON-LD articleBody is reconciled with the result when present;
//   6. if the DOM parser throws, a tag-stripping extractor runs on the sanitized markup.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TextBlock } from './blocks.ts';
import { cleanBlocks, filterBlocks } from './clean.ts';
import { densityBlocks } from './density.ts';
import { stripTagsToBlocks } from './fallback.ts';
import { mergeWithArticleBody } from './merge.ts';
import { type PageMetadata, readMetadata } from './metadata.ts';
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
 * Bounds on what reaches the DOM parser and Readability (the sanitizer cuts the page
 * there). Benchmark pages after sanitizing: at most ~150 KB, ~1,500 elements, depth ~50.
 */
export const LIMITS = { maxChars: 1_000_000, maxElements: 30_000, maxDepth: 100 } as const;
/** Readability refuses documents with more elements than this (void elements included). */
const READABILITY_MAX_ELEMENTS = 60_000;
/** Below this many characters the Readability result is considered a miss. */
const MIN_BODY_CHARS = 250;

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
function extractWithoutDom(clean: Sanitized, markup: string): HtmlExtraction {
  const meta = readMetadata(null, clean.jsonLd, clean.titleTag);
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z-]+)/i.exec(markup)?.[1] ?? meta.lang;
  let blocks: TextBlock[] = stripTagsToBlocks(markup, lang).map((text) => ({ text, tag: 'p', linkChars: 0, heading: false }));
  blocks = mergeWithArticleBody(blocks, meta.articleBody).blocks;
  return result({ ...meta, lang }, blocks);
}

/**
 * Extracts the main article text and metadata from an HTML page.
 * Never hangs on pathological input: work after the linear sanitizer is bounded by
 * LIMITS. Throws only for a non-string argument.
 */
export function extractHtml(html: string, opts: ExtractOptions = {}): HtmlExtraction {
  if (typeof html !== 'string') throw new TypeError('extractHtml: html must be a string');
  const clean = sanitizeHtml(html, LIMITS);
  const markup = clean.html;

  let document: Document;
  try {
    document = parseHTML(markup).document as unknown as Document;
  } catch {
    return extractWithoutDom(clean, markup);
  }

  const meta = readMetadata(document, clean.jsonLd, clean.titleTag, hostOf(opts.url));
  const cleanOpts = { lang: meta.lang, title: meta.title };

  let blocks: TextBlock[] = [];
  try {
    const article = new Readability<Element>(document, {
      serializer: (el) => el as Element,
      keepClasses: true,
      maxElemsToParse: READABILITY_MAX_ELEMENTS,
    }).parse();
    if (article?.content) blocks = cleanBlocks(article.content, cleanOpts);
    if (!meta.byline && article?.byline) meta.byline = article.byline;
  } catch {
    blocks = [];
  }

  // Rescue: Readability found (almost) nothing. Readability edits the document, so the
  // density candidate works on a fresh parse.
  if (textLength(blocks) < MIN_BODY_CHARS) {
    try {
      const fresh = parseHTML(markup).document as unknown as Document;
      const dense = filterBlocks(densityBlocks(fresh.body, meta.lang), cleanOpts);
      if (textLength(dense) > textLength(blocks)) blocks = dense;
    } catch {
      // keep what we have
    }
  }

  blocks = mergeWithArticleBody(blocks, meta.articleBody).blocks;
  return result(meta, blocks);
}
