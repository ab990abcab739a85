// Raw input → clean Document (text, metadata, sentences). Events are added by the coder.
import { createHash } from 'node:crypto';
import { actorKnowledge } from '../actors/lexicon.ts';
import { language } from '../lexicon/language.ts';
import { tokenize } from '../text/tokens.ts';
import { inferPublishedFromText, normaliseIso, parseDateLine, publishedFromLines } from '../time/published.ts';
import type { Document, Language, RawInput } from '../types.ts';
import { cleanText, furniture, stripLeadMarks } from './clean-text.ts';
import { extractHtml } from './html/extract.ts';
import { identifyLanguage } from './language.ts';
import { findAuthor, findCitedSources, findDateline, findOutlet, functionWords } from './metadata.ts';
import { splitSentences } from './sentences.ts';

/** Whether a line names a state, person or office of the lexicons. */
function mentionsActor(line: string, lang: string): boolean {
  const k = actorKnowledge(lang);
  // Capitals are left out: bylines name them as places ("… in Washington").
  const tokens = tokenize(line);
  if (tokens.some((t) => /^\p{Lu}/u.test(t.text) && k.uniqueSurnames.has(t.norm))) return true;
  return k.actors
    .findAll(tokens)
    .some(
      (m) => (m.payload.kind === 'country' && m.payload.form !== 'metonym') || m.payload.kind === 'person' || m.payload.kind === 'role',
    );
}

export interface BuildOptions {
  language?: Language;
}

/** Lexicon language for furniture and dates: our own for id/en, the fallback language's otherwise. */
const lexLang = (l: Language) => language(l).code;

/** The years in which every office-holder the text names held a post at once (for undated pages). */
function yearsInOffice(text: string, lang: string): [number, number] | null {
  const k = actorKnowledge(lang);
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const thisYear = new Date().getUTCFullYear();
  const former = new Set(k.grammar.former ?? []);
  const tokens = tokenize(text.slice(0, 20000));
  // "mantan perdana menteri Shinzo Abe": a person named as out of office may be named in any later year.
  const namedAsFormer = (from: number) => {
    for (let i = from - 1; i >= Math.max(0, from - 5) && tokens[i].word; i--) if (former.has(tokens[i].norm)) return true;
    return false;
  };
  for (const m of k.actors.findAll(tokens)) {
    if (m.payload.kind !== 'person' || seen.has(m.payload.person.name) || namedAsFormer(m.from)) continue;
    seen.add(m.payload.person.name);
    const roles = m.payload.person.roles ?? [];
    if (!roles.length) continue;
    lo = Math.max(lo, Math.min(...roles.map((r) => Number(String(r.start ?? '1900').slice(0, 4)))));
    hi = Math.min(hi, Math.max(...roles.map((r) => Number(String(r.end ?? thisYear).slice(0, 4)))));
  }
  return Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : null;
}

/** A page's masthead: its first line, when that is a short name ("THE PACIFIC LEDGER", "Warta Dunia"). */
function findMasthead(text: string): string | null {
  const first =
    text
      .slice(0, 300)
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const name = first.split(/\s{2,}|\t| [|—–] /)[0].trim();
  const ws = name.split(/\s+/);
  if (!name || ws.length > 5 || name.length > 40 || /\d|[:|.!?]$/.test(name)) return null;
  const small = functionWords();
  if (!ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || small.has(w.toLowerCase()))) return null;
  // ALL-CAPS mastheads read better in title case.
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|\s)\p{L}/gu, (s) => s.toUpperCase()) : name;
}

