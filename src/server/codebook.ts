// The codebook the API serves: event types with their quad class, the modes and CAMEO codes the
// lexicons give them, the statuses, and the CAMEO → Goldstein table. Read from the lexicons, so it
// always says what the coder does.
import { CODED_LANGUAGES, loadLexicon } from '../lexicon/load.ts';
import { QUAD_CLASS } from '../store/merge.ts';
import { MODALITIES, PLOVER_TYPES } from '../types.ts';

export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
}

export interface Codebook {
  types: { type: string; quad_class: number; modes: string[]; cameo: CameoCode[] }[];
  modalities: string[];
  quad_classes: { quad_class: number; types: string[] }[];
  cameo: CameoCode[];
}

let cached: Codebook | null = null;

export function codebook(): Codebook {
  if (cached) return cached;
  const table = loadLexicon<Record<string, { name: string; goldstein: number }>>('common', 'cameo');
  const cameo = Object.entries(table)
    .map(([code, v]) => ({ code, name: v.name, goldstein: v.goldstein }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(cameo.map((c) => [c.code, c]));
  const modes = new Map<string, Set<string>>();
  const codes = new Map<string, Set<string>>();
  for (const lang of CODED_LANGUAGES) {
    const lex = loadLexicon<{ triggers: { type: string; mode?: string | null; cameo: string }[] }>(lang, 'events');
    for (const t of lex.triggers) {
      if (t.mode) (modes.get(t.type) ?? modes.set(t.type, new Set()).get(t.type)!).add(t.mode);
      (codes.get(t.type) ?? codes.set(t.type, new Set()).get(t.type)!).add(t.cameo);
    }
  }
  const lookup = (code: string): CameoCode => {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const hit = byCode.get(c);
      if (hit) return { ...hit, code };
    }
    return { code, name: '', goldstein: 0 };
  };
  cached = {
    types: PLOVER_TYPES.map((type) => ({
      type,
      quad_class: QUAD_CLASS[type],
      modes: [...(modes.get(type) ?? [])].sort(),
      cameo: [...(codes.get(type) ?? [])].sort().map(lookup),
    })),
    modalities: [...MODALITIES],
    quad_classes: [1, 2, 3, 4].map((q) => ({ quad_class: q, types: PLOVER_TYPES.filter((t) => QUAD_CLASS[t] === q) })),
    cameo,
  };
  return cached;
}
