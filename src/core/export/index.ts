export { exportHtml, type HtmlExportOptions } from './html';
export { docToHtml, escapeHtml } from './html-render';
export {
  JSON_EXPORT_FORMAT,
  JSON_EXPORT_VERSION,
  exportJson,
  type JsonExport,
  type JsonExportEntry,
  type JsonExportOptions,
  type JsonExportTheme,
} from './json';
export { exportMarkdown, type MarkdownExportOptions } from './markdown';
export { docToMarkdown } from './markdown-render';
export type { ExportFormat, ExportProgressFn, ExportResult } from './types';
