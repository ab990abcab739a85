// The shape of every lexicon file, checked when the file is loaded: a misspelt key ("symetric: true") or a
// value of the wrong kind is an error naming the file and the key, never a rule silently turned off.
// The TypeScript types of the lexicons are inferred from these schemas, so code and data cannot drift.
import { z } from 'zod';

const words = z.array(z.string());
const unit = z.enum(['day', 'week', 'month', 'year', 'same']);
/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD), as people's role dates are written. */
const isoDate = z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const pattern = z.strictObject({ pattern: z.string(), why: z.string().optional() });

// ---------------------------------------------------------------- events.yaml

const eventType = z.enum([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
]);

export const triggerEntrySchema = z.strictObject({
  type: eventType,
  mode: z.string().nullable().optional(),
  cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code as a quoted string of 2 to 4 digits'),
  pos: z.enum(['verb', 'noun']),
  voice: z.enum(['active', 'passive', 'host']).optional(),
  symmetric: z.boolean().optional(),
  /** after: the first other actor after the trigger; none: no recipient; place: else the state where it happens. */
  target: z.enum(['after', 'none', 'place']).optional(),
  requires: words.optional(),
  within: z.number().int().positive().optional(),
  /** The required word stands before the trigger, in its subject ("a relief consignment … was dispatched"). */
  requires_before: z.boolean().optional(),
  tense: z.literal('present').optional(),
  object: z.literal('required').optional(),
  /** person: only people, offices or delegations do this ("tiba di", "landed in": missiles land too), not a bare state. */
  agent: z.literal('person').optional(),
  /** The words after it tell what is alleged ("accused Rwanda of backing the rebels"), no event of their own. */
  content: z.boolean().optional(),
  /**
   * A crowd ("thousands", "protesters") may do this too (also) or only a crowd does it (only): done by a crowd, it is the
   * act of the crowd's state, the one named with it ("thousands of Chinese") or where it gathers ("in Ankara").
   */
  crowd: z.enum(['also', 'only']).optional(),
  phrases: words.min(1),
});

export const eventsSchema = z.strictObject({
  triggers: z.array(triggerEntrySchema).min(1),
  not_events: words.optional(),
  anaphoric: z.union([words, z.strictObject({ before: words.optional(), after: words.optional() })]),
  topic_markers: words.optional(),
  hostile_acts: words.optional(),
  acts: words.optional(),
});

export const modalitySchema = z.strictObject({
  cancelled: words,
  negated: words,
  hypothetical: words,
  expected: words,
  planned: words,
  past: words,
  purpose: words,
  boundaries: words,
  noun_predicates: words.optional(),
  decisions: words.optional(),
  readiness: words.optional(),
  /** Words after a negated act that say it was the plan ("will not visit … as planned"): the plan is called off. */
  plan_references: words.optional(),
  /** Agreement verbs before an aim ("agreed to hold talks"): a meeting as their aim is agreed on, planned. */
  agreed_aims: words.optional(),
  /** Auxiliaries of the present progressive ("is meeting"): a meeting or trip told so is an arrangement, planned. */
  progressive: words.optional(),
  /** Conjunctions that open a condition ("jika", "if"): an act told inside the condition is no event of its own. */
  conditions: words.optional(),
});

// ---------------------------------------------------------------- actors, grammar

