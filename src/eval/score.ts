// Scores predicted documents against gold annotations with the matching rules of
// ../shared/gold/README.md: type + dyad (swapped where symmetric), and for "strict" also the
// date (inside the gold date or span, ±1 day) and the modality class (planned = expected).
// Each gold event takes at most one prediction; required gold events are matched first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type OneOrMany<T> = T | T[];

export interface GoldEvent {
  id?: string;
  type: OneOrMany<string>;
  mode?: OneOrMany<string | null>;
  source: OneOrMany<string | null>;
  target: OneOrMany<string | null>;
  symmetric?: boolean;
  optional?: boolean;
  source_actor?: OneOrMany<string>;
  date?: string;
  date_end?: string;
  modality?: OneOrMany<string>;
  evidence?: string;
}

export interface GoldDocument {
  doc: string;
  language?: string;
  title?: string;
  published?: string;
  published_approx?: boolean;
  body_must_include?: string[];
  body_must_exclude?: string[];
  events?: GoldEvent[];
}

export interface PredEvent {
  type: string;
  mode?: string | null;
  source?: { country?: string | null; name?: string | null } | string | null;
  target?: { country?: string | null; name?: string | null } | string | null;
  date?: string | null;
  modality?: string | null;
  evidence?: { text?: string } | string;
}

export interface PredDocument {
  doc: string;
  language?: string;
  title?: string | null;
  published?: string | null;
  body?: string;
  events?: PredEvent[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  documents: number;
  documents_missing: number;
  events_strict: Prf;
  events_type_dyad: Prf;
  fields: Record<string, number | null>;
  body_kept: number | null;
  boilerplate_removed: number | null;
  metadata: Record<string, number | null>;
  per_document: { doc: string; missing: boolean; strict: Counts; loose: Counts }[];
  /** Human-readable misses and extras of the strict matching. */
  misses: string[];
  extras: string[];
  metadataMisses: string[];
}

const list = <T>(v: OneOrMany<T>): T[] => (Array.isArray(v) ? v : [v]);
const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const country = (a: PredEvent['source']) => (a == null ? null : typeof a === 'string' ? a : (a.country ?? null));
const accepts = (goldVal: OneOrMany<string | null>, predVal: string | null) =>
  list(goldVal).some((g) => (g === null ? predVal == null : g === predVal));
const FUTURE = new Set(['planned', 'expected']);
const modalityClass = (m: string | null | undefined) => (m && FUTURE.has(m) ? 'future' : (m ?? 'occurred'));
const DAY = 86400000;

/** A partial ISO date as an inclusive [start, end] day range in ms. */
function range(d: string | null | undefined): [number, number] | null {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(d));
  if (!m) return null;
  const y = +m[1];
  const mo = m[2] ? +m[2] - 1 : null;
  const da = m[3] ? +m[3] : null;
  if (mo === null) return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
  if (da === null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 0)];
  return [Date.UTC(y, mo, da), Date.UTC(y, mo, da)];
}

function dateOk(g: GoldEvent, p: PredEvent): boolean {
  const gs = range(g.date);
  if (!gs) return true;
  const ge = range(g.date_end) ?? gs;
  const ps = range(p.date);
  if (!ps) return false;
  return ps[0] >= gs[0] - DAY && ps[0] <= ge[1] + DAY;
}

function dyadOk(g: GoldEvent, p: PredEvent): boolean {
  const ps = country(p.source);
  const pt = country(p.target);
  if (accepts(g.source, ps) && accepts(g.target, pt)) return true;
  return Boolean(g.symmetric) && accepts(g.source, pt) && accepts(g.target, ps);
}

const typeOk = (g: GoldEvent, p: PredEvent) => list(g.type).includes(p.type);
const modalityOk = (g: GoldEvent, p: PredEvent) =>
  list(g.modality ?? 'occurred').some((m) => modalityClass(m) === modalityClass(p.modality));

