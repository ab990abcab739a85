// Actor knowledge loaded from lexicons: states and organisations, places, people with dated roles,
// role titles, institutions and anaphora. Built once per language into phrase matchers.
import { type Language, language } from '../lexicon/language.ts';
import { loadLexicon } from '../lexicon/load.ts';
import type { GrammarLexicon } from '../lexicon/schema.ts';
import { normalise, PhraseMatcher } from '../text/tokens.ts';

export type ActorPayload =
  | { kind: 'country'; code: string; form: 'name' | 'abbr' | 'adjective' | 'metonym' | 'epithet' }
  | { kind: 'nationals'; code: string }
  | { kind: 'person'; person: Person }
  | { kind: 'role'; role: string; sector: string; country?: string; label: string }
  | { kind: 'institution'; institution: string; sector: string; country?: string; label: string }
  | { kind: 'anaphor'; anaphor: 'person' | 'country' | 'both' | 'participants' | 'counterpart' | 'speaker' }
  | { kind: 'honorific' }
  | { kind: 'nonactor' };

export interface PlacePayload {
  name: string;
  country: string;
  kind: string;
}

export interface PersonRole {
  role: string;
  title?: string;
  sector?: string;
  country?: string;
  start?: string;
  end?: string;
}

export interface Person {
  name: string;
  aliases?: string[];
  country: string;
  /**
   * The one word news names this person by alone ("Abiy" for Abiy Ahmed) when it is not the last word
   * of the name; false when no word is theirs alone ("Guterres" names the UN Secretary-General).
   */
  surname?: string | false;
  roles?: PersonRole[];
}

export type { GrammarLexicon };

export interface ActorKnowledge {
  actors: PhraseMatcher<ActorPayload>;
  places: PhraseMatcher<PlacePayload>;
  people: Person[];
  /** Single-word surnames (normalised) that name exactly one person in the lexicon. */
  uniqueSurnames: Map<string, Person>;
  /** Holders of a role in a country, for "Menteri Luar Negeri AS" on a date. */
  holders: Map<string, { person: Person; role: PersonRole }[]>;
  counterpartLinks: Set<string>;
  /** Verbs that attribute a quote to its speaker (grammar `speech_verbs`), lower case. */
  speechVerbs: Set<string>;
  grammar: GrammarLexicon;
  /** Capital (or seat) of each state, for visits that name only the host state. */
  capitals: Map<string, string>;
}

/** The actor lexicons of a language, compiled once. */
export function actorKnowledge(lang: string | Language): ActorKnowledge {
  return language(lang).compiled('actors', buildActorKnowledge);
}

