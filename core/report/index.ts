export { buildReport, type ReportInput, reportToJson } from './build';
export { citationEvidence } from './citation-evidence';
export { CSV_COLUMNS, csvField, reportToCsv } from './csv';
export { reportToMarkdown, STATUS_LABELS } from './markdown';
export * from './types';
