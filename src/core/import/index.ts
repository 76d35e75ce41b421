/**
 * Importing other journals: read an export into one shape (readImport), preview it against the
 * journal (planImport), then write it in one transaction (applyImport).
 */
export { applyImport, type ApplyOptions } from './apply';
export { IMPORT_FORMATS, type ImportFormatReader, type ImportSource } from './formats';
export { IMPORT_LIMITS, type ImportLimits } from './limits';
export { planImport, type PlanOptions } from './plan';
export { readImport, type ReadImportOptions } from './read';
export type {
  DuplicateEntry,
  ImportBody,
  ImportFormat,
  ImportPlan,
  ImportProblem,
  ImportResult,
  ImportedEntry,
  ParsedImport,
  PlannedEntry,
  ThemeMapping,
} from './types';