export const grammarSchema = z.strictObject({
  place_at: words,
  place_to: words,
  oblique: words,
  comitative: words,
  agent: words,
  coordinators: words,
  possessive_suffixes: words,
  relativizers: words,
  between: words,
  continuers: words,
  subordinators: words,
  invite_verbs: words.optional(),
  response_cues: words.optional(),
  past_suffixes: words.optional(),
  past_forms: words.optional(),
  purpose_preps: words.optional(),
  sequence_words: words.optional(),
  participle_suffixes: words.optional(),
  /** Words marking a person as out of office ("former", "mantan"): not the holder now, nor a clue to the year. */
  former: words.optional(),
  tenseless: z.boolean().optional(),
  /** Verbs that attribute a quote to its speaker ("kata", "ujarnya", "said"): who "saya"/"we" in the quote is. */
  speech_verbs: words.optional(),
  /** Words that may stand between members of a list of actors besides commas and coordinators ("the"). */
  list_links: words.optional(),
  /** Words between an office and the post it holds ("Dubes AS untuk PBB", "envoy to the UN"): the post is no actor. */
  post_links: words.optional(),
  /** Words between an office and the state it belongs to ("the Foreign Office of Pakistan"): the state is its owner. */
  owner_links: words.optional(),
  /** Indefinite articles ("a special envoy"): an office after one names no holder. */
  indefinites: words.optional(),
  /** Words joining a list of actors to the one before it ("yang diikuti oleh", "joined by"): all act. */
  joined_by: words.optional(),
  /** Words before the channel an act goes through ("melalui Beijing", "via Beijing"): never its other side. */
  intermediaries: words.optional(),
  /** Auxiliaries of the passive ("was criticised by", "being criticised by"): with an agent word after the verb, its
   * subject is the one acted upon and the agent the actor. */
  passive_auxiliaries: words.optional(),
  /** Verbs of telling that, after a passive auxiliary, make their subject the one addressed ("was told that …"). */
  addressed_passives: words.optional(),
  /** Plural pronouns that, right before a joint act after a meeting told in the same sentence, are its two sides. */
  pair_pronouns: words.optional(),
  /** Words naming a crowd ("thousands", "protesters"): no actor, but the subject of a protest of its state. */
  crowds: words.optional(),
  /** Words joining two event nouns into one aim or topic ("untuk kunjungan atau pertemuan", "for a visit or talks"). */
  event_links: words.optional(),
  /** Words opening a sentence that tells the next step of a sequence ("Selanjutnya, …", "Then …"). */
  sequence_openers: words.optional(),
  /** Topic nouns whose place is the topic's ("situasi di Ukraina", "the situation in Myanmar"), not an event's. */
  topic_place_heads: words.optional(),
  /** Words before the state a show of force surrounds ("drills around Taiwan", "manoeuvres near Japan"): its target. */
  surrounding: words.optional(),
  /** Phrases before the one whose directive an act carries out ("following the directives of Prime Minister X"). */
  directive_links: words.optional(),
  /** Pronouns that, right after a speech verb, are its speaker ("NATO … said it had launched strikes"). */
  reported_pronouns: words.optional(),
  /** Phrases telling a recurring event ("setiap bulan Desember", "every year"): a habit, not one event told. */
  recurrence: words.optional(),
  /** Goods before a place preposition ("impor dari China", "imports from China"): the state after it owns them, an actor. */
  origin_heads: words.optional(),
});

export const ANAPHOR_KINDS = ['person', 'country', 'both', 'participants', 'counterpart', 'speaker'] as const;

export const actorsSchema = z.strictObject({
  anaphora: z.array(z.strictObject({ kind: z.enum(ANAPHOR_KINDS), phrases: words })),
  counterpart_links: words,
  honorifics: words,
  non_actor_heads: words,
});

export const countriesSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9]{1,4}$/, 'an ISO 3166-1 alpha-3 code or an organisation acronym'),
    names: words.optional(),
    abbreviations: words.optional(),
    adjectives: words.optional(),
    metonyms: words.optional(),
    epithets: words.optional(),
    people_words: words.optional(),
  }),
);

export const rolesSchema = z.strictObject({
  roles: z
    .array(z.strictObject({ role: z.string(), sector: z.string().optional(), country: z.string().optional(), phrases: words }))
    .optional(),
  institutions: z
    .array(z.strictObject({ institution: z.string(), sector: z.string().optional(), country: z.string().optional(), phrases: words }))
    .optional(),
});

// ---------------------------------------------------------------- time, text, furniture

export const timeSchema = z.strictObject({
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  seasons: z.record(z.string(), z.number().int().min(1).max(12)).optional(),
  weekdays: z.record(z.string(), z.number().int().min(1).max(7)),
  weekday_abbreviations: z.record(z.string(), z.number().int().min(1).max(7)).optional(),
  numeric_order: z.enum(['dmy', 'mdy']),
  numbers: z.record(z.string(), z.number()),
  date_cues: words,
  month_past: words,
  month_prev_year: words,
  month_future: words,
  relative: z.array(z.strictObject({ phrase: z.string(), unit, offset: z.number(), part: z.enum(['start', 'middle', 'end']).optional() })),
  ago: z.strictObject({ units: z.record(z.string(), unit), past: words, future: words }),
  duration: z.strictObject({ cues: words, units: z.record(z.string(), unit) }),
  interval: z
    .strictObject({
      after: words,
      words: z.record(z.string(), z.strictObject({ n: z.number(), unit })).optional(),
    })
    .optional(),
  range_joiners: words,
  local_time: words,
  zones: z.record(z.string(), z.string().regex(/^[+-]\d{2}:\d{2}$/)),
  since_cues: words.optional(),
  month_prefix: words.optional(),
  year_prefix: words.optional(),
  update_labels: words.optional(),
});

export const textSchema = z.strictObject({
  abbreviations: words,
  source_cues: words,
  source_report_verbs: words,
  author_labels: words,
  dateline: z.string(),
  stopwords: words.optional(),
  media_only_cues: words.optional(),
  source_links: words.optional(),
  name_function_words: words.optional(),
});

export const furnitureSchema = z.strictObject({
  line: z.array(pattern).optional(),
  block: z.array(pattern).optional(),
  caption: z.array(pattern).optional(),
  /** Marks a store puts before the text it keeps (common/furniture.yaml). */
  lead: z.array(pattern).optional(),
});

export const htmlFurnitureSchema = z.array(
  z.strictObject({ kind: z.string(), pattern: z.string(), caseSensitive: z.boolean().optional(), why: z.string().optional() }),
);

