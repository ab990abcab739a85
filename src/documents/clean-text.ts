// Line classifier for news pages saved as text: keeps every article line in order and drops the page
// furniture around and inside it (menus, "Baca juga" lines, related-headline lists, captions, banners).
// Language rules come from lexicons/<lang>/furniture.yaml; the structural rules here are generic.
import { compilePatterns, loadLexicon, type PatternEntry } from '../lexicon/load.ts';
import { wordInitials } from '../text/tokens.ts';
import { opensWithDateline } from './metadata.ts';
import { splitSentences } from './sentences.ts';

interface FurnitureLexicon {
  line?: PatternEntry[];
  block?: PatternEntry[];
  caption?: PatternEntry[];
  lead?: PatternEntry[];
}

interface CompiledFurniture {
  line: RegExp[];
  block: RegExp[];
  caption: RegExp[];
  /** Each list as one alternation: one regex test per line instead of dozens. */
  lineAny: AnyMatcher;
  blockAny: AnyMatcher;
  captionAny: AnyMatcher;
}

/** Tests a line against many patterns at once: anchored ones as one `^(?:…)` regex (tried at the
 * line start only), the rest as a second alternation. */
interface AnyMatcher {
  test(line: string): boolean;
  /** The same test, given the line already lower-cased (a line is tested against several lists). */
  testLowered(line: string, low: string): boolean;
}

// Case-insensitive Unicode regexes are slow in V8; patterns are written in lower case and tested
// against the lower-cased line. A pattern that needs capitals (\p{Lu}) is tested on the line as is.
function any(entries: PatternEntry[]): AnyMatcher {
  const group = (list: PatternEntry[]) => {
    const anchored = list.filter((e) => e.pattern.startsWith('^')).map((e) => `(?:${e.pattern.slice(1)})`);
    const free = list.filter((e) => !e.pattern.startsWith('^')).map((e) => `(?:${e.pattern})`);
    return [anchored.length ? new RegExp(`^(?:${anchored.join('|')})`, 'u') : null, free.length ? new RegExp(free.join('|'), 'u') : null];
  };
  const cased = (e: PatternEntry) => e.pattern.includes('\\p{Lu}');
  const [la, lf] = group(entries.filter((e) => !cased(e)));
  const [ca, cf] = group(entries.filter(cased));
  const testLowered = (line: string, low: string) => !!(la?.test(low) || lf?.test(low) || ca?.test(line) || cf?.test(line));
  return { test: (line) => testLowered(line, line.toLowerCase()), testLowered };
}

const compiled = new Map<string, CompiledFurniture>();

/** Furniture patterns of one language, plus the other coded languages' (pages mix them: "Go Top", "Close")
 * and those of any language (lexicons/common/furniture.yaml). */
export function furniture(lang: string): CompiledFurniture {
  let c = compiled.get(lang);
  if (!c) {
    const langs = [lang, ...['id', 'en'].filter((l) => l !== lang), 'common'];
    const lex = langs.map((l) => loadLexicon<FurnitureLexicon>(l, 'furniture', {}));
    const line = lex.flatMap((x) => x.line ?? []);
    const block = lex.flatMap((x) => x.block ?? []);
    const caption = lex.flatMap((x) => x.caption ?? []);
    c = {
      line: compilePatterns(line),
      block: compilePatterns(block),
      caption: compilePatterns(caption),
      lineAny: any(line),
      blockAny: any(block),
      captionAny: any(caption),
    };
    compiled.set(lang, c);
  }
  return c;
}

/** A text without the marks its store put before it, and the date the first such mark gave the page. */
export interface Unwrapped {
  text: string;
  /** Partial ISO date ("2017-02-17", "2018-05") or null. */
  date: string | null;
}

let leadMarks: RegExp[] | null = null;

/** Cuts a store's marks (a search index's " date 2017-02-17") off the start of a text. They are the same
 * whatever the page's language, so every lexicon's `lead` list applies. */
export function stripLeadMarks(text: string): Unwrapped {
  leadMarks ??= compilePatterns(
    ['common', 'id', 'en'].flatMap((l) => loadLexicon<FurnitureLexicon>(l, 'furniture', {}).lead ?? []),
    'u',
  );
  let date: string | null = null;
  for (let cut = true; cut; ) {
    cut = false;
    for (const re of leadMarks) {
      const m = re.exec(text);
      if (!m?.[0]) continue;
      date ??= m.groups?.date ?? null;
      text = text.slice(m[0].length).replace(/^[\t ]+/, '');
      cut = true;
    }
  }
  return { text, date };
}

export type LineKind = 'prose' | 'short' | 'furniture' | 'block' | 'caption' | 'title' | 'blank';

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
  /** Runs of two or more spaces or tabs in the raw line: menus are laid out with them. */
  gaps: number;
}