function buildActorKnowledge(lang: Language): ActorKnowledge {
  const actors = new PhraseMatcher<ActorPayload>();
  const places = new PhraseMatcher<PlacePayload>();

  const countries = lang.lexicon('countries');
  for (const c of countries) {
    for (const n of c.names ?? []) actors.add(n, { kind: 'country', code: c.code, form: 'name' }, { capitalised: true });
    for (const n of c.abbreviations ?? []) actors.add(n, { kind: 'country', code: c.code, form: 'abbr' }, { caseSensitive: true });
    for (const n of c.adjectives ?? []) actors.add(n, { kind: 'country', code: c.code, form: 'adjective' }, { capitalised: true });
    for (const n of c.metonyms ?? []) actors.add(n, { kind: 'country', code: c.code, form: 'metonym' }, { capitalised: true });
    for (const n of c.epithets ?? []) actors.add(n, { kind: 'country', code: c.code, form: 'epithet' });
    for (const n of c.people_words ?? []) actors.add(n, { kind: 'nationals', code: c.code });
  }

  const roles = lang.lexicon('roles');
  for (const r of roles.roles ?? [])
    for (const p of r.phrases)
      actors.add(
        p,
        { kind: 'role', role: r.role, sector: r.sector ?? 'GOV', country: r.country, label: p },
        short(p) ? { caseSensitive: true } : {},
      );
  for (const r of roles.institutions ?? [])
    for (const p of r.phrases)
      actors.add(
        p,
        { kind: 'institution', institution: r.institution, sector: r.sector ?? 'GOV', country: r.country, label: p },
        short(p) ? { caseSensitive: true } : {},
      );

  const people = loadLexicon<Person[]>('common', 'people', []) ?? [];
  const surnameCount = new Map<string, Person[]>();
  const holders = new Map<string, { person: Person; role: PersonRole }[]>();
  for (const p of people) {
    for (const n of [p.name, ...(p.aliases ?? [])]) actors.add(n, { kind: 'person', person: p }, { capitalised: true });
    const parts = p.name.split(/[\s-]+/);
    const surname = p.surname === false ? null : (p.surname ?? (parts.length >= 2 ? parts[parts.length - 1] : null));
    if (surname) {
      // Keyed like tokens' `norm` (lower case, no diacritics), so "Gusmão" and "Gusmao" both find it.
      const key = normalise(surname);
      surnameCount.set(key, [...(surnameCount.get(key) ?? []), p]);
    }
    for (const r of p.roles ?? []) {
      const key = `${r.country ?? p.country}:${r.role}`;
      holders.set(key, [...(holders.get(key) ?? []), { person: p, role: r }]);
    }
  }
  const uniqueSurnames = new Map<string, Person>();
  for (const [s, ps] of surnameCount) if (ps.length === 1 && s.length > 3) uniqueSurnames.set(s, ps[0]);

  const al = lang.lexicon('actors');
  for (const a of al.anaphora) for (const p of a.phrases) actors.add(p, { kind: 'anaphor', anaphor: a.kind });
  for (const h of al.honorifics) actors.add(h, { kind: 'honorific' }, { capitalised: true });
  for (const h of al.non_actor_heads) actors.add(h, { kind: 'nonactor' });

  const capitals = new Map<string, string>();
  const placeList = loadLexicon<{ name: string; country: string; kind: string; names?: Record<string, string[]> }[]>(
    'common',
    'places',
    [],
  );
  for (const pl of placeList) {
    for (const n of pl.names?.[lang.code] ?? [pl.name])
      places.add(n, { name: pl.name, country: pl.country, kind: pl.kind }, { capitalised: true });
    if (pl.kind === 'capital' && !capitals.has(pl.country)) capitals.set(pl.country, pl.name);
  }

  const k: ActorKnowledge = {
    actors,
    places,
    people,
    uniqueSurnames,
    holders,
    counterpartLinks: new Set(al.counterpart_links.map((s) => s.toLowerCase())),
    speechVerbs: new Set((lang.lexicon('grammar').speech_verbs ?? []).map((w) => w.toLowerCase())),
    grammar: lang.lexicon('grammar'),
    capitals,
  };
  return k;
}

/** Short all-caps abbreviations (PM, BIN) only match as written. */
const short = (p: string) => p.length <= 4 && p === p.toUpperCase();

/** The role a person held on a day (ISO date or prefix), or their latest earlier role. */
export function roleOn(person: Person, date: string | null): PersonRole | null {
  const roles = person.roles ?? [];
  if (!roles.length) return null;
  if (!date) return roles[roles.length - 1];
  const d = date.length >= 10 ? date.slice(0, 10) : date;
  const active = roles.filter((r) => (!r.start || String(r.start) <= d) && (!r.end || String(r.end) >= d.slice(0, String(r.end).length)));
  if (active.length) return active.sort((a, b) => rank(a.role) - rank(b.role))[0];
  return null;
}

// When one person holds two roles at once, the more specific diplomatic one is reported.
const ORDER = [
  'foreign_minister',
  'deputy_foreign_minister',
  'special_envoy',
  'national_security_adviser',
  'defense_minister',
  'unification_minister',
  'foreign_ministry_spokesperson',
  'head_of_state',
  'head_of_government',
];
const rank = (r: string) => {
  const i = ORDER.indexOf(r);
  return i < 0 ? ORDER.length : i;
};

/** The single holder of a role in a country on a date, or null when none or several. */
export function holderOn(k: ActorKnowledge, country: string, role: string, date: string | null): Person | null {
  const list = k.holders.get(`${country}:${role}`) ?? [];
  if (!date) return null;
  const d = date.slice(0, 10);
  const on = list.filter(({ role: r }) => (!r.start || String(r.start) <= d) && (!r.end || String(r.end) >= d));
  const unique = new Set(on.map((x) => x.person));
  return unique.size === 1 ? on[0].person : null;
}

export const ROLE_LABELS: Record<string, string> = {
  head_of_state: 'head of state',
  head_of_government: 'head of government',
  vice_president: 'vice president',
  foreign_minister: 'foreign minister',
  deputy_foreign_minister: 'deputy foreign minister',
  defense_minister: 'defence minister',
  foreign_ministry_spokesperson: 'foreign ministry spokesperson',
  national_security_adviser: 'national security adviser',
  special_envoy: 'special envoy',
  unification_minister: 'unification minister',
  un_secretary_general: 'UN secretary-general',
  party_official: 'party official',
  leader_family: 'party official',
  ambassador: 'ambassador',
  intelligence_chief: 'intelligence chief',
  finance_minister: 'finance minister',
};
