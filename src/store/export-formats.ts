// The export formats, apart from the export code so that the CLI can list them in `--help` without
// loading the store.
export type ExportFormat = 'jsonl' | 'csv' | 'gdelt' | 'plover';
export const EXPORT_FORMATS = ['csv', 'jsonl', 'gdelt', 'plover'] as const satisfies readonly ExportFormat[];
