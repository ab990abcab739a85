// `kronik eval --gold DIR`: scores extraction against gold annotations, as ../shared/tools/score.mjs does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { documentJson } from '../../documents/output-json.ts';
import { formatReport, type GoldDocument, type PredDocument, readGold, type ScoreReport, score } from '../../eval/score.ts';
import { out, reportError, reportWarning } from '../io.ts';

/** Where the pages of a gold folder live: "…/gold/seeds" → "…/corpus/seeds"; "corpus/gold/id" → "corpus/demo/id". */
export function documentsFor(goldDir: string): string | null {
  const cands = [goldDir.replace(/gold(?!.*gold)/, 'corpus'), goldDir.replace(/gold(?!.*gold)/, 'demo')];
  return cands.find((c) => c !== goldDir && existsSync(c)) ?? null;
}

/** The gold sets `kronik eval` reports side by side when no --gold is given: the seeds, ours, the real pages. */
export const STANDARD_GOLD = [
  '../shared/gold/seeds',
  'corpus/gold/id',
  'corpus/gold/en',
  '../shared/gold/real/id',
  '../shared/gold/real/en',
];

/** Scores one gold folder: its pages are extracted (or read from a prediction file). Null, with a message, on error. */
async function scoreFolder(goldDir: string, docsDir?: string, predFile?: string): Promise<ScoreReport | null> {
  let gold: GoldDocument[];
  try {
    gold = readGold(goldDir);
  } catch (e) {
    reportError(goldDir, (e as Error).message);
    return null;
  }
  const preds: PredDocument[] = [];
  if (predFile) {
    for (const line of readFileSync(predFile, 'utf8').split('\n')) if (line.trim()) preds.push(JSON.parse(line));
  } else {
    const docs = docsDir ?? documentsFor(goldDir);
    if (!docs) {
      reportError(goldDir, 'cannot find the pages for this gold folder; pass --docs DIR or --pred FILE');
      return null;
    }
    const { processPaths } = await import('../../pipeline.ts');
    const wanted = gold.map((g) => join(docs, g.doc)).filter((p) => existsSync(p));
    for await (const item of processPaths(wanted)) {
      if ('error' in item) reportError(item.input, item.error);
      else if ('warning' in item) reportWarning(item.input, item.warning);
      else preds.push(documentJson(item.document) as unknown as PredDocument);
    }
  }
  return score(gold, preds);
}

/** One line per gold set: the figures the README's evaluation table holds. */
export function formatSideBySide(rows: { gold: string; report: ScoreReport }[]): string {
  const head = ['gold', 'pages', 'strict P', 'strict R', 'strict F1', 'type+dyad F1', 'body kept', 'furniture removed'];
  const cells = rows.map(({ gold, report: r }) => [
    gold,
    String(r.documents),
    String(r.events_strict.precision),
    String(r.events_strict.recall),
    String(r.events_strict.f1),
    String(r.events_type_dyad.f1),
    String(r.body_kept ?? '-'),
    String(r.boilerplate_removed ?? '-'),
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(width[i]) : x.padStart(width[i]))).join('  ');
  return `${[line(head), ...cells.map(line)].join('\n')}\n`;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'score events, bodies and metadata against gold folders (same rules and figures as ../shared/tools/score.mjs); ' +
        'with no --gold, the seeds, our corpus and the real pages side by side',
    )
    .option('--gold <dir...>', `folders of gold JSON files (default: ${STANDARD_GOLD.join(', ')})`)
    .option('--docs <dir>', 'folder of the pages to extract (default: found beside the gold folder)')
    .option('--pred <file>', 'score an existing JSONL prediction file instead of extracting')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'list missed and extra events and metadata misses')
    .action(async (o: { gold?: string[]; docs?: string; pred?: string; json?: boolean; verbose?: boolean }) => {
      const folders = o.gold ?? STANDARD_GOLD.filter((g) => existsSync(g));
      if (!o.gold)
        for (const g of STANDARD_GOLD)
          if (!existsSync(g)) process.stderr.write(`kronik eval: skipping ${g}: not found (../shared is not beside this checkout)\n`);
      if (folders.length !== 1) {
        if ((o.docs || o.pred) && folders.length > 1) {
          reportError(folders.join(', '), '--docs and --pred apply to one gold folder; give one --gold');
          process.exitCode = 2;
          return;
        }
        const rows: { gold: string; report: ScoreReport }[] = [];
        for (const g of folders) {
          const report = await scoreFolder(g);
          if (report) rows.push({ gold: g, report });
          else process.exitCode = 2;
        }
        if (o.json)
          await out(
            `${JSON.stringify(
              rows.map(({ gold, report: { misses, extras, metadataMisses, ...rest } }) => ({ gold, ...rest })),
              null,
              2,
            )}\n`,
          );
        else await out(formatSideBySide(rows));
        return;
      }
      const report = await scoreFolder(folders[0], o.docs, o.pred);
      if (!report) {
        process.exitCode = 2;
        return;
      }
      if (o.json) {
        const { misses, extras, metadataMisses, ...rest } = report;
        await out(`${JSON.stringify(o.verbose ? report : rest, null, 2)}\n`);
        void misses;
        void extras;
        void metadataMisses;
      } else await out(formatReport(report, !!o.verbose));
    });
}