/** Maximum bipartite matching; required gold events first, then optional ones take what is left. */
function matchDoc(goldEvents: GoldEvent[], predEvents: PredEvent[], strict: boolean): [number, number][] {
  const ok = (g: GoldEvent, p: PredEvent) => typeOk(g, p) && dyadOk(g, p) && (!strict || (dateOk(g, p) && modalityOk(g, p)));
  const owner: number[] = new Array(predEvents.length).fill(-1);
  const tryAssign = (gi: number, seen: Set<number>): boolean => {
    for (let pi = 0; pi < predEvents.length; pi++) {
      if (seen.has(pi) || !ok(goldEvents[gi], predEvents[pi])) continue;
      seen.add(pi);
      if (owner[pi] < 0 || tryAssign(owner[pi], seen)) {
        owner[pi] = gi;
        return true;
      }
    }
    return false;
  };
  const idx = goldEvents.map((_, i) => i);
  for (const gi of idx.filter((i) => !goldEvents[i].optional)) tryAssign(gi, new Set());
  for (const gi of idx.filter((i) => goldEvents[i].optional)) {
    const pi = predEvents.findIndex((p, i) => owner[i] < 0 && ok(goldEvents[gi], p));
    if (pi >= 0) owner[pi] = gi;
  }
  return owner.map((gi, pi) => [gi, pi] as [number, number]).filter(([gi]) => gi >= 0);
}

const prf = ({ tp, fp, fn }: Counts): Prf => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const r3 = (x: number) => +x.toFixed(3);
  return { precision: r3(p), recall: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0), tp, fp, fn };
};
const frac = ([a, b]: number[]) => (b ? +(a / b).toFixed(3) : null);

export function readGold(dir: string): GoldDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      try {
        return JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldDocument;
      } catch (e) {
        throw new Error(`${join(dir, f)}: not valid JSON (${(e as Error).message})`);
      }
    });
}

