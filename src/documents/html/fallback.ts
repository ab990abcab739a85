// Last-resort extractor: plain tag stripping over (sanitized) HTML, linear time, no DOM.
// Used when the DOM parser throws. Block-level tags become paragraph breaks; obvious
// furniture containers (nav, header, footer, aside, form) are cut out by a flat scan;
// remaining lines that look like menus (very short, no sentence shape) are dropped.

import { normalizeSpace } from './blocks.ts';
import { isFurnitureLine } from './boilerplate-patterns.ts';
import { decodeEntities } from './metadata.ts';

const FURNITURE_CONTAINERS = ['nav', 'header', 'footer', 'aside', 'form', 'menu', 'figcaption'];
const BLOCK_TAG =
  /<\/?(?:p|div|br|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|section|article|blockquote|pre|main|figure|hr|address|center)\b[^>]*>/gi;

/** Removes `<tag ...> ... </tag>` regions for furniture tags (non-nested scan, linear). */
function cutContainers(html: string): string {
  let s = html;
  for (const tag of FURNITURE_CONTAINERS) {
    const open = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
    const out: string[] = [];
    let last = 0;
    for (;;) {
      open.lastIndex = last;
      const m = open.exec(s);
      if (!m) break;
      const close = new RegExp(`</${tag}\\s*>`, 'gi');
      close.lastIndex = open.lastIndex;
      const c = close.exec(s);
      if (!c) break;
      out.push(s.slice(last, m.index), '\n\n');
      last = close.lastIndex;
    }
    out.push(s.slice(last));
    s = out.join('');
  }
  return s;
}

export function stripTagsToBlocks(html: string, lang: string | null): string[] {
  const bodyStart = html.search(/<body\b/i);
  let s = bodyStart >= 0 ? html.slice(bodyStart) : html;
  s = cutContainers(s);
  s = s.replace(BLOCK_TAG, '\n\n').replace(/<[^>]*>/g, ' ');
  s = decodeEntities(s);
  const out: string[] = [];
  for (const raw of s.split(/\n\s*\n/)) {
    const text = normalizeSpace(raw);
    if (!text) continue;
    if (isFurnitureLine(text, lang)) continue;
    // Menus and labels: short and without sentence punctuation.
    if (text.length < 40 && !/[.!?。…:]/.test(text)) continue;
    out.push(text);
  }
  return out;
}
