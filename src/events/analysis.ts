// The analysis of one sentence that every pass of the coder reads: its tokens, actor phrases, places, time
// expressions, cues and trigger matches — computed once, before any event of the sentence is coded.
import type { ActorKnowledge, ActorPayload, Person, PlacePayload } from '../actors/lexicon.ts';
import { quoteAround } from '../actors/speaker.ts';
import { normalise, type PhraseMatch, startsCapitalised, startsUpper, type Token, tokenize } from '../text/tokens.ts';
import type { TimeExpression, Ymd } from '../time/expressions.ts';
import type { Document, Sentence } from '../types.ts';
import type { CueClass, EventKnowledge, TriggerDef } from './lexicon.ts';

/** What analysis reads of the page, and the memory of names and states it keeps across sentences. */
export interface AnalysisContext {
  k: ActorKnowledge;
  ek: EventKnowledge;
  ref: Ymd | null;
  /** Surname or family name → person (lexicon) or an unknown named person, most recent wins. */
  names: Map<string, { person?: Person; name: string; country?: string; sector?: string }>;
  /** Named people in text order, for "dia"/"he": the last one named before the pronoun. */
  personMentions: { start: number; group: Group; sc: SentenceContext }[];
  /** How often each state was named as an actor. */
  countryCounts: Map<string, number>;
  /** Date expressions of the whole body, found once. */
  times: TimeExpression[];
  /** End of the dateline ("SEOUL, Outlet —") in the body: no actor there. */
  datelineEnd: number;
  /** Bodies of no state of their own (JCS, the coast guard) → the state they were last named with. */
  bodies?: Map<string, string>;
}

/** One actor phrase of a sentence: "Menteri Luar Negeri Amerika Serikat (AS), Antony Blinken". */
export interface Group {
  from: number;
  to: number;
  start: number;
  end: number;
  country?: string;
  countryForm?: string;
  person?: Person;
  unknownName?: string;
  role?: { role: string; sector: string; country?: string };
  institution?: { institution: string; sector: string; country?: string; label: string };
  anaphor?: 'person' | 'country' | 'both' | 'participants' | 'counterpart' | 'speaker';
  nationals?: boolean;
  nonactor?: boolean;
  /** A capital after "di"/"ke": a place, not the government. */
  place?: PlacePayload;
  honorific?: boolean;
  /** For first person: the quote marks around it (token positions; -1 / length when the quote is open). */
  quote?: [number, number];
}

/** A place named in a sentence, with the preposition before it ("ke"/"to", "di"/"in"). */
export interface SentencePlace {
  from: number;
  to: number;
  place: PlacePayload;
  prep: 'at' | 'to' | null;
}

export interface SentenceContext {
  s: Sentence;
  tokens: Token[];
  groups: Group[];
  places: SentencePlace[];
  times: TimeExpression[];
  cues: PhraseMatch<CueClass>[];
  predicates: PhraseMatch<true>[];
  triggers: PhraseMatch<TriggerDef>[];
  boundaryAt: Set<number>;
  continuerAt: Set<number>;
}

/** Whether an actor phrase can be a side of an event: not a non-actor, a people's nationals, or a place. */
export const usable = (g: Group) => !g.nonactor && !g.nationals && !g.place;

const PUNCT_GAP = new Set([',', '(', ')']);

/** Punctuation that ends a clause (a punctuation token is one character). */
const CLAUSE_MARKS = new Set([';', ':', '"', '“', '”']);

/** Quotation marks, straight or curly. */
const QUOTES = new Set(['"', '“', '”']);

/**
 * The quote marks of scare quotes: a pair around at most three words ('Trump “postponed” his visit') marks a word as
 * someone else's, it does not open a quotation, so no clause ends there.
 */
function scareQuoteMarks(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].word || !QUOTES.has(tokens[i].text)) continue;
    if (open < 0) {
      open = i;
      continue;
    }
    // Marks pair up in order: this one closes the one open.
    let words = true;
    for (let j = open + 1; j < i; j++) if (!tokens[j].word) words = false;
    if (i - open - 1 >= 1 && i - open - 1 <= 3 && words) {
      out.add(open);
      out.add(i);
    }
    open = -1;
  }
  return out;
}

