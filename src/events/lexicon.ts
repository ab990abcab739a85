// Event-coding knowledge per language: triggers, modality cues, and the CAMEO → Goldstein table.
import { type Language, language } from '../lexicon/language.ts';
import { loadLexicon } from '../lexicon/load.ts';
import type { ModalityLexicon } from '../lexicon/schema.ts';
import { PhraseMatcher } from '../text/tokens.ts';
import type { EventType, Modality } from '../types.ts';
import { type EventFeatures, featuresOf } from './features.ts';

/** A trigger: its lexicon entry, over the features of its type and mode (./features.ts). */
export interface TriggerDef extends Omit<EventFeatures, 'target'> {
  type: EventType;
  mode: string | null;
  cameo: string;
  pos: 'verb' | 'noun';
  voice?: 'active' | 'passive' | 'host';
  symmetric?: boolean;
  /** place: with no other side named, the state where it happens is the other side ("serangan … di Jalur Gaza"). */
  target?: 'after' | 'none' | 'place';
  requires?: string[];
  /** How many words after the trigger a required word may stand (default 5). */
  within?: number;
  /** The required word stands before the trigger, in its subject ("a relief consignment … was dispatched"). */
  requires_before?: boolean;
  /** A present-tense form: with a bare weekday it names the nearer such day (as in tenseless languages). */
  tense?: 'present';
  object?: 'required';
  /** Only people, offices or delegations do this, not a state named bare ("mendarat di": missiles land too). */
  agent?: 'person';
  /** What follows it is what is alleged ("accused Rwanda of backing the rebels"), not an event of its own. */
  content?: boolean;
  /** A crowd may do this too, or only a crowd: the act is then the crowd's state's. */
  crowd?: 'also' | 'only';
  phrase: string;
}

export type CueClass = Exclude<Modality, 'occurred'> | 'past' | 'purpose' | 'boundary';

export interface EventKnowledge {
  triggers: PhraseMatcher<TriggerDef>;
  notEvents: PhraseMatcher<true>;
  cues: PhraseMatcher<CueClass>;
  /** Verbs after a trigger noun that carry its modality ("… akan berlangsung", "… was cancelled"). */
  nounPredicates: PhraseMatcher<true>;
  /** Decision verbs: "voted … to impose" is decided, not an aim. */
  decisions: Set<string>;
  /** Cues of readiness ("willing to", "bersedia"): dated when said, never by a plan told before. */
  readiness: Set<string>;
  /** "as planned" after a negated act: the plan is called off ("will not visit … as planned"). */
  planReferences: PhraseMatcher<true>;
  /** "agreed to" before a meeting told as an aim: the meeting is agreed on, so planned. */
  agreedAims: PhraseMatcher<true>;
  /** Auxiliaries of the present progressive ("is meeting"): a meeting or trip told so is arranged. */
  progressive: PhraseMatcher<true>;
  /** Conjunctions opening a condition ("jika", "if"): the act inside it is only supposed, not told. */
  conditions: Set<string>;
  anaphoricAfter: Set<string>;
  anaphoricBefore: Set<string>;
  topicMarkers: PhraseMatcher<true>;
  /** Hostile acts referred back to ("the launch", "peluncuran itu"): their author is the one answered. */
  hostileActs: PhraseMatcher<true>;
  /** Other acts referred back to ("the move", "langkah tersebut"): a reaction to them is aimed at the last actor. */
  acts: PhraseMatcher<true>;
}

/** The event lexicons of a language, compiled once. */
export function eventKnowledge(lang: string | Language): EventKnowledge {
  return language(lang).compiled('events', buildEventKnowledge);
}

function buildEventKnowledge(lang: Language): EventKnowledge {
  const ev = lang.lexicon('events');
  const triggers = new PhraseMatcher<TriggerDef>();
  for (const t of ev.triggers) {
    const { phrases, ...entry } = t;
    // The entry's own keys win over its type's and mode's features.
    const declared = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    const def = { ...featuresOf(entry.type, entry.mode), ...declared, mode: entry.mode ?? null } as Omit<TriggerDef, 'phrase'>;
    for (const p of phrases) triggers.add(p, { ...def, phrase: p }, /^\p{Lu}{2,}/u.test(p) ? { caseSensitive: true } : {});
  }
  const notEvents = new PhraseMatcher<true>();
  for (const p of ev.not_events ?? []) notEvents.add(p, true);
  const hostileActs = new PhraseMatcher<true>();
  for (const p of ev.hostile_acts ?? []) hostileActs.add(p, true);
  const acts = new PhraseMatcher<true>();
  for (const p of ev.acts ?? []) acts.add(p, true);
  const topicMarkers = new PhraseMatcher<true>();
  for (const p of ev.topic_markers ?? []) topicMarkers.add(p, true);

  const mod = lang.lexicon('modality');
  const cues = new PhraseMatcher<CueClass>();
  // Added weakest first so that, for one phrase listed twice, the stronger class wins.
  const classes: [keyof ModalityLexicon, CueClass][] = [
    ['boundaries', 'boundary'],
    ['purpose', 'purpose'],
    ['past', 'past'],
    ['planned', 'planned'],
    ['expected', 'expected'],
    ['hypothetical', 'hypothetical'],
    ['negated', 'negated'],
    ['cancelled', 'cancelled'],
  ];
  for (const [key, cls] of classes) for (const p of mod[key] ?? []) cues.add(p, cls);

  // Matched on their own, so that a predicate such as "was cancelled" does not hide the cue inside it.
  const nounPredicates = new PhraseMatcher<true>();
  for (const p of mod.noun_predicates ?? []) nounPredicates.add(p, true);
  const planReferences = new PhraseMatcher<true>();
  for (const p of mod.plan_references ?? []) planReferences.add(p, true);
  const agreedAims = new PhraseMatcher<true>();
  for (const p of mod.agreed_aims ?? []) agreedAims.add(p, true);
  const progressive = new PhraseMatcher<true>();
  for (const p of mod.progressive ?? []) progressive.add(p, true);
  const ana = ev.anaphoric;
  const k: EventKnowledge = {
    triggers,
    notEvents,
    cues,
    nounPredicates,
    decisions: new Set((mod.decisions ?? []).map((w) => w.toLowerCase())),
    readiness: new Set((mod.readiness ?? []).map((w) => w.toLowerCase())),
    planReferences,
    agreedAims,
    progressive,
    conditions: new Set((mod.conditions ?? []).map((w) => w.toLowerCase())),
    anaphoricAfter: new Set((Array.isArray(ana) ? ana : (ana.after ?? [])).map((s) => s.toLowerCase())),
    anaphoricBefore: new Set((Array.isArray(ana) ? [] : (ana.before ?? [])).map((s) => s.toLowerCase())),
    topicMarkers,
    hostileActs,
    acts,
  };
  return k;
}

let cameoTable: Record<string, { name: string; goldstein: number }> | null = null;

/** Goldstein value of a CAMEO code, falling back to its root. */
export function goldstein(cameo: string): number {
  cameoTable ??= loadLexicon<Record<string, { name: string; goldstein: number }>>('common', 'cameo');
  for (let c = cameo; c.length >= 2; c = c.slice(0, -1)) if (cameoTable[c]) return cameoTable[c].goldstein;
  return 0;
}
