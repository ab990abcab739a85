// Linear-time pre-parse pass over raw HTML.
//
// It runs before the DOM parser so that pathological input can never reach it:
// - drops elements whose content is never article text (script, style, svg, template, ...),
//   keeping the JSON-LD blocks aside for the metadata reader;
// - drops comments, doctype and processing instructions;
// - caps element nesting: tags opened deeper than `maxDepth` are dropped (their text stays),
//   so a 10,000-deep page becomes a shallow one instead of blowing the parser's or
//   Readability's stack.
// It never backtracks: every step moves forward with indexOf or a sticky regex whose
// alternatives are disjoint.

export interface SanitizeOptions {
  /** Deepest element nesting kept (default 100; real article pages stay under ~60). */
  maxDepth?: number;
  /** Elements kept before the rest of the page is cut off (default 30,000). */
  maxElements?: number;
  /** Characters of output before the rest of the page is cut off (default 1,000,000). */
  maxChars?: number;
}

export interface Sanitized {
  html: string;
  /** Raw text of every <script type="application/ld+json"> block, in document order. */
  jsonLd: string[];
  /** Raw contents of <title> (the first one). */
  titleTag: string | null;
  /** Deepest nesting seen in the input (before capping). */
  maxDepthSeen: number;
  /** Whether any tag was dropped because of the depth cap. */
  flattened: boolean;
  /** Whether the page was cut off at maxElements / maxChars. */
  truncated: boolean;
  /** Elements kept. */
  elements: number;
  /**
   * Text pieces the parser will create: text runs, plus one per character reference and
   * stray '<' (each splits a text node). A cost measure for DOM algorithms.
   */
  textPieces: number;
}