/** A lexicon's word list as a set, made once per list. */
const wordSets = new WeakMap<readonly string[], Set<string>>();
function wordSet(words: readonly string[]): Set<string> {
  let set = wordSets.get(words);
  if (!set) {
    set = new Set(words);
    wordSets.set(words, set);
  }
  return set;
}

/** The parts of a person's name between spaces and hyphens, split once per name. */
const nameParts = new Map<string, string[]>();
function partsOf(name: string): readonly string[] {
  let parts = nameParts.get(name);
  if (!parts) {
    parts = name.split(/[\s-]+/);
    nameParts.set(name, parts);
  }
  return parts;
}

/** A person's name normalised and split at spaces and hyphens, once per name. */
const normalisedParts = new Map<string, readonly string[]>();
function normalisedPartsOf(name: string): readonly string[] {
  let parts = normalisedParts.get(name);
  if (!parts) {
    parts = normalise(name).split(/[\s-]+/);
    normalisedParts.set(name, parts);
  }
  return parts;
}

/**
 * The words a later sentence may name a person by alone, each lower-cased (computed once per person): the parts of
 * the name, its last word if hyphenated, and the last word of each alias of more than one word.
 */
const surnameKeys = new WeakMap<Person, readonly string[]>();
function surnameKeysOf(person: Person): readonly string[] {
  let keys = surnameKeys.get(person);
  if (!keys) {
    const out: string[] = [];
    for (const part of partsOf(person.name)) if (part.length > 1) out.push(part.toLowerCase());
    const last = normalise(person.name.split(/\s+/).pop() ?? '');
    if (last.includes('-')) out.push(last);
    for (const a of person.aliases ?? []) {
      const parts = a.split(/\s+/);
      if (parts.length > 1) out.push(parts[parts.length - 1].toLowerCase());
    }
    keys = out;
    surnameKeys.set(person, keys);
  }
  return keys;
}

const sc_text = (tokens: Token[], g: { from: number; to: number }) =>
  tokens
    .slice(g.from, g.to)
    .map((t) => t.text)
    .join(' ');

/** Where the dateline of the first paragraph ends ("SEOUL, KOMPAS.com - "), or 0. */
export function datelineEnd(doc: Document): number {
  if (!doc.dateline) return 0;
  // ("JAKARTA: …": a place in capitals may end in a colon.)
  const m = /^[^\n]{2,70}?(?:\s[-–—]|(?<=\p{Lu}{2}):)\s/u.exec(doc.body.slice(0, 90));
  return m ? m[0].length : 0;
}

/**
 * Analyses one sentence: its tokens, actor phrases, places, time expressions, cues and triggers. Analysing it also
 * records the people and states it names in the page's memory (for surnames and pronouns of later sentences).
 */
