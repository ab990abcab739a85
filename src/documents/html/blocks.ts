// DOM subtree -> text blocks (paragraph-level units).
//
// A block is the text between two block-level boundaries. Inline markup is flattened,
// <br> becomes a line break inside the block, whitespace is collapsed. Iterative (explicit
// stack), so deep trees cannot overflow the call stack.

export interface TextBlock {
  text: string;
  /** Tag of the nearest block-level ancestor that opened the block (p, h2, li, div, ...). */
  tag: string;
  /** Characters of text inside <a> elements. */
  linkChars: number;
  /** Whether a heading element opened this block. */
  heading: boolean;
}

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose text never belongs to the body. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'button',
  'input',
  'video',
  'audio',
  'head',
  'title',
]);

const WS = /[\s\u200b]+/g;

export function normalizeSpace(s: string): string {
  return s.replace(WS, ' ').trim();
}

/** Placed at link boundaries; becomes a space only between CJK text and a letter or digit. */
const INLINE_MARK = '\u0001';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORDISH = /[\p{L}\p{N}]/u;

function resolveInlineMarks(line: string): string {
  if (line.indexOf(INLINE_MARK) < 0) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== INLINE_MARK) {
      out += c;
      continue;
    }
    let j = i + 1;
    while (j < line.length && line[j] === INLINE_MARK) j++;
    const prev = out.length ? out[out.length - 1] : '';
    const next = j < line.length ? line[j] : '';
    if (prev && next && WORDISH.test(prev) && WORDISH.test(next) && (CJK.test(prev) || CJK.test(next))) out += ' ';
    i = j - 1;
  }
  return out;
}

interface Frame {
  node: Node;
  /** Set on the frame pushed to run after an element's children. */
  exit?: { tag: string; isBlock: boolean };
}

/**
 * Collects the text blocks under `root`, in document order.
 * `skip` lets the caller drop whole elements (e.g. boilerplate containers).
 */
export function collectBlocks(root: Node, skip?: (el: Element) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let openTag = (root as Element).localName ?? 'div';
  let linkDepth = 0;
  const blockTagStack: string[] = [];

  const flush = () => {
    if (parts.length) {
      const raw = parts.join('');
      // A blank line (two <br>) separates paragraphs inside one element.
      const paras = raw
        .split(/\n[^\S\n]*\n/)
        .map((p) =>
          p
            .split('\n')
            .map((l) => normalizeSpace(resolveInlineMarks(l)))
            .filter((l) => l.length > 0)
            .join('\n'),
        )
        .filter((p) => p.length > 0);
      const total = paras.reduce((n, p) => n + p.length, 0);
      for (const text of paras) {
        const share = paras.length === 1 ? linkChars : Math.round((linkChars * text.length) / total);
        blocks.push({ text, tag: openTag, linkChars: share, heading: HEADING_TAGS.has(openTag) });
      }
    }
    parts = [];
    linkChars = 0;
  };

  const stack: Frame[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push({ node: c });
  while (stack.length) {
    const frame = stack.pop() as Frame;
    if (frame.exit) {
      if (frame.exit.tag === 'a') {
        linkDepth--;
        parts.push(INLINE_MARK);
      }
      if (frame.exit.isBlock) {
        flush();
        blockTagStack.pop();
        openTag = blockTagStack[blockTagStack.length - 1] ?? 'div';
      }
      continue;
    }
    const node = frame.node;
    const type = node.nodeType;
    if (type === 3) {
      const v = node.nodeValue ?? '';
      if (v) {
        parts.push(v.replace(/\n/g, ' '));
        if (linkDepth > 0) linkChars += normalizeSpace(v).length;
      }
      continue;
    }
    if (type !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (SKIP_TAGS.has(tag)) continue;
    if (skip?.(el)) continue;
    if (tag === 'br') {
      parts.push('\n');
      continue;
    }
    if (tag === 'hr') {
      flush();
      continue;
    }
    if (tag === 'img') continue;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      blockTagStack.push(tag);
      openTag = tag;
    } else if (tag === 'td' || tag === 'th') {
      parts.push(' ');
    }
    if (tag === 'a') {
      linkDepth++;
      parts.push(INLINE_MARK);
    }
    stack.push({ node, exit: { tag, isBlock } });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c });
  }
  flush();
  return blocks;
}