// ---------------------------------------------------------------- common

export const peopleSchema = z.array(
  z.strictObject({
    name: z.string(),
    aliases: words.optional(),
    /** The one word news names the person by alone, or false for none (see lexicons/common/people/README.md). */
    surname: z.union([z.string().regex(/^\S+$/, 'one word'), z.literal(false)]).optional(),
    country: z.string(),
    wikidata: z.string().optional(),
    roles: z
      .array(
        z.strictObject({
          role: z.string(),
          title: z.string().optional(),
          sector: z.string().optional(),
          country: z.string().optional(),
          start: isoDate.optional(),
          end: isoDate.optional(),
          approx: z.boolean().optional(),
        }),
      )
      .optional(),
  }),
);

export const placesSchema = z.array(
  z.strictObject({
    name: z.string(),
    country: z.string(),
    kind: z.enum(['capital', 'city', 'venue', 'region', 'base']),
    names: z.partialRecord(z.enum(['id', 'en']), words).optional(),
  }),
);

export const cameoSchema = z.record(z.string().regex(/^\d{2,4}$/), z.strictObject({ name: z.string(), goldstein: z.number() }));

export const outletsSchema = z.array(z.strictObject({ name: z.string(), match: words, domains: words }));

export const bylinesSchema = z.strictObject({ labels: words, stamps: words });

/** PLOVER contexts the export can tell, by CAMEO code and by actor sector. */
export const ploverContextsSchema = z.strictObject({
  cameo: z.record(z.string().regex(/^\d{2,4}$/), words),
  sector: z.record(z.string(), words),
});

/** Features of a kind of event (lexicons/common/event-features.yaml); rules read these, not the type's name. */
export const eventFeaturesEntrySchema = z.strictObject({
  meeting: z.boolean().optional(),
  travel: z.boolean().optional(),
  gathering: z.boolean().optional(),
  demand: z.boolean().optional(),
  show_of_force: z.boolean().optional(),
  /** Told in a series (relief sent load by load): one told with no sides of its own continues the one told before. */
  series: z.boolean().optional(),
  /** after: the other side only after the trigger; unset: after it, else anywhere in the sentence. */
  target: z.literal('after').optional(),
  reason: z.string().min(1),
});

export const eventFeaturesSchema = z.strictObject({
  types: z.partialRecord(eventType, eventFeaturesEntrySchema),
  modes: z.record(z.string(), eventFeaturesEntrySchema),
});

/** Each lexicon file's schema: `<name>` for the per-language files, `common/<name>` for the shared ones. */
export const LEXICON_SCHEMAS = {
  events: eventsSchema,
  modality: modalitySchema,
  grammar: grammarSchema,
  actors: actorsSchema,
  countries: countriesSchema,
  roles: rolesSchema,
  time: timeSchema,
  text: textSchema,
  furniture: furnitureSchema,
  'html-furniture': htmlFurnitureSchema,
  'common/people': peopleSchema,
  'common/places': placesSchema,
  'common/cameo': cameoSchema,
  'common/outlets': outletsSchema,
  'common/bylines': bylinesSchema,
  'common/plover-contexts': ploverContextsSchema,
  'common/event-features': eventFeaturesSchema,
  'common/html-furniture': htmlFurnitureSchema,
  'common/furniture': furnitureSchema,
} as const;

export type LexiconKey = keyof typeof LEXICON_SCHEMAS;

export type EventsLexicon = z.infer<typeof eventsSchema>;
export type TriggerEntry = z.infer<typeof triggerEntrySchema>;
export type EventFeaturesEntry = z.infer<typeof eventFeaturesEntrySchema>;
export type ModalityLexicon = z.infer<typeof modalitySchema>;
export type GrammarLexicon = z.infer<typeof grammarSchema>;
export type ActorsLexicon = z.infer<typeof actorsSchema>;
export type CountriesLexicon = z.infer<typeof countriesSchema>;
export type RolesLexicon = z.infer<typeof rolesSchema>;
export type TimeLexicon = z.infer<typeof timeSchema>;
export type TextLexicon = z.infer<typeof textSchema>;

/** Checks parsed lexicon data; the error names the file and, for each problem, the key path. */
export function checkLexicon(key: string, file: string, data: unknown): unknown {
  const schema = (LEXICON_SCHEMAS as Record<string, z.ZodType>)[key];
  if (!schema) return data;
  const r = schema.safeParse(data);
  if (r.success) return data;
  const problems = r.error.issues.slice(0, 10).map((i) => {
    const at = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '(top level)';
    return `  ${at.replace(/^\./, '')}: ${i.message}`;
  });
  const more = r.error.issues.length > 10 ? `\n  … and ${r.error.issues.length - 10} more` : '';
  throw new Error(`lexicon ${file} does not match its schema:\n${problems.join('\n')}${more}`);
}