export function analyseSentence(ctx: AnalysisContext, s: Sentence): SentenceContext {
  const tokens = tokenize(s.text, s.start);
  const { k, ek } = ctx;
  const matches = k.actors.findAll(tokens);
  const groups = groupActors(ctx, tokens, matches).filter((gr) => gr.start >= ctx.datelineEnd);
  const g = k.grammar;
  // Most sentences name no event: they only feed the context (names, states, dates), so the matchers
  // that serve event coding run only where a trigger is.
  const triggers = ek.triggers.findAll(tokens);
  const coding = triggers.length > 0;
  const places = coding
    ? k.places.findAll(tokens).map((m) => ({ from: m.from, to: m.to, place: m.payload, prep: placePreposition(g, tokens, m.from) }))
    : [];
  // A capital after a place preposition ("di Washington") is where something happens, not who acts;
  // so is a state after "di"/"in" ("di Singapura"). After "ke"/"to" a state stays the visit's host.
  for (const gr of groups) {
    if (!gr.country || gr.person || gr.role || gr.institution || gr.anaphor) continue;
    const prep = placePreposition(g, tokens, gr.from);
    if (!prep) continue;
    // ("tarif terhadap barang impor dari China": a state after goods and "dari" is where they come from, whose goods they are.)
    if ((g.origin_heads ?? []).includes(tokens[gr.from - 2]?.norm ?? '')) continue;
    const pl = places.find((p) => p.from === gr.from);
    if (gr.countryForm === 'metonym' && pl) gr.place = pl.place;
    else if (prep === 'at' && gr.countryForm === 'name') {
      gr.place = pl?.place ?? { name: sc_text(tokens, gr), country: gr.country, kind: 'country' };
      places.push({ from: gr.from, to: gr.to, place: gr.place, prep });
    }
  }
  // "Johannesburg, Afrika Selatan", "Osaka, Japan": a state right after a city of its own and a comma names where the
  // city is, not an actor.
  for (const gr of groups) {
    if (!gr.country || gr.person || gr.role || gr.institution || gr.anaphor || gr.place || tokens[gr.from - 1]?.text !== ',') continue;
    const city = places.find((p) => p.to === gr.from - 1 && p.place.country === gr.country && p.place.kind !== 'country');
    if (city) gr.place = city.place;
  }
  // "situasi di Ukraina", "the situation in Myanmar": a place after a topic noun is where the topic is, not where the
  // event happens (the place stays no actor).
  const topicHeads = g.topic_place_heads ?? [];
  for (let i = places.length - 1; i >= 0; i--) {
    const p = places[i];
    if (p.prep && topicHeads.includes(tokens[p.from - 2]?.norm ?? '')) places.splice(i, 1);
  }
  const times = ctx.times.filter((t) => t.start >= s.start && t.end <= s.end);
  const cues = coding ? ek.cues.findAll(tokens) : [];
  const boundaryAt = new Set<number>();
  for (const c of cues) if (c.payload === 'boundary') boundaryAt.add(c.from);
  // Clause marks among the punctuation, and the words that continue a clause ("lalu", "then"): one pass.
  const continuerAt = new Set<number>();
  const continuers = wordSet(g.continuers);
  const scare = scareQuoteMarks(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word && CLAUSE_MARKS.has(t.text) && !scare.has(i)) boundaryAt.add(i);
    if (continuers.has(t.norm)) continuerAt.add(i);
  }
  for (const gr of groups) {
    const c = gr.country;
    if (c && !gr.nationals && !gr.nonactor && !gr.place) ctx.countryCounts.set(c, (ctx.countryCounts.get(c) ?? 0) + 1);
  }
  const predicates = coding ? ek.nounPredicates.findAll(tokens) : [];
  const sc: SentenceContext = { s, tokens, groups, places, times, cues, predicates, boundaryAt, continuerAt, triggers };
  // Antecedents of "dia"/"he": people named as subjects, not inside a prepositional phrase ("Besides Xi, he …").
  const obliqueWords = ctx.k.grammar.oblique;
  for (const gr of groups)
    if ((gr.person || gr.unknownName) && !gr.nonactor && !obliqueWords.includes(tokens[gr.from - 1]?.norm ?? ''))
      ctx.personMentions.push({ start: gr.start, group: gr, sc });
  return sc;
}

/** The place preposition right before token i: "ke"/"to" or "di"/"in". */
export function placePreposition(g: ActorKnowledge['grammar'], tokens: Token[], i: number): 'at' | 'to' | null {
  const p = tokens[i - 1]?.norm;
  if (!p) return null;
  if (g.place_to.includes(p)) return 'to';
  if (g.place_at.includes(p)) return 'at';
  return null;
}

/** Whether a person held any role within two years of a day (true when the day is unknown). */
function inOfficeNear(p: Person, ref: Ymd | null): boolean {
  if (!ref) return true;
  const lo = `${ref.y - 2}`;
  const hi = `${ref.y + 2}`;
  return (p.roles ?? []).some((r) => (!r.start || String(r.start) <= hi) && (!r.end || String(r.end) >= lo));
}

