// HTML main-content extraction.
//
// Pipeline: sanitize (linear pre-pass, depth cap) -> linkedom parse -> metadata ->
// Readability candidate -> block-level cleanup. Pathological input (huge pages, parser
// errors) goes to a linear tag-stripping fallback instead.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TextBlock } from './blocks.ts';
import { cleanBlocks, filterBlocks } from './clean.ts';
import { densityBlocks } from './density.ts';
import { mergeWithArticleBody } from './merge.ts';
import { readMetadata } from './metadata.ts';
import { sanitizeHtml } from './sanitize.ts';

export interface HtmlExtraction {
  /** The article headline (og:title / h1 without the " | Outlet" suffix). */
  title: string | null;
  /** Main article text: paragraphs separated by "\n\n". */
  body: string;
  /** Author. */
  byline: string | null;
  /** Raw publication time as found (ISO string when the page gives one). */
  published: string | null;
  /** og:site_name or JSON-LD publisher name. */
  outlet: string | null;
  /** <html lang>. */
  lang: string | null;
  description: string | null;
}

export interface ExtractOptions {
  url?: string;
}

export function extractHtml(html: string, opts: ExtractOptions = {}): HtmlExtraction {
  void opts;
  const clean = sanitizeHtml(html);
  const { document } = parseHTML(clean.html);
  const meta = readMetadata(document as unknown as Document, clean.jsonLd, clean.titleTag);
  if (process.env.HX_MODE === 'density') {
    const b = filterBlocks(densityBlocks(document.body as unknown as Element, meta.lang), { lang: meta.lang, title: meta.title });
    return { title: meta.title, body: b.map((x) => x.text).join('\n\n'), byline: null, published: null, outlet: null, lang: null, description: null };
  }
  const reader = new Readability<Element>(document as unknown as Document, { serializer: (el) => el as Element, keepClasses: true });
  const article = reader.parse();
  let blocks: TextBlock[] = [];
  if (article?.content) blocks = cleanBlocks(article.content, { lang: meta.lang, title: meta.title });
  if (!process.env.HX_OFF?.includes('ld')) {
    const merged = mergeWithArticleBody(blocks, meta.articleBody);
    if (process.env.HX_DEBUG) console.log('MERGE', merged.source);
    blocks = merged.blocks;
  }
  const body = blocks.map((b) => b.text).join('\n\n');
  return {
    title: meta.title,
    body,
    byline: meta.byline ?? article?.byline ?? null,
    published: meta.published ?? article?.publishedTime ?? null,
    outlet: meta.outlet ?? article?.siteName ?? null,
    lang: meta.lang,
    description: meta.description ?? article?.excerpt ?? null,
  };
}