/** Scores predictions (keyed by document base name) against gold documents. */
export function score(gold: GoldDocument[], predictions: PredDocument[]): ScoreReport {
  const preds = new Map<string, PredDocument>();
  for (const p of predictions)
    preds.set(
      String(p.doc ?? '')
        .split('/')
        .pop() as string,
      p,
    );
  const totals = { strict: { tp: 0, fp: 0, fn: 0 }, loose: { tp: 0, fp: 0, fn: 0 } };
  const fields: Record<string, [number, number]> = { mode: [0, 0], modality: [0, 0], date_day: [0, 0], source_actor: [0, 0] };
  const body = { include: [0, 0], exclude: [0, 0] };
  const meta: Record<string, [number, number]> = { title: [0, 0], published: [0, 0], language: [0, 0] };
  const perDoc: ScoreReport['per_document'] = [];
  const misses: string[] = [];
  const extras: string[] = [];
  const metadataMisses: string[] = [];

  for (const g of gold) {
    const p = preds.get(g.doc) ?? { doc: g.doc, events: [] };
    const pe = Array.isArray(p.events) ? p.events : [];
    const ge = g.events ?? [];
    const row = { doc: g.doc, missing: !preds.has(g.doc), strict: { tp: 0, fp: 0, fn: 0 }, loose: { tp: 0, fp: 0, fn: 0 } };
    for (const kind of ['strict', 'loose'] as const) {
      const pairs = matchDoc(ge, pe, kind === 'strict');
      const matchedGold = new Set(pairs.map(([gi]) => gi));
      const tp = pairs.filter(([gi]) => !ge[gi].optional).length;
      const fn = ge.filter((e, i) => !e.optional && !matchedGold.has(i)).length;
      const fp = pe.length - pairs.length;
      totals[kind].tp += tp;
      totals[kind].fn += fn;
      totals[kind].fp += fp;
      row[kind] = { tp, fp, fn };
      if (kind !== 'strict') continue;
      for (const [gi, pi] of pairs) {
        const gv = ge[gi];
        const pv = pe[pi];
        if (gv.mode !== undefined) {
          fields.mode[1]++;
          if (list(gv.mode).includes(pv.mode ?? null)) fields.mode[0]++;
        }
        fields.modality[1]++;
        if (list(gv.modality ?? 'occurred').includes(pv.modality ?? 'occurred')) fields.modality[0]++;
        if (gv.date && /^\d{4}-\d{2}-\d{2}$/.test(gv.date) && !gv.date_end) {
          fields.date_day[1]++;
          if (String(pv.date ?? '').slice(0, 10) === gv.date) fields.date_day[0]++;
        }
        if (gv.source_actor) {
          fields.source_actor[1]++;
          const names = [
            typeof pv.source === 'object' ? pv.source?.name : null,
            typeof pv.target === 'object' ? pv.target?.name : null,
          ].map(norm);
          if (list(gv.source_actor).some((a) => names.some((n) => n && (n.includes(norm(a)) || norm(a).includes(n)))))
            fields.source_actor[0]++;
        }
      }
      const matchedPred = new Set(pairs.map(([, pi]) => pi));
      ge.forEach((e, i) => {
        if (!e.optional && !matchedGold.has(i))
          misses.push(
            `${g.doc} ${e.id ?? ''} ${list(e.type).join('|')} ${e.source}->${e.target} ${e.date ?? ''} ${list(e.modality ?? 'occurred').join('|')} :: ${String(e.evidence ?? '').slice(0, 90)}`,
          );
      });
      pe.forEach((e, i) => {
        if (!matchedPred.has(i)) {
          const ev = typeof e.evidence === 'string' ? e.evidence : (e.evidence?.text ?? '');
          extras.push(
            `${g.doc} ${e.type}/${e.mode ?? ''} ${country(e.source)}->${country(e.target)} ${e.date ?? ''} ${e.modality ?? ''} :: ${ev.slice(0, 90)}`,
          );
        }
      });
    }
    const text = norm(p.body);
    for (const s of g.body_must_include ?? []) {
      body.include[1]++;
      if (text.includes(norm(s))) body.include[0]++;
      else metadataMisses.push(`${g.doc} body lost: ${s.slice(0, 80)}`);
    }
    for (const s of g.body_must_exclude ?? []) {
      body.exclude[1]++;
      if (!text.includes(norm(s))) body.exclude[0]++;
      else metadataMisses.push(`${g.doc} furniture kept: ${s.slice(0, 80)}`);
    }
    if (g.title) {
      meta.title[1]++;
      if (norm(p.title) === norm(g.title)) meta.title[0]++;
      else metadataMisses.push(`${g.doc} title: got ${JSON.stringify(p.title)}, want ${JSON.stringify(g.title)}`);
    }
    if (g.published) {
      meta.published[1]++;
      const r = range(String(p.published ?? '').slice(0, 10));
      const gr = range(g.published) as [number, number];
      const tol = g.published_approx ? DAY : 0;
      if (r && Math.abs(r[0] - gr[0]) <= tol) meta.published[0]++;
      else metadataMisses.push(`${g.doc} published: got ${p.published}, want ${g.published}`);
    }
    if (g.language) {
      meta.language[1]++;
      if (p.language === g.language) meta.language[0]++;
      else metadataMisses.push(`${g.doc} language: got ${p.language}, want ${g.language}`);
    }
    perDoc.push(row);
  }
  return {
    documents: gold.length,
    documents_missing: perDoc.filter((d) => d.missing).length,
    events_strict: prf(totals.strict),
    events_type_dyad: prf(totals.loose),
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, frac(v)])),
    body_kept: frac(body.include),
    boilerplate_removed: frac(body.exclude),
    metadata: Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, frac(v)])),
    per_document: perDoc,
    misses,
    extras,
    metadataMisses,
  };
}

/** The same summary lines as the reference scorer. */
export function formatReport(r: ScoreReport, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    for (const m of r.misses) lines.push(`  MISS ${m}`);
    for (const e of r.extras) lines.push(`  EXTRA ${e}`);
    for (const m of r.metadataMisses) lines.push(`  META ${m}`);
  }
  lines.push(`documents: ${r.documents} (missing from predictions: ${r.documents_missing})`);
  for (const d of r.per_document) lines.push(`  ${d.doc}  strict tp=${d.strict.tp} fp=${d.strict.fp} fn=${d.strict.fn}`);
  const s = r.events_type_dyad;
  lines.push(`events, type+dyad only: P=${s.precision} R=${s.recall} F1=${s.f1}`);
  lines.push(`fields on strict matches: ${JSON.stringify(r.fields)}`);
  lines.push(`body: kept ${r.body_kept}, boilerplate removed ${r.boilerplate_removed}; metadata: ${JSON.stringify(r.metadata)}`);
  const t = r.events_strict;
  lines.push(`events strict (type+dyad+date+modality): P=${t.precision} R=${t.recall} F1=${t.f1}`);
  return `${lines.join('\n')}\n`;
}
