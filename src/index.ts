// The kronik library: what `import … from 'kronik'` gives. The CLI and the server are shells over these
// same functions. Every stage is a plain function over the types of ./types.ts:
//   processRaw / processPaths — pages in, documents with coded events out (the whole pipeline);
//   readInputs, buildDocument, extractHtml, codeEvents — its stages one by one;
//   openStore, ingestDocument, queryEvents, exportChronicle … — the chronicle store (SQLite or PostgreSQL);
//   readGold, score — scoring against gold annotations (the rules of ../shared/gold/README.md).
export { type BuildOptions, buildDocument } from './documents/document.ts';
export { extractHtml, type HtmlExtraction } from './documents/html/extract.ts';
export { documentJson } from './documents/output-json.ts';
export { DEFAULT_MAX_BYTES, type InputItem, type ReadOptions, readInputs } from './documents/read.ts';
export { formatReport, type GoldDocument, type PredDocument, readGold, type ScoreReport, score } from './eval/score.ts';
export { codeEvents } from './events/coder.ts';
export { toPloverStrict } from './events/plover.ts';
export { type ExtractOptions, type PipelineItem, processPaths, processRaw } from './pipeline.ts';
export * from './store/index.ts';
export * from './types.ts';
