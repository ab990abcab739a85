// Density-based candidate: classifies the text blocks of a whole page by length, link
// density and sentence shape (in the manner of jusText / boilerpipe) and keeps the
// densest contiguous run of article-like blocks. Used when Readability finds nothing
// usable, and as the structure-aware fallback for pages it cannot handle.

import { collectBlocks, type TextBlock } from './blocks.ts';
import { isFurnitureLine } from './boilerplate-patterns.ts';
import { furnitureSkip } from './clean.ts';

const PAGE_FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog', 'figcaption', 'figure']);

const SENTENCE = /[.!?。！？…]['"”’)]?(?:\s|$)/;

function blockScore(b: TextBlock, furniture: (line: string) => boolean): number {
  const len = b.text.length;
  const density = len ? b.linkChars / len : 1;
  if (density > 0.5) return -len;
  if (furniture(b.text)) return -Math.max(len, 20);
  if (b.heading) return 0;
  if (len >= 80 && density < 0.3 && SENTENCE.test(b.text)) return len;
  if (len >= 200 && density < 0.3) return len * 0.5;
  // Short blocks: neutral-to-negative; they survive only inside a good run.
  return -Math.min(len, 30) * 0.5;
}

/** Blocks of the densest article-like region under `root`. */
export function densityBlocks(root: Element, lang: string | null): TextBlock[] {
  const blocks = collectBlocks(root, furnitureSkip(root, { tags: PAGE_FURNITURE_TAGS }));
  if (!blocks.length) return [];
  const furniture = (text: string) => isFurnitureLine(text, lang);
  const scores = blocks.map((b) => blockScore(b, furniture));
  // Maximum-sum contiguous run (Kadane).
  let best = 0;
  let bestStart = 0;
  let bestEnd = -1;
  let cur = 0;
  let curStart = 0;
  for (let i = 0; i < scores.length; i++) {
    if (cur <= 0) {
      cur = scores[i];
      curStart = i;
    } else {
      cur += scores[i];
    }
    if (cur > best) {
      best = cur;
      bestStart = curStart;
      bestEnd = i;
    }
  }
  const out: TextBlock[] = [];
  for (let i = bestStart; i <= bestEnd; i++) {
    const b = blocks[i];
    const density = b.text.length ? b.linkChars / b.text.length : 1;
    if (density > 0.5 || furniture(b.text)) continue;
    out.push(b);
  }
  return out;
}
