// Structures derived from a lexicon's word lists — a lower-cased set, phrases split into words — made once per list
// and kept with it (the lists are read-only once loaded): the coder asks for them at every trigger, and remaking
// them per call was a good part of its time.

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_LIST: readonly string[] = [];

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The words of a list, lower-cased, as a set. */
export function lowerSet(words: readonly string[] | undefined): ReadonlySet<string> {
  if (!words) return EMPTY_SET;
  let set = sets.get(words);
  if (!set) {
    set = new Set(words.map((w) => w.toLowerCase()));
    sets.set(words, set);
  }
  return set;
}

const lists = new WeakMap<readonly string[], readonly string[]>();
/** The words of a list, lower-cased, in their order. */
export function lowerList(words: readonly string[] | undefined): readonly string[] {
  if (!words) return EMPTY_LIST;
  let list = lists.get(words);
  if (!list) {
    list = words.map((w) => w.toLowerCase());
    lists.set(words, list);
  }
  return list;
}

const phrases = new WeakMap<readonly string[], readonly (readonly string[])[]>();
/** The phrases of a list, each lower-cased and split at white space into its words. */
export function phraseWords(list: readonly string[] | undefined): readonly (readonly string[])[] {
  if (!list) return [];
  let out = phrases.get(list);
  if (!out) {
    out = list.map((p) => p.toLowerCase().split(/\s+/));
    phrases.set(list, out);
  }
  return out;
}

const made = new WeakMap<object, Map<string, unknown>>();
/** Anything else derived from a lexicon object (a union of its lists), made once per object and key. */
export function derived<T>(owner: object, key: string, make: () => T): T {
  let byKey = made.get(owner);
  if (!byKey) {
    byKey = new Map();
    made.set(owner, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = make();
  byKey.set(key, value);
  return value;
}