export function buildDocument(raw: RawInput, opts: BuildOptions = {}): Document {
  let title: string | null = null;
  let paragraphs: string[];
  let metaLines: string[];
  let trailer: string[] = [];
  let captions: string[] = [];
  let masthead: string | null = null;
  let published: string | null = null;
  let publishedSource: Document['published_source'] = null;
  let author: string | null = null;
  let outletHint: string | null = raw.hints?.outlet ?? null;
  /** The date a container gives the page (feed item, WARC record, a search index's tag). */
  let dateHint: string | null = raw.hints?.published ?? null;
  let language: Language;

  if (raw.kind === 'html') {
    const x = extractHtml(raw.content, { url: raw.url });
    language = opts.language ?? identifyLanguage(`${x.title ?? ''}\n${x.body}`);
    const f = furniture(lexLang(language));
    // Readability keeps in-article furniture ("Baca juga:", "ADVERTISEMENT", captions): drop those lines.
    paragraphs = x.body
      .split(/\n+/)
      .map((l) => l.replace(/[\u00a0\t ]+/g, ' ').trim())
      .filter((l) => l && !f.lineAny.test(l) && !f.blockAny.test(l));
    title = x.title ?? raw.hints?.title ?? null;
    author = x.byline ?? raw.hints?.author ?? null;
    outletHint = x.outlet ?? outletHint;
    metaLines = [];
    if (x.published) {
      published = normaliseIso(x.published, lexLang(language)) ?? parseDateLine(x.published, lexLang(language));
      if (published) publishedSource = 'page';
    }
  } else {
    const { text, date } = stripLeadMarks(raw.content);
    dateHint ??= date;
    language = opts.language ?? identifyLanguage(text);
    const c = cleanText(text, lexLang(language), { isTopical: (line) => mentionsActor(line, lexLang(language)) });
    paragraphs = c.paragraphs;
    title = c.title ?? raw.hints?.title ?? null;
    metaLines = c.header;
    trailer = c.trailer;
    captions = c.captions;
    masthead = findMasthead(text);
    // A date line above the headline is often the site's clock ("Thursday 23 March 2023"), the article's own
    // is under it; pages name months in the other coded language too ("Saturday, 25 October 2025" on an
    // Indonesian page).
    const own = lexLang(language);
    const dated = (ls: string[]) => publishedFromLines(ls, own) ?? publishedFromLines(ls, own === 'en' ? 'id' : 'en');
    published = dated(c.header.slice(c.headerAboveTitle)) ?? dated(c.header.slice(0, c.headerAboveTitle));
    if (published) publishedSource = 'page';
    author = findAuthor([...c.header, ...c.trailer], lexLang(language)) ?? raw.hints?.author ?? null;
  }

  const body = paragraphs.join('\n\n');

  const L = lexLang(language);
  if (!published && dateHint) {
    published = normaliseIso(dateHint, L) ?? parseDateLine(dateHint, L);
    if (published) publishedSource = 'container';
  }
  if (!published) {
    const inferred = inferPublishedFromText([body, ...captions].join('\n\n'), L, () => yearsInOffice(body, L));
    // A container's month or year ("2018-05") bounds the day the text implies.
    const bound = dateHint && /^\d{4}(-\d{2})?$/.test(dateHint) ? dateHint : null;
    if (inferred && (!bound || inferred.startsWith(bound))) {
      published = inferred;
      publishedSource = 'inferred-text';
    }
  }
  const dateline = findDateline(paragraphs[0] ?? '', L);
  const outlet =
    outletHint ??
    findOutlet({
      url: raw.url,
      lines: [...metaLines, ...trailer, ...(paragraphs[0] ? [paragraphs[0].slice(0, 80)] : [])],
      datelineOutlet: dateline.outlet,
    }) ??
    masthead;
  const rawLines = raw.kind === 'text' ? raw.content.split('\n') : [];
  return {
    doc: raw.doc,
    url: raw.url ?? null,
    language,
    title,
    published,
    published_source: publishedSource,
    outlet,
    author,
    dateline: dateline.place,
    sources: findCitedSources(body, rawLines, L),
    body,
    sentences: splitSentences(body, L),
    content_hash: createHash('sha256')
      .update(`${title ?? ''}\n${body}`)
      .digest('hex'),
    events: [],
  };
}
