// The modality pass: whether a trigger tells what happened, what is planned, expected, hypothetical, negated or
// called off, or only an aim ("untuk bertemu", "to meet"), from the cues of its clause (lexicons/<lang>/modality.yaml).
import type { GrammarLexicon } from '../actors/lexicon.ts';
import type { PhraseMatch } from '../text/tokens.ts';
import type { Modality } from '../types.ts';
import type { SentenceContext } from './analysis.ts';
import { textOf } from './context.ts';
import type { CueClass, TriggerDef } from './lexicon.ts';

/** How strongly a cue class overrides another in one clause (boundaries and aims are no modality). */
const STRENGTH: Record<string, number> = { cancelled: 6, negated: 5, hypothetical: 4, expected: 3, planned: 2, past: 1 };

export const DASHES = new Set(['-', '–', '—']);

/** The modality of a trigger from cues in its clause; "purpose" when the trigger is only an aim. */
export function modalityOf(
  sc: SentenceContext,
  t: PhraseMatch<TriggerDef>,
  decisions: Set<string>,
  grammar: GrammarLexicon,
): { modality: Modality; cue: string | null } | 'purpose' {
  const { boundaryAt, tokens } = sc;
  // "would work with allies … and voiced concern", "to defend it and pledged support": a finite past verb
  // after a coordinator starts a clause of its own; cues before the coordinator do not reach it.
  const first = tokens[t.from]?.norm ?? '';
  const finitePast =
    t.payload.pos === 'verb' &&
    ((grammar.past_suffixes ?? []).some((x) => first.endsWith(x)) || (grammar.past_forms ?? []).includes(first));
  let coordAt = -1;
  if (finitePast)
    for (let i = t.from - 1; i >= Math.max(0, t.from - 12); i--)
      if (grammar.coordinators.includes(tokens[i].norm)) {
        coordAt = i;
        break;
      }
  const cues = coordAt >= 0 ? sc.cues.filter((c) => c.from > coordAt || c.to > t.from) : sc.cues;
  let best: PhraseMatch<CueClass> | null = null;
  // Left scope: back to the clause boundary (or a comma), at most 10 tokens.
  let leftLimit = Math.max(0, t.from - 10);
  for (let i = t.from - 1; i >= leftLimit; i--) {
    // (A dash closes an aside: "ASEAN - di bawah tekanan … untuk menengahi … - mencoret …": its words do not govern the verb.)
    if (boundaryAt.has(i) || tokens[i].text === ',' || (!tokens[i].word && DASHES.has(tokens[i].text))) {
      // "…, lalu bertemu": a continuing clause keeps the modality of the one before, unless it states its
      // own ("…, dan belum jelas apakah … akan …").
      const ownCue = cues.some((c) => c.from > i && c.to <= t.from && isModalityCue(c.payload));
      if (tokens[i].text === ',' && sc.continuerAt.has(i + 1) && !ownCue) {
        leftLimit = Math.max(0, i - 12);
        continue;
      }
      leftLimit = i + 1;
      break;
    }
  }
  // ("Rencana kunjungan tersebut dibahas dalam pertemuan …": a cue right before another event noun is that noun's; it
  // does not reach a trigger after it.)
  const ownedByNoun = (c: PhraseMatch<CueClass>) => sc.triggers.some((x) => x.from === c.to && x.to <= t.from && x.payload.pos === 'noun');
  const inScope = cues.filter((c) => c.to <= t.from && c.from >= leftLimit && c.payload !== 'boundary' && !ownedByNoun(c));
  // An aim: the nearest cue before a verb is "untuk"/"to" ("untuk bertemu", "untuk X dan menghadiri …").
  const nearest = inScope[inScope.length - 1];
  // ("responded to Wednesday's launches by firing …": a verb right after a preposition is the means, not an aim.)
  const means = !!nearest && grammar.oblique.includes(tokens[t.from - 1]?.norm ?? '') && t.from - nearest.to > 1;
  // ("opposes arms sales to Taiwan and urges …": a purpose word that governs an actor is a preposition, and the
  // verb coordinated after that actor is no aim.)
  const governs =
    !!nearest &&
    sc.groups.some(
      (x) =>
        (x.from === nearest.to || (x.from === nearest.to + 1 && (grammar.list_links ?? []).includes(tokens[nearest.to].norm))) &&
        x.to < t.from &&
        tokens.slice(x.to, t.from).some((y) => grammar.coordinators.includes(y.norm)),
    );
  if (nearest?.payload === 'purpose' && t.payload.pos === 'verb' && t.from - nearest.to <= 8 && !means && !governs) {
    // "voted unanimously on Friday to impose …": what follows a decision has been decided.
    const decided = tokens.slice(leftLimit, nearest.from).some((x) => decisions.has(x.norm));
    if (!decided) return 'purpose';
  }
  for (const c of inScope) {
    if (!isModalityCue(c.payload)) continue;
    if (!best || STRENGTH[c.payload] > STRENGTH[best.payload]) best = c;
  }
  // A trigger noun as subject takes the modality of its predicate: "kunjungan itu dibatalkan", "the summit
  // will take place". A cancellation word is enough; a plan or forecast needs a predicate verb beside it.
  if (t.payload.pos === 'noun') {
    const limit = Math.min(tokens.length, t.to + 14);
    for (const c of cues) {
      if (c.from < t.to || c.from >= limit) continue;
      // ("KTT antara AS dan China yang menurut rencana akan berlangsung": a relative clause still tells of the noun.)
      if (c.payload === 'boundary' && !grammar.relativizers.includes(tokens[c.from].norm)) break;
      if (c.payload !== 'cancelled' && c.payload !== 'planned' && c.payload !== 'expected') continue;
      const nearPredicate = sc.predicates.some((p) => p.from >= c.from - 1 && p.from <= c.to + 2);
      // ("kunjungan menlu Filipina ke Indonesia, Agustus mendatang": a time ahead dates the noun itself.)
      const timeAhead = c.payload === 'planned' && sc.times.some((x) => x.start <= tokens[c.from].start && tokens[c.to - 1].end <= x.end);
      if ((c.payload === 'cancelled' || nearPredicate || timeAhead) && (!best || STRENGTH[c.payload] > STRENGTH[best.payload])) best = c;
    }
  }
  if (!best || best.payload === 'past') return { modality: 'occurred', cue: best ? textOf(tokens, best) : null };
  return { modality: best.payload as Modality, cue: textOf(tokens, best) };
}

/** Whether a cue class is a modality (not a clause boundary or an aim). */
export const isModalityCue = (cls: string) => cls in STRENGTH;