/** Joins adjacent actor matches into phrases and finds unnamed persons after titles. */
function groupActors(ctx: AnalysisContext, tokens: Token[], matches: PhraseMatch<ActorPayload>[]): Group[] {
  const groups: Group[] = [];
  // (By token index: a typed array, not a Set, as every token is looked up.)
  const covered = new Uint8Array(tokens.length + 1);
  for (const m of matches) for (let i = m.from; i < m.to; i++) covered[i] = 1;
  // Surnames of people met earlier ("Blinken", "Cho", "Tn. Putin") and unique lexicon surnames.
  const extra: PhraseMatch<ActorPayload>[] = [];
  // People named earlier in this same sentence: "… bertemu PM Lee Hsien Loong, sementara Trump bertemu Lee".
  const namedHere = new Map<string, { person: Person; name: string; after: number }>();
  for (const m of matches) {
    if (m.payload.kind !== 'person') continue;
    const person = m.payload.person;
    for (const part of partsOf(person.name))
      if (part.length > 1 && !namedHere.has(part.toLowerCase()))
        namedHere.set(part.toLowerCase(), { person, name: person.name, after: m.to });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || !t.word || !startsCapitalised(t.text)) continue;
    // Half of a hyphenated name ("Chang" in "Kim Chang-yong") is no surname of its own; a whole hyphenated surname
    // named before is ("Ramos-Horta" after "José Ramos-Horta").
    if (t.hyphenJoined) continue;
    if (tokens[i + 1]?.hyphenJoined) {
      const known = ctx.names.get(`${t.norm}-${tokens[i + 1].norm}`);
      if (known?.person && !covered[i + 1] && !tokens[i + 2]?.hyphenJoined)
        extra.push({
          from: i,
          to: i + 2,
          start: t.start,
          end: tokens[i + 1].end,
          payload: { kind: 'person', person: known.person },
          alternatives: [],
        });
      continue;
    }
    const here = namedHere.get(t.norm);
    const known = here && here.after <= i ? here : ctx.names.get(t.norm);
    // A surname alone names a lexicon person only if no one else has it and they held office near the
    // page's date ("Cook" in 2019 is not Robin Cook, foreign secretary until 2001).
    const unique = known ? undefined : ctx.k.uniqueSurnames.get(t.norm);
    const person = known?.person ?? (unique && inOfficeNear(unique, ctx.ref) ? unique : undefined);
    // "Dr Mohammad Faisal" is not Saud al-Faisal: a given name of someone else before the surname names another.
    const given = i > 1 && !covered[i - 1] && tokens[i - 1].word && startsCapitalised(tokens[i - 1].text) ? tokens[i - 1].norm : null;
    if (person && given && !normalisedPartsOf(person.name).includes(given)) continue;
    if (person) extra.push({ from: i, to: i + 1, start: t.start, end: t.end, payload: { kind: 'person', person }, alternatives: [] });
    else if (known)
      extra.push({ from: i, to: i + 1, start: t.start, end: t.end, payload: { kind: 'anaphor', anaphor: 'person' }, alternatives: [] });
  }
  const all = [...matches, ...extra].sort((a, b) => a.from - b.from);
  const unknownAt = new Map<number, { name: string; country?: string; sector?: string }>();
  extra.forEach((m) => {
    if (m.payload.kind === 'anaphor') {
      const known = ctx.names.get(tokens[m.from].norm);
      if (known) unknownAt.set(m.from, known);
    }
  });

  let cur: Group | null = null;
  let honorificPending = false;
  for (const m of all) {
    const p = m.payload;
    if (p.kind === 'honorific') {
      honorificPending = true;
      continue;
    }
    const gap = cur ? tokens.slice(cur.to, m.from) : [];
    const adjacent = cur && gap.length <= 3 && gap.every((t) => PUNCT_GAP.has(t.text) || t.text === "'s" || t.text === '’s');
    const counterpartLink =
      cur?.anaphor === 'counterpart' && gap.length === 1 && ctx.k.counterpartLinks.has(gap[0].norm) && p.kind === 'country';
    // "the Foreign Office of Pakistan": an office of no state named, then its owner after a link word.
    const ownerLink =
      cur &&
      p.kind === 'country' &&
      (cur.role || cur.institution) &&
      !cur.country &&
      !cur.role?.country &&
      !cur.institution?.country &&
      !cur.person &&
      !cur.anaphor &&
      gap.length >= 1 &&
      (ctx.k.grammar.owner_links ?? []).includes(gap[0].norm) &&
      gap.slice(1).every((t) => (ctx.k.grammar.list_links ?? []).includes(t.norm));
    let merged = false;
    if (cur && (adjacent || counterpartLink || ownerLink)) {
      const ownState = cur?.institution?.country ?? cur?.role?.country;
      if (
        p.kind === 'country' &&
        (!cur.country || cur.country === p.code) &&
        // ("TNI Angkatan Udara (AU)": a state's own body takes no other state's name.)
        (!ownState || ownState === p.code) &&
        !cur.nationals &&
        !cur.nonactor &&
        !cur.person &&
        (!cur.anaphor || cur.anaphor === 'participants' || cur.anaphor === 'counterpart')
      ) {
        cur.country ??= p.code;
        cur.countryForm ??= p.form;
        merged = true;
      } else if (p.kind === 'person' && !cur.person && (cur.role || cur.institution || gap.length === 0) && !cur.anaphor) {
        cur.person = p.person;
        merged = true;
      } else if (p.kind === 'role' && !cur.role && !cur.person && !cur.country) {
        cur.role = p;
        merged = true;
      } else if (p.kind === 'institution' && !cur.institution && !cur.person && !cur.country) {
        cur.institution = p;
        merged = true;
      } else if (
        (p.kind === 'role' || p.kind === 'institution') &&
        cur.country &&
        !cur.person &&
        !cur.role &&
        !cur.institution &&
        !cur.anaphor &&
        gap.every((t) => t.text === "'s" || t.text === '’s')
      ) {
        // English order: "South Korea's foreign ministry", "the South Korean foreign minister".
        if (p.kind === 'role') cur.role = p;
        else cur.institution = p;
        merged = true;
      } else if (p.kind === 'role' && cur.person && !cur.role && gap.length > 0) {
        // Apposition after a name: "Kang Kyung-wha, Menteri Luar Negeri …".
        cur.role = p;
        merged = true;
      } else if (
        p.kind === 'anaphor' &&
        p.anaphor === 'counterpart' &&
        cur.country &&
        !cur.person &&
        !cur.role &&
        !cur.anaphor &&
        gap.length === 0
      ) {
        // "his South Korean counterpart": the adjective names the counterpart's state.
        cur.anaphor = 'counterpart';
        merged = true;
      } else if (p.kind === 'person' && cur.anaphor === 'counterpart' && !cur.person && gap.length > 0) {
        // A name in apposition to "his counterpart": "Biden and his South Korean counterpart, Yoon Suk-yeol".
        cur.person = p.person;
        cur.anaphor = undefined;
        merged = true;
      }
    }
    if (merged && cur) {
      cur.to = m.to;
      cur.end = m.end;
      continue;
    }
    cur = { from: m.from, to: m.to, start: m.start, end: m.end };
    switch (p.kind) {
      case 'country':
        cur.country = p.code;
        cur.countryForm = p.form;
        break;
      case 'nationals':
        cur.country = p.code;
        cur.nationals = true;
        break;
      case 'person':
        cur.person = p.person;
        break;
      case 'role':
        cur.role = p;
        break;
      case 'institution':
        cur.institution = p;
        break;
      case 'anaphor': {
        const known = unknownAt.get(m.from);
        if (known) {
          cur.unknownName = known.name;
          cur.country = known.country;
          if (known.sector) cur.role = { role: '', sector: known.sector };
        } else cur.anaphor = p.anaphor;
        break;
      }
      case 'nonactor':
        cur.nonactor = true;
        break;
    }
    cur.honorific = honorificPending;
    honorificPending = false;
    groups.push(cur);
  }
  // A state right after a non-actor head ("kantor berita Korea Selatan", "pemilu AS") is a modifier.
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const prev = groups[i - 1];
    if (g.country && prev?.nonactor && prev.to === g.from) g.nonactor = true;
    const next = groups[i + 1];
    if (g.country && !g.person && !g.role && next?.nonactor && next.from === g.to) g.nonactor = true;
  }
  // "TNI Angkatan Udara (AU)": an abbreviation in brackets spelling the initials of the words before it abbreviates
  // them, whatever state or body the same letters name elsewhere (the African Union).
  for (const g of groups) {
    if (g.countryForm !== 'abbr' || g.to - g.from !== 1 || tokens[g.from - 1]?.text !== '(' || tokens[g.to]?.text !== ')') continue;
    const letters = tokens[g.from].text;
    const words = tokens.slice(Math.max(0, g.from - 1 - letters.length), g.from - 1);
    const spelled =
      words.length === letters.length && words.every((w, k) => w.word && w.text[0]?.toUpperCase() === letters[k]?.toUpperCase());
    if (spelled && !groups.some((x) => x !== g && x.to === g.from - 1 && x.country === g.country)) g.nonactor = true;
  }
  // (The same when the bracket closes a body's own phrase: "TNI Angkatan Udara (AU)" is the Indonesian air force.)
  for (const g of groups) {
    if (g.countryForm !== 'abbr' || !(g.institution || g.role) || g.to - g.from < 3) continue;
    const last = tokens[g.to - 1]?.text === ')' ? g.to - 2 : g.to - 1;
    if (tokens[last - 1]?.text !== '(' || tokens[last + 1]?.text !== ')') continue;
    const letters = tokens[last].text;
    const words = tokens.slice(Math.max(g.from, last - 1 - letters.length), last - 1);
    const spelled =
      words.length === letters.length && words.every((w, k) => w.word && w.text[0]?.toUpperCase() === letters[k]?.toUpperCase());
    if (spelled) {
      g.country = undefined;
      g.countryForm = undefined;
    }
  }
  // "misi Amerika Serikat untuk PBB", "the UN envoy for Myanmar": the state after an office and a post word is the
  // post, part of the phrase, not an actor of its own.
  const postLinks = ctx.k.grammar.post_links ?? [];
  for (let i = groups.length - 1; i > 0; i--) {
    const g = groups[i];
    const head = groups[i - 1];
    // (An office of no state named keeps its post as the other side: "memanggil pulang Duta Besar untuk Australia".)
    const headState = head.country ?? head.role?.country ?? head.institution?.country ?? head.person?.country;
    const post = g.country ?? g.institution?.country;
    if (!(head.role || head.institution) || !headState || head.anaphor || !post || g.person || g.role || g.anaphor) continue;
    const gap = tokens.slice(head.to, g.from);
    if (gap.length !== 1 || !postLinks.includes(gap[0].norm)) continue;
    head.to = g.to;
    head.end = g.end;
    groups.splice(i, 1);
  }
  for (const g of groups) if (g.anaphor === 'speaker') g.quote = quoteAround(tokens, g.from);
  // Unnamed persons: capitalised words right after a title ("juru bicara Gedung Biru, Kang Min-seok").
  for (const g of groups) {
    if (g.person || g.anaphor || g.nonactor || g.unknownName || !(g.role || g.institution)) continue;
    let i = g.to;
    if (tokens[i]?.text === ',') i++;
    const start = i;
    while (i < tokens.length && i - start < 4 && tokens[i].word && startsUpper(tokens[i].text) && !covered[i]) i++;
    // Hyphenated given names continue lower case ("Min-seok").
    while (i < tokens.length && tokens[i].hyphenJoined && !covered[i]) i++;
    if (i - start >= 2 && !all.some((m) => m.from >= start && m.from < i)) {
      g.unknownName = tokens
        .slice(start, i)
        .map((t, j) => (j > 0 && t.hyphenJoined ? `-${t.text}` : (j > 0 ? ' ' : '') + t.text))
        .join('');
      g.to = i;
      g.end = tokens[i - 1].end;
    }
  }
  // "Kepala Staf Gabungan (JCS) Korea Selatan … JCS memperingatkan …": a body named bare is of the state it was last named with.
  if (ctx.bodies)
    for (const g of groups) {
      // (Only an abbreviation: "Kementerian Luar Negeri" named bare is any state's ministry.)
      const abbr = /^[A-Z]{2,6}$/.test(g.institution?.label ?? '');
      if (!g.institution || !abbr || g.institution.country || g.person || g.role || g.anaphor || g.nonactor) continue;
      const key = g.institution.institution;
      if (g.country) ctx.bodies.set(key, g.country);
      else if (ctx.bodies.has(key)) g.country = ctx.bodies.get(key);
    }
  // Remember names for later surname references.
  for (const g of groups) {
    const country = g.person?.country ?? g.country ?? g.role?.country ?? g.institution?.country;
    if (g.person) {
      const entry = { person: g.person, name: g.person.name };
      for (const key of surnameKeysOf(g.person)) ctx.names.set(key, entry);
    } else if (g.unknownName) {
      const parts = g.unknownName.split(/\s+/);
      const entry = { name: g.unknownName, country, sector: g.role?.sector ?? g.institution?.sector };
      ctx.names.set(parts[0].toLowerCase(), entry);
      if (parts.length > 1) ctx.names.set(parts[parts.length - 1].split('-')[0].toLowerCase(), entry);
    }
  }
  return groups;
}
