// Features of a kind of event, declared per PLOVER type and mode in lexicons/common/event-features.yaml.
// Rules ask `travel`, `meeting`, … rather than which type or mode an event is.
import { loadLexicon } from '../lexicon/load.ts';
import type { EventFeaturesEntry } from '../lexicon/schema.ts';

export type EventFeatures = Omit<EventFeaturesEntry, 'reason'>;

interface FeatureTable {
  types: Record<string, EventFeaturesEntry | undefined>;
  modes: Record<string, EventFeaturesEntry | undefined>;
}

const cache = new Map<string, EventFeatures>();

/** The features of events of this type and mode: the type's, with the mode's added over them. */
export function featuresOf(type: string, mode: string | null | undefined): EventFeatures {
  const key = `${type}/${mode ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    const table = loadLexicon<FeatureTable>('common', 'event-features');
    const { reason: _t, ...byType } = table.types[type] ?? { reason: '' };
    const { reason: _m, ...byMode } = (mode && table.modes[mode]) || { reason: '' };
    f = Object.freeze({ ...byType, ...byMode });
    cache.set(key, f);
  }
  return f;
}
