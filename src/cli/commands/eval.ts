// `kronik eval --gold DIR`: scores extraction against gold annotations, as ../shared/tools/score.mjs does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { formatReport, type GoldDocument, type PredDocument, readGold, score } from '../../eval/score.ts';
import { processPaths } from '../../pipeline.ts';
import { out, reportError } from '../io.ts';
import { documentJson } from './extract.ts';

/** Where the pages of a gold folder live: "…/gold/seeds" → "…/corpus/seeds"; "corpus/gold/id" → "corpus/demo/id". */
export function documentsFor(goldDir: string): string | null {
  const cands = [goldDir.replace(/gold(?!.*gold)/, 'corpus'), goldDir.replace(/gold(?!.*gold)/, 'demo')];
  return cands.find((c) => c !== goldDir && existsSync(c)) ?? null;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score events, bodies and metadata against a gold folder (same rules and figures as ../shared/tools/score.mjs)')
    .requiredOption('--gold <dir>', 'folder of gold JSON files')
    .option('--docs <dir>', 'folder of the pages to extract (default: found beside the gold folder)')
    .option('--pred <file>', 'score an existing JSONL prediction file instead of extracting')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'list missed and extra events and metadata misses')
    .action(async (o: { gold: string; docs?: string; pred?: string; json?: boolean; verbose?: boolean }) => {
      let gold: GoldDocument[];
      try {
        gold = readGold(o.gold);
      } catch (e) {
        reportError(o.gold, (e as Error).message);
        process.exitCode = 2;
        return;
      }
      const preds: PredDocument[] = [];
      if (o.pred) {
        for (const line of readFileSync(o.pred, 'utf8').split('\n')) if (line.trim()) preds.push(JSON.parse(line));
      } else {
        const docs = o.docs ?? documentsFor(o.gold);
        if (!docs) {
          reportError(o.gold, 'cannot find the pages for this gold folder; pass --docs DIR or --pred FILE');
          process.exitCode = 2;
          return;
        }
        const wanted = gold.map((g) => join(docs, g.doc)).filter((p) => existsSync(p));
        for await (const item of processPaths(wanted)) {
          if ('error' in item) reportError(item.input, item.error);
          else preds.push(documentJson(item.document) as unknown as PredDocument);
        }
      }
      const report = score(gold, preds);
      if (o.json) {
        const { misses, extras, metadataMisses, ...rest } = report;
        await out(`${JSON.stringify(o.verbose ? report : rest, null, 2)}\n`);
        void misses;
        void extras;
        void metadataMisses;
      } else await out(formatReport(report, !!o.verbose));
    });
}