/** Elements dropped with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'textarea',
  'button',
  'video',
  'audio',
  'map',
  // Page furniture by definition; dropping it early saves parse and Readability time.
  'nav',
  'footer',
  'aside',
]);

/** Elements whose content is raw text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'image',
]);

/** Start tags that implicitly close an open <p>. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
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
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** For elements closed by a sibling of their own kind: the containers that bound the search. */
const SIBLING_SCOPE: Record<string, { same: string[]; stop: string[] }> = {
  li: { same: ['li'], stop: ['ul', 'ol', 'menu'] },
  dt: { same: ['dt', 'dd'], stop: ['dl'] },
  dd: { same: ['dt', 'dd'], stop: ['dl'] },
  tr: { same: ['tr'], stop: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { same: ['td', 'th'], stop: ['tr', 'table'] },
  th: { same: ['td', 'th'], stop: ['tr', 'table'] },
  option: { same: ['option'], stop: ['select', 'datalist'] },
};

/** How far down the open-element stack an end tag looks for its start tag. */
const END_TAG_SEARCH = 64;

// A start tag: name, then attributes where quoted values may contain '>'.
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const END_TAG = /<\/([a-zA-Z][^\s/>]*)[^>]*>/y;
const LD_JSON = /type\s*=\s*["']?application\/ld\+json/i;

/**
 * Attributes the extractor (or Readability) reads. Everything else (inline handlers,
 * data-*, srcset, style without hiding, tracking ids) is dropped: it only costs parse time.
 */
const KEEP_ATTR = new Set([
  'class',
  'id',
  'href',
  'lang',
  'xml:lang',
  'dir',
  'itemprop',
  'itemtype',
  'itemscope',
  'content',
  'property',
  'name',
  'http-equiv',
  'charset',
  'datetime',
  'pubdate',
  'rel',
  'hidden',
  'aria-hidden',
  'role',
  'type',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
]);
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function rebuildStartTag(name: string, attrs: string): string {
  if (!attrs || attrs.trim() === '' || attrs.trim() === '/') return `<${name}>`;
  let out = `<${name}`;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    const key = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (KEEP_ATTR.has(key)) {
      if (key === 'src' && value !== undefined && value.startsWith('data:')) continue;
      out += value === undefined ? ` ${key}` : ` ${key}="${value.replace(/"/g, '&quot;')}"`;
    } else if (key === 'style' && value && HIDING_STYLE.test(value)) {
      out += ' style="display:none"';
    }
  }
  return `${out}>`;
}

function findEndOfRawText(html: string, name: string, from: number): { contentEnd: number; after: number } {
  const re = new RegExp(`</${name}[\\s/>]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  if (!m) return { contentEnd: html.length, after: html.length };
  const close = html.indexOf('>', m.index);
  return { contentEnd: m.index, after: close < 0 ? html.length : close + 1 };
}

/**
 * Finds where an element dropped with its content ends: just after its first end tag.
 * Searches only move forward (a result is reused while it lies ahead, and a failed search
 * means no end tag follows), so a page of 100,000 unclosed <button>s stays linear.
 * Returns `from` when the element is never closed: then only its start tag is dropped.
 */
function makeDroppedEndFinder(html: string): (name: string, from: number) => number {
  const next = new Map<string, { at: number; end: number }>();
  return (name, from) => {
    const hit = next.get(name);
    if (hit && (hit.at === -1 || hit.at >= from)) return hit.at === -1 ? from : hit.end;
    const re = new RegExp(`</${name}\\s*>`, 'gi');
    re.lastIndex = from;
    const m = re.exec(html);
    const found = m ? { at: m.index, end: re.lastIndex } : { at: -1, end: -1 };
    next.set(name, found);
    return found.at === -1 ? from : found.end;
  };
}

export function sanitizeHtml(input: string, opts: SanitizeOptions = {}): Sanitized {
  const maxDepth = opts.maxDepth ?? 100;
  const maxElements = opts.maxElements ?? 30_000;
  const maxChars = opts.maxChars ?? 1_000_000;
  const out: string[] = [];
  let outChars = 0;
  let elements = 0;
  let truncated = false;
  const jsonLd: string[] = [];
  let titleTag: string | null = null;
  // Open elements: name and whether the start tag was emitted.
  const stackName: string[] = [];
  const stackKept: boolean[] = [];
  let keptDepth = 0;
  let maxDepthSeen = 0;
  let flattened = false;
  let pos = 0;
  let textStart = 0;
  const n = input.length;
  const findEndOfDropped = makeDroppedEndFinder(input);

  const emit = (s: string) => {
    out.push(s);
    outChars += s.length;
  };
  let textPieces = 0;
  const flushText = (end: number) => {
    if (end > textStart) {
      const text = input.slice(textStart, end);
      textPieces++;
      for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) textPieces += 2;
      for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) textPieces += 2;
      emit(text);
    }
  };
  const popTo = (index: number) => {
    // Pops stack entries [index, top]; emits nothing (the parser infers implied end tags).
    for (let i = stackName.length - 1; i >= index; i--) {
      if (stackKept[i]) keptDepth--;
    }
    stackName.length = index;
    stackKept.length = index;
  };

  while (pos < n) {
    if (outChars > maxChars || elements > maxElements) {
      truncated = true;
      textStart = n;
      break;
    }
    const lt = input.indexOf('<', pos);
    if (lt < 0) break;
    const next = input.charCodeAt(lt + 1);
    // Comment, doctype, CDATA, processing instruction.
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      flushText(lt);
      let end: number;
      if (input.startsWith('<!--', lt)) {
        const c = input.indexOf('-->', lt + 4);
        end = c < 0 ? n : c + 3;
      } else if (input.startsWith('<![CDATA[', lt)) {
        const c = input.indexOf(']]>', lt + 9);
        end = c < 0 ? n : c + 3;
      } else {
        const c = input.indexOf('>', lt + 2);
        end = c < 0 ? n : c + 1;
      }
      pos = textStart = end;
      continue;
    }
    if (next === 47 /* / */) {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(input);
      if (!m) {
        pos = lt + 1;
        continue;
      }
      flushText(lt);
      const name = m[1].toLowerCase();
      const end = END_TAG.lastIndex;
      // Find the matching open element near the top of the stack.
      let found = -1;
      const lowest = Math.max(0, stackName.length - END_TAG_SEARCH);
      for (let i = stackName.length - 1; i >= lowest; i--) {
        if (stackName[i] === name) {
          found = i;
          break;
        }
      }
      if (found >= 0) {
        const kept = stackKept[found];
        popTo(found);
        if (kept) emit(m[0]);
      } else if (name === 'br') {
        // A stray </br> is a line break in HTML (a stray </p> is an empty paragraph: dropped).
        emit('<br>');
        elements++;
      }
      pos = textStart = end;
      continue;
    }
    START_TAG.lastIndex = lt;
    const m = START_TAG.exec(input);
    if (!m) {
      // Not a tag ("a < b", or an unterminated quote): treat '<' as text, or skip to '>'
      // when it does look like a start tag.
      const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
      if (isLetter) {
        const gt = input.indexOf('>', lt + 1);
        flushText(lt);
        pos = textStart = gt < 0 ? n : gt + 1;
      } else {
        pos = lt + 1;
      }
      continue;
    }
    flushText(lt);
    const name = m[1].toLowerCase();
    const tagEnd = START_TAG.lastIndex;
    if (RAW_TEXT.has(name) || DROP_WITH_CONTENT.has(name)) {
      if (RAW_TEXT.has(name)) {
        const { contentEnd, after } = findEndOfRawText(input, name, tagEnd);
        if (name === 'script' && LD_JSON.test(m[2])) jsonLd.push(input.slice(tagEnd, contentEnd));
        if (name === 'title') {
          // Keep the first <title> in the document: Readability reads it.
          if (titleTag === null) {
            titleTag = input.slice(tagEnd, contentEnd);
            emit(`<title>${titleTag}</title>`);
          }
        }
        pos = textStart = after;
      } else {
        pos = textStart = m[2].trimEnd().endsWith('/') ? tagEnd : findEndOfDropped(name, tagEnd);
      }
      continue;
    }
    if (VOID.has(name)) {
      if (keptDepth < maxDepth || name === 'br') {
        emit(name === 'br' ? '<br>' : rebuildStartTag(name, m[2]));
        elements++;
      }
      pos = textStart = tagEnd;
      continue;
    }
    // Implied end tags.
    const top = stackName.length - 1;
    if (top >= 0 && stackName[top] === 'p' && CLOSES_P.has(name)) popTo(top);
    const scope = SIBLING_SCOPE[name];
    if (scope) {
      const lowest = Math.max(0, stackName.length - END_TAG_SEARCH);
      for (let i = stackName.length - 1; i >= lowest; i--) {
        const s = stackName[i];
        if (scope.stop.includes(s)) break;
        if (scope.same.includes(s)) {
          popTo(i);
          break;
        }
      }
    }
    const keep = keptDepth < maxDepth;
    stackName.push(name);
    stackKept.push(keep);
    if (stackName.length > maxDepthSeen) maxDepthSeen = stackName.length;
    if (keep) {
      keptDepth++;
      elements++;
      emit(rebuildStartTag(name, m[2]));
    } else {
      flattened = true;
    }
    pos = textStart = tagEnd;
  }
  flushText(n);
  return { html: out.join(''), jsonLd, titleTag, maxDepthSeen, flattened, truncated, elements, textPieces };
}
