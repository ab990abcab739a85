// Page metadata beyond the text: outlet, author, dateline place and the news sources a page cites.
import { language } from '../lexicon/language.ts';
import { escapeRegExp, loadLexicon } from '../lexicon/load.ts';
import type { CitedSource } from '../types.ts';

interface OutletEntry {
  name: string;
  match: string[];
  domains: string[];
}

interface TextLexicon {
  source_cues: string[];
  source_report_verbs: string[];
  name_function_words?: string[];
  /** Words between a cue and the name ("dilansir dari Reuters"). */
  source_links?: string[];
  /** Cues that also attribute to officials ("menurut kementerian"): a source only when it names news media. */
  media_only_cues?: string[];
  author_labels: string[];
  dateline: string;
}

const textLex = (lang: string): TextLexicon => language(lang).lexicon('text');

let outletMatchers: { name: string; re: RegExp; domains: string[] }[] | null = null;
function outlets() {
  outletMatchers ??= loadLexicon<OutletEntry[]>('common', 'outlets', []).map((o) => ({
    name: o.name,
    re: new RegExp(`(?<![\\p{L}\\p{N}.])(?:${o.match.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    domains: o.domains,
  }));
  return outletMatchers;
}

/** The outlet: from the URL host, else a known outlet named in the page's own lines, else the dateline. */
export function findOutlet(opts: { url?: string | null; lines: string[]; datelineOutlet?: string | null }): string | null {
  if (opts.url) {
    try {
      const host = new URL(opts.url).hostname.replace(/^www\./, '');
      const known = outlets().find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));
      if (known) return known.name;
    } catch {
      /* not a URL */
    }
  }
  if (opts.datelineOutlet) {
    const known = outlets().find((o) => o.re.test(opts.datelineOutlet as string));
    return known ? known.name : opts.datelineOutlet;
  }
  // The earliest line naming a known outlet; ties go to the longest name ("Kompas.com" over "Kompas").
  for (const line of opts.lines) {
    const hits = outlets().filter((o) => o.re.test(line));
    if (hits.length) return hits.sort((a, b) => b.name.length - a.name.length)[0].name;
  }
  return null;
}

/** "SEOUL, KOMPAS.com - …" → place "Seoul", outlet "KOMPAS.com". */
const datelineCache = new Map<string, RegExp>();

function datelineRe(lang: string): RegExp {
  let re = datelineCache.get(lang);
  if (!re) {
    re = new RegExp(textLex(lang).dateline, 'u');
    datelineCache.set(lang, re);
  }
  return re;
}

export function findDateline(firstParagraph: string, lang: string): { place: string | null; outlet: string | null } {
  const m = datelineRe(lang).exec(firstParagraph.slice(0, 120));
  if (!m) return { place: null, outlet: null };
  let rawPlace = m[1].trim();
  let outlet = m[2]?.trim() || null;
  // "KOMPAS.COM, TOKYO -": the outlet may come first; a domain name is never the place.
  const domain = /\.(com|id|co|net|org|online|news)\b/i;
  if (outlet && domain.test(rawPlace) && !domain.test(outlet)) [rawPlace, outlet] = [outlet, rawPlace];
  if (rawPlace.split(/\s+/).length > 4) return { place: null, outlet: null };
  const place =
    rawPlace === rawPlace.toUpperCase() ? rawPlace.toLowerCase().replace(/(^|[\s,./-])\p{L}/gu, (s) => s.toUpperCase()) : rawPlace;
  return { place, outlet };
}

/** Whether a paragraph opens with a news dateline: a place in capitals or one naming the outlet
 * ("TOKYO (Jiji Press) — …", "Jakarta, IDN Times - …"). A capitalised phrase before a dash is not enough. */
export function opensWithDateline(paragraph: string, lang: string): boolean {
  const m = datelineRe(lang).exec(paragraph.slice(0, 120));
  return !!m && (!!m[2]?.trim() || (m[1] === m[1].toUpperCase() && /\p{Lu}{3}/u.test(m[1])));
}

/** The author-label patterns of a language, compiled once. */
const authorMatchers = new Map<string, { labelRe: RegExp; inline: RegExp }>();
function authorMatcher(lang: string) {
  let m = authorMatchers.get(lang);
  if (!m) {
    const labels = textLex(lang).author_labels;
    m = {
      labelRe: new RegExp(`^(?:${labels.map(escapeRegExp).join('|')})\\s*:?$`, 'i'),
      inline: new RegExp(
        `^(?:${[...labels, 'Oleh', 'By'].map(escapeRegExp).join('|')})\\s*:?\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})\\s*$`,
        'u',
      ),
    };
    authorMatchers.set(lang, m);
  }
  return m;
}

/** Author: a name line followed by a label line ("Penulis"), or "Penulis: X" / "By X". */
export function findAuthor(lines: string[], lang: string): string | null {
  const { labelRe, inline } = authorMatcher(lang);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (labelRe.test(l) && i > 0 && isName(lines[i - 1])) return lines[i - 1].trim();
    const m = inline.exec(l);
    if (m && isName(m[1])) return m[1].trim();
  }
  return null;
}

function isName(s: string): boolean {
  const ws = s.trim().split(/\s+/);
  return ws.length >= 1 && ws.length <= 5 && ws.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w));
}

/** News sources cited in the text: "dikutip dari The Straits Times", "menurut Reuters", "Yonhap melaporkan". */
export function findCitedSources(body: string, extraLines: string[], lang: string): CitedSource[] {
  const { cueRe, verbRe } = sourcePatterns(lang);
  const mediaOnly = new Set((textLex(lang).media_only_cues ?? []).map((c) => c.toLowerCase()));
  const out: CitedSource[] = [];
  const seen = new Set<string>();
  const add = (name: string, cue: string, url?: string) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(url ? { name, cue, url } : { name, cue });
  };
  cueRe.lastIndex = 0;
  for (let m = cueRe.exec(body); m; m = cueRe.exec(body)) {
    const name = trimName(m[2]);
    const cue = m[1].toLowerCase();
    // "menurut"/"according to" also attributes to officials; only news media count as cited sources there.
    if (mediaOnly.has(cue) && !KNOWN_MEDIA.test(name)) continue;
    if (name && /^\p{Lu}/u.test(name)) add(name, cue);
  }
  // Find the reporting verb first, then read the name just before it (much cheaper than trying a name
  // pattern at every capital letter of the body).
  verbRe.lastIndex = 0;
  for (let m = verbRe.exec(body); m; m = verbRe.exec(body)) {
    // Only names of news media report stories: the shortest run of words before the verb that names one.
    const clause =
      body
        .slice(Math.max(0, m.index - 60), m.index)
        .split(/[\n!?;]|\.\s/)
        .pop() ?? '';
    const words = clause.trim().split(/\s+/);
    for (let k = 1; k <= 4 && k <= words.length; k++) {
      const name = trimName(words.slice(-k).join(' '));
      if (KNOWN_MEDIA.test(name)) {
        add(name, m[1].toLowerCase());
        break;
      }
    }
  }
  for (const line of extraLines) {
    const m = /^(?:sumber|source)\s*:\s*(https?:\/\/\S+)/i.exec(line.trim());
    if (m) {
      let host = m[1];
      try {
        host = new URL(m[1]).hostname.replace(/^www\./, '');
      } catch {
        /* keep the raw text */
      }
      add(host, 'sumber', m[1]);
    }
  }
  return out;
}

const sourceCache = new Map<string, { cueRe: RegExp; verbRe: RegExp }>();

/** The cue and reporting-verb patterns of a language, compiled once. */
function sourcePatterns(lang: string): { cueRe: RegExp; verbRe: RegExp } {
  const hit = sourceCache.get(lang);
  if (hit) return hit;
  const lex = textLex(lang);
  const NAME = `((?:The[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}.&'’-]*(?:[ \\t]+(?:\\p{Lu}[\\p{L}\\p{N}.&'’-]*|of|for|de)){0,4})`;
  // Cues match in lower case or sentence-initial capitalisation; names must be capitalised (no i flag).
  const cues = lex.source_cues.flatMap((c) => [c, c[0].toUpperCase() + c.slice(1)]).sort((a, b) => b.length - a.length);
  const p = {
    cueRe: new RegExp(
      `(?<![\\p{L}])(${cues.map(escapeRegExp).join('|')})\\s+(?:(?:${(lex.source_links ?? []).map(escapeRegExp).join('|') || '(?!)'})\\s+)?${NAME}`,
      'gu',
    ),
    verbRe: new RegExp(`\\b(${lex.source_report_verbs.map(escapeRegExp).join('|')})\\b`, 'g'),
  };
  sourceCache.set(lang, p);
  return p;
}

// Wire services and papers that appear as the subject of "melaporkan"/"reported".
const KNOWN_MEDIA =
  /^(Reuters|AFP|AP|Yonhap|KCNA|Xinhua|Kyodo|NHK|TASS|RIA Novosti|Bloomberg|CNN|BBC|Al Jazeera|The [\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)*|[\p{Lu}][\p{L}]+ (?:Times|Post|Herald|Journal|News|Daily|Ilbo|Shimbun))$/u;

/** Words of both coded languages that never end a name (lexicons/<lang>/text.yaml `name_function_words`). */
let smallWords: Set<string> | null = null;
export function functionWords(): Set<string> {
  smallWords ??= new Set(['id', 'en'].flatMap((l) => textLex(l).name_function_words ?? []).map((w) => w.toLowerCase()));
  return smallWords;
}

function trimName(s: string): string {
  const words = s
    .replace(/[.,;:]+$/, '')
    .trim()
    .split(/\s+/);
  const small = functionWords();
  while (words.length > 1 && small.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(' ');
}
