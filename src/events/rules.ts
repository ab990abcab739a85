// The named rules of the event coder. Each event's `provenance.rules` lists, in order, the rules that
// fired for it: how its sides, modality, place and date were found beyond the plain reading (subject
// before the trigger, other side after it). A name used by the coder must be an entry here.
export const RULES = {
  // Modality
  'subordinate-keeps-modality': 'a verb right after a subordinator, with no cue of its own, keeps the modality of the event before it',
  'next-leg-keeps-modality': 'a visit told after "Selanjutnya,"/"Then", with no cue of its own, keeps the modality of the trip before it',
  // The subject
  'invited-guest': 'the one invited to visit ("mengundang Putin untuk mengunjungi …") plans the visit',
  'purpose-of-trip': 'what a trip told before is for happens on it, with its traveller and modality',
  'between-pair': 'a meeting "between A and B" has A and B as its sides',
  'noun-owner': 'an actor right after an event noun owns it ("kunjungan Putin", "peluncuran rudal oleh Korut")',
  'organisation-summit': 'an organisation\'s summit ("KTT G20") is attended, not met',
  'coordinated-verb-subject': 'a verb after a coordinator keeps the subject of the verb before it',
  'same-sides': '"met … and agreed …": the same two sides agree',
  'main-clause-subject': "after a subordinator or a preposition, a verb or meeting noun shares the main clause's subject",
  'participle-subject': "a participle after a comma shares the main clause's subject",
  'reported-pronoun-speaker': 'a pronoun subject right after a speech verb ("… but said it had launched") is its speaker',
  'trip-purpose-traveller': "a visit told as a trip's purpose has the traveller as subject",
  'passive-voice': 'a passive trigger: the subject is the target, the agent after it the source',
  'noun-owner-before':
    'the owner right before a one-sided event noun is its actor, even after a preposition ("against Russia’s airstrikes")',
  'passive-addressee':
    'the subject of a passive verb of telling ("was told that") is addressed: the target; the speaker told before is the source',
  'host-voice': 'a host trigger ("menerima kunjungan"): the subject is the host, the guest after it the source',
  'person-speaks-for-owner': 'a named person as subject speaks for the state that owns the event noun',
  'coordinated-subjects': '"A dan B bertemu": coordinated subjects are the two sides, or each acts',
  'joined-list': 'a list joined to an actor ("A, joined by B and C") acts with it',
  'fronted-clause-subject': 'the subject after a fronted clause ("saat mengunjungi Rusia, Kim …")',
  'owner-pair': 'a coordinated pair after an event noun ("KTT Korea Utara dan Amerika Serikat") is its two sides',
  'directive-giver': 'with no actor as subject, the one whose directive the act carries out is its actor ("following the directives of …")',
  'crowd-state': "a crowd's protest is its state's: the state named with the crowd, or where it gathers",
  'dropped-subject': "a clause with no subject continues the previous sentence's subject",
  // The other side
  'other-side-after-trigger': 'the other side is the first actor of another state after the trigger in its clause',
  'answers-referred-act': 'an act referred back ("the launch", "langkah tersebut") is answered: its author is the other side',
  'visit-place-host': 'the place a visit goes to names its host',
  'other-side-in-sentence': 'a conflict event names its other side elsewhere in the sentence',
  'both-sides-pair': '"kedua pihak" / "both sides" is the pair told before',
  'referred-meeting-pair': 'a meeting referred back ("KTT tersebut") is between the sides it was told with',
  'series-continues': 'a load of relief told with no sides of its own continues the last relief told (same giver, same receiver)',
  'speaker-regrets': 'a passive with no agent named ("… sangat disesalkan," katanya) is the speaker\'s act',
  'visit-pair': "a meeting whose other side is named but unknown is with the other side of the visit just told to its owner's state",
  'force-in-response': 'a show of force in response answers the state whose hostile act was told last',
  'joint-drill': 'a show of force by two states with no one to answer is an act between them',
  'force-around-state': 'a show of force answering no one is aimed at the other state it surrounds ("drills around Taiwan")',
  'roles-on-event-day': "offices are held by whoever held them on the event's day",
  'summit-host-state': "a summit's other side is the state where it meets",
  'third-party-place': 'a meeting held in a state that is neither side is CONSULT/third-party',
  // Fan-out (src/events/fanout.ts)
  'both-sides-act': 'both sides of the pair told before act: one event each',
  'coordinated-actors-act': 'each coordinated actor of a one-sided act acts (a joint show of force is one act)',
  'second-destination': '"will fly to A and then to B": a second destination of the same trip',
  'second-partner': '"talks with A …, and with B": a second partner',
  'list-of-others': 'a trip to a list of states, or talks with counterparts from several, is one event each',
} as const satisfies Record<string, string>;

/** The name of a rule of the coder. */
export type RuleName = keyof typeof RULES;