export interface CleanedText {
  title: string | null;
  /** Lines before the article (date, author, category, subtitle): read for metadata. */
  header: string[];
  /** How many header lines come before the title (all of them when there is none). */
  headerAboveTitle: number;
  /** Article paragraphs in order. */
  paragraphs: string[];
  /** Lines after the article that were not obvious furniture (bios, credits): read for metadata. */
  trailer: string[];
  /** Photo captions: not article text, but their dates help date a page that states none. */
  captions: string[];
  lines: ClassifiedLine[];
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function words(line: string): string[] {
  return line.match(WORD) ?? [];
}

/** A line of running article text: long enough, ends like a sentence, not Title Case. */
export function isProse(line: string): boolean {
  const cases = wordInitials(line);
  const count = cases.count;
  if (count < 8) return false;
  const ends = /[.!?]["”’')\]]*$|["”’]$/u.test(line) && !/\.\.\.$|…$/.test(line);
  // Share of words that start with a capital letter: headlines are Title Case, prose is not.
  const caps = cases.lettered ? cases.upper / cases.lettered : 0;
  // Names crowd news sentences ("Menteri Luar Negeri Amerika Serikat (AS), Antony Blinken, …"), so
  // enough lower-case words also make prose; headlines have few of them.
  const lower = cases.lower;
  if (ends && (caps < 0.6 || lower >= 4)) return true;
  // A full stop ends sentences, not headlines: a name-heavy lead ("… Kishida mengunjungi Seoul pada Minggu.") is prose.
  if (/\.["”’')\]]*$/.test(line) && !/\.\.\.$/.test(line) && count >= 6 && caps <= 0.85 && lower >= 1) return true;
  if (count >= 25 && (caps < 0.5 || lower >= 10)) return true;
  return false;
}

/** A line of seven or more words, seven in ten of them capitalised, that does not end like a sentence. The
 * signature under a quoted post ("— Dr. S. Rao (@drsrao) July 8, 2022") belongs to the quotation. */
function isHeadlineRow(line: string): boolean {
  if (/^[—–-]\s/.test(line)) return false;
  const c = wordInitials(line);
  return c.count >= 7 && c.lettered > 0 && c.upper / c.lettered >= 0.7 && !/[.!?]["”’')\]]*$/u.test(line);
}

/** The end of a text cut off mid-sentence, as search indexes store excerpts ("… kata juru bicara mi"): running
 * text that stops without a full stop. */
function isCutProse(line: string): boolean {
  if (/[.!?]["”’')\]]*$/u.test(line)) return false;
  const cases = wordInitials(line);
  if (cases.count < 4) return false;
  if (cases.lettered && cases.upper / cases.lettered <= 0.5) return true;
  // Names crowd it ("… dipimpin Kolonel Beny Aprianto. Pesawat Hercules kembali"): a whole sentence before the cut.
  let end = -1;
  for (const m of line.matchAll(/[.!?]["”’')\]]*(?=\s)/gu)) end = m.index + m[0].length;
  return end > 0 && isProse(line.slice(0, end));
}

function isDateOrMetaLine(line: string): boolean {
  return /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(19|20)\d{2}\b.*\d{1,2}[:.]\d{2}|\b\d{1,2}[:.]\d{2}\s*(WIB|WITA|WIT|KST|GMT|UTC|a\.?m\.?|p\.?m\.?)/i.test(
    line,
  );
}

/** Furniture lines are short: menus, prompts and headline links run to 200 characters at most (the longest
 * in our corpora and the real pages is a related headline of about 150), so a longer line that matches a
 * furniture pattern is looked at sentence by sentence. */
const GLUED_LINE = 200;

// A word run into the next one: a lower-case run, then a capitalised word ("SengketaKarena").
const GLUE = /(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll})/u;

/** A long line without its furniture sentences, or null when nothing but furniture is left. A furniture
 * sentence glued to the text after it ends at the glue. */
function withoutFurniture(line: string, f: CompiledFurniture, lang: string, prose: (text: string) => boolean): string | null {
  const kept: string[] = [];
  for (const s of splitSentences(line, lang)) {
    if (!f.lineAny.test(s.text)) {
      kept.push(s.text);
      continue;
    }
    const glued = GLUE.exec(s.text);
    if (!glued) continue;
    const [head, tail] = [s.text.slice(0, glued.index), s.text.slice(glued.index)];
    if (f.lineAny.test(head) && !f.lineAny.test(tail) && prose(tail)) kept.push(tail);
  }
  const rest = kept.join(' ');
  return rest && rest !== line ? rest : null;
}

/** Classifies the lines of a text dump and returns the article and its surroundings. */
export interface CleanOptions {
  /** True for a line that names actors of the domain (helps tell a headline from a menu). */
  isTopical?: (line: string) => boolean;
}

/** A paragraph's first letter set apart as a drop cap ("F" above "oreign Minister …") joins its word again. */
function joinDropCaps(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let next = i + 1;
    while (next < raw.length && !raw[next].trim()) next++;
    if (/^\s*\p{Lu}\s*$/u.test(raw[i]) && /^\s*\p{Ll}/u.test(raw[next] ?? '')) {
      out.push(raw[i].trim() + raw[next].trimStart());
      i = next;
    } else out.push(raw[i]);
  }
  return out;
}

/** Sorts each line of a text into article prose, short lines and kinds of furniture. A furniture line longer
 * than `gluedLine` characters is read sentence by sentence. */
function classifyLines(raw: string[], f: CompiledFurniture, lang: string, gluedLine: number): ClassifiedLine[] {
  let lastAt = raw.length - 1;
  while (lastAt > 0 && !raw[lastAt].trim()) lastAt--;
  const lines: ClassifiedLine[] = raw.map((l, i) => {
    // The last line of an excerpt may stop mid-sentence (checked again below: it must continue the article).
    const prose = i === lastAt ? (x: string) => isProse(x) || isCutProse(x) : isProse;
    // Most lines have single spaces only: nothing to collapse, no layout gaps.
    const spaced = /[\u00a0\t]| {2}/.test(l);
    const t = spaced ? l.replace(/[\u00a0\t ]+/g, ' ').trim() : l.trim();
    const gaps = spaced ? (l.trim().match(/[\u00a0\t ]{2,}|\t/g) ?? []).length : 0;
    let text = t;
    const kind = ((): LineKind => {
      if (!t) return 'blank';
      const low = t.toLowerCase();
      if (f.blockAny.testLowered(t, low)) return 'block';
      const furn = f.lineAny.testLowered(t, low);
      // A furniture line that announces what follows ("Simak video pilihan berikut:") opens a block.
      if (furn && t.endsWith(':')) return 'block';
      if (furn) {
        // Text glued into one long line holds furniture and article together ("Baca juga: <headline>"
        // run into the next paragraph): only the furniture goes.
        const rest = t.length > gluedLine ? withoutFurniture(t, f, lang, prose) : null;
        if (rest && prose(rest)) {
          text = rest;
          return 'prose';
        }
        return 'furniture';
      }
      if (f.captionAny.testLowered(t, low)) return 'caption';
      return prose(t) ? 'prose' : 'short';
    })();
    return { text, kind, gaps };
  });

  const nonBlank = lines.flatMap((l, i) => (l.kind === 'blank' ? [] : [i]));
  const lastProseAt = nonBlank.findLast((i) => lines[i].kind === 'prose') ?? -1;
  nonBlank.forEach((i, k) => {
    const l = lines[i];
    if (l.kind !== 'caption') return;
    // A caption printed twice, the second time with its credit: the first is the caption too.
    const prev = lines[nonBlank[k - 1]];
    if (prev && prev.kind !== 'caption' && l.text.startsWith(prev.text) && l.text.length > prev.text.length) prev.kind = 'caption';
    // An agency's name after the last paragraph signs it off ("… in June. (Yonhap)"): no caption follows the article.
    else if (
      i > lastProseAt &&
      nonBlank.findLast((j) => j < i && lines[j].kind !== 'furniture') === lastProseAt &&
      isProse(l.text.replace(/\s*\([^()]*\)\s*\|?$/, ''))
    )
      l.kind = 'prose';
  });

  // A cut last line is the article's only where it continues it.
  const last = lines[lastAt];
  if (last?.kind === 'prose' && !isProse(last.text)) {
    let before = lastAt - 1;
    while (before >= 0 && lines[before].kind === 'blank') before--;
    if (lines[before]?.kind !== 'prose') last.kind = 'short';
  }
  return lines;
}

export function cleanText(text: string, lang: string, opts: CleanOptions = {}): CleanedText {
  const f = furniture(lang);
  const raw = joinDropCaps(text.replace(/\r\n?/g, '\n').split('\n'));
  let lines = classifyLines(raw, f, lang, GLUED_LINE);
  // With no line of article text, it may be glued to furniture in a shorter line ("Bagaimana tanggapan anda
  // …? Menlu bertemu …"): every furniture line is then read sentence by sentence.
  if (!lines.some((l) => l.kind === 'prose')) lines = classifyLines(raw, f, lang, 0);

  // The article's lead opens with its dateline ("TOKYO (Jiji Press) — …"): prose lines before it are
  // photo captions or a standfirst.
  const proseAt = lines.flatMap((l, i) => (l.kind === 'prose' ? [i] : []));
  const leadK = proseAt.slice(0, 3).findIndex((i) => opensWithDateline(lines[i].text, lang));
  for (const i of proseAt.slice(0, Math.max(0, leadK))) lines[i].kind = 'caption';

  const firstProse = lines.findIndex((l) => l.kind === 'prose');
  // Title: the most headline-like line before the article: names actors, has the length and the
  // function words of a sentence, and is not a menu or a site tagline.
  let title: string | null = null;
  const headerEnd = firstProse < 0 ? lines.length : firstProse;
  let best = -Infinity;
  let bestAt = -1;
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i];
    if (l.kind !== 'short') continue;
    const cases = wordInitials(l.text);
    const n = cases.count;
    if (n < 3 || n > 30 || isDateOrMetaLine(l.text) || /[:]$/.test(l.text)) continue;
    const separators = (l.text.match(/[|•·»›▾☰]/g) ?? []).length + l.gaps;
    const lower = cases.lower;
    let score = 0;
    if (opts.isTopical?.(l.text)) score += 3;
    // Headlines are short; a longer line under them is the standfirst.
    if (n >= 5 && n <= 16) score += 1;
    if (lower >= 1) score += 1;
    if (separators >= 2 || /\s[—–-]\s/.test(l.text)) score -= 4;
    if (lower === 0 && n >= 5 && !/[,:;?!'"‘’“”]/.test(l.text)) score -= 2;
    if (/\.$/.test(l.text)) score -= 1;
    const repeated = lines.some((o, j) => j !== i && o.text === l.text);
    if (repeated) score += 1;
    // The headline sits next to the page's date line.
    const near = lines.slice(Math.max(0, i - 3), i + 4).filter((o, j) => o !== l && o.kind !== 'blank' && j >= 0);
    if (near.some((o) => o.kind !== 'prose' && o.text.length <= 120 && isDateOrMetaLine(o.text))) score += 1;
    if (score > best) {
      best = score;
      bestAt = i;
    }
  }
  if (bestAt >= 0 && best >= 1) {
    title = lines[bestAt].text;
    lines[bestAt].kind = 'title';
  }
  const inHeader = (l: ClassifiedLine) => l.kind === 'short' || l.kind === 'furniture';
  const header = lines
    .slice(0, headerEnd)
    .filter(inHeader)
    .map((l) => l.text);
  const headerAboveTitle = bestAt >= 0 && best >= 1 ? lines.slice(0, bestAt).filter(inHeader).length : header.length;

  // Captions glued to a repeated headline ("<title><caption text> (credit)") are furniture.
  if (title) {
    for (let i = headerEnd; i < lines.length; i++) {
      const l = lines[i];
      if (l.text === title) l.kind = 'furniture';
      else if (l.text.startsWith(title) && l.text.length > title.length) l.kind = 'caption';
    }
  }

  // A block opener hides following non-prose lines until real prose resumes; duplicate lines
  // (headline lists often print each headline twice) are furniture wherever they appear.
  let inBlock = false;
  const seen = new Set<string>();
  for (let i = headerEnd; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    if (l.kind === 'block') {
      inBlock = true;
      continue;
    }
    if (inBlock) {
      if (l.kind === 'prose' && !seen.has(l.text)) inBlock = false;
      else {
        if (l.kind !== 'furniture' && l.kind !== 'caption') l.kind = 'block';
        continue;
      }
    }
    if (seen.has(l.text) && (l.kind === 'short' || l.kind === 'prose')) l.kind = 'furniture';
    seen.add(l.text);
  }

  // The article runs from the first to the last prose line; short lines inside it (subheadings,
  // numbered section titles) stay, short lines after it are the trailer.
  let lastProse = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (lines[i].kind === 'prose') {
      lastProse = i;
      break;
    }
  const paragraphs: string[] = [];
  const trailer: string[] = [];
  if (firstProse >= 0) {
    for (let i = firstProse; i <= lastProse; i++) {
      const l = lines[i];
      if (l.kind === 'prose') paragraphs.push(l.text);
      // A short line inside the article is a subheading; a long Title Case one is a headline link, a menu or
      // a promotion run into it ("US Midterm Elections: Red Senate vs Blue House Polling Trends").
      else if (l.kind === 'short' && !isHeadlineRow(l.text)) paragraphs.push(l.text);
    }
    for (let i = lastProse + 1; i < lines.length; i++) if (lines[i].kind === 'short') trailer.push(lines[i].text);
  } else {
    // No line reads as running text (a headline and a few short lines, an excerpt cut before its first full
    // stop): the page is kept, less its furniture, rather than lost.
    for (const l of lines) if (l.kind === 'short' || l.kind === 'title') paragraphs.push(l.text);
  }
  const captions = lines.filter((l) => l.kind === 'caption').map((l) => l.text);
  return { title, header, headerAboveTitle, paragraphs, trailer, captions, lines };
}
