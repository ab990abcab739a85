// Reconciles the DOM candidate with a JSON-LD articleBody, when the page states one.
//
// The articleBody is the publisher's own statement of what the article text is, but it is
// often truncated (a teaser), stale, or stuffed with markup. So it is used as evidence,
// not copied blindly:
// - when the DOM candidate covers most of the articleBody, blocks that share nothing with
//   it are furniture the DOM rules missed, and are dropped;
// - when the DOM candidate misses most of a long articleBody, the DOM pick was wrong and
//   the articleBody's paragraphs are used instead.

import type { TextBlock } from './blocks.ts';

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(s: string): string[] {
  return s.toLowerCase().match(TOKEN) ?? [];
}

/** Word 4-gram shingles of a text (a single shingle for shorter texts). */
export function shingles(s: string, n = 4): Set<string> {
  const t = tokens(s);
  const out = new Set<string>();
  if (t.length === 0) return out;
  if (t.length < n) {
    out.add(t.join(' '));
    return out;
  }
  for (let i = 0; i + n <= t.length; i++) out.add(t.slice(i, i + n).join(' '));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let k = 0;
  for (const x of a) if (b.has(x)) k++;
  return k;
}

export interface MergeResult {
  blocks: TextBlock[];
  source: 'dom' | 'dom+jsonld' | 'jsonld';
}

/** Whether an articleBody looks like a teaser rather than the full text. */
function looksTruncated(body: string): boolean {
  return /(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*$/.test(body);
}

export function mergeWithArticleBody(blocks: TextBlock[], articleBody: string | null): MergeResult {
  if (!articleBody || articleBody.length < 400 || looksTruncated(articleBody)) return { blocks, source: 'dom' };
  const ld = shingles(articleBody);
  if (ld.size < 50) return { blocks, source: 'dom' };
  const domText = blocks.map((b) => b.text).join('\n');
  const dom = shingles(domText);
  const common = overlap(ld, dom);
  const recallOfLd = common / ld.size;
  const precisionOfDom = dom.size ? common / dom.size : 0;

  if (recallOfLd < 0.2 || (recallOfLd < 0.5 && articleBody.length > domText.length * 0.8)) {
    // The DOM candidate missed the article the page itself declares.
    const paras = articleBody.split(/\n{2,}/).filter((p) => p.trim());
    return {
      blocks: paras.map((text) => ({ text, tag: 'p', linkChars: 0, heading: false })),
      source: 'jsonld',
    };
  }
  if (recallOfLd >= 0.8 && precisionOfDom < 0.98) {
    // Both agree on the article: drop DOM blocks the articleBody does not contain at all.
    const ldFlat = ` ${tokens(articleBody).join(' ')} `;
    const kept = blocks.filter((b) => {
      const t = tokens(b.text);
      if (t.length === 0) return false;
      if (t.length < 4) return ldFlat.includes(` ${t.join(' ')} `);
      // Long blocks missing from the articleBody are often embeds (posts, quotes) it leaves out.
      return b.text.length >= 160 || overlap(shingles(b.text), ld) > 0;
    });
    if (kept.length && kept.length < blocks.length) return { blocks: kept, source: 'dom+jsonld' };
  }
  return { blocks, source: 'dom' };
}
