/** Learners imported from the school's MIS export (CSV or .xlsx): a preview first, then the import. */
import type { ApiErrorBody } from './errors';
import { issue } from '../fieldIssues';
import { z } from 'zod';
import type { AlnStatus } from '../domain';
import { misColumnMappingSchema, singleLine, type MisColumnMapping } from '../schemas';
import { MAX_MIS_FILE_BASE64_CHARS } from '../limits';
import { op, type OperationGroup } from './operation';
import type { MutationResult } from './year';

export type { MisColumnMapping, MisField } from '../schemas';

const misFileName = singleLine(z.string().trim().min(1, issue('required')).max(260));
/** An MIS export, base64. 30 MB (shared/limits.ts): far more than 10,000 learners need. */
const misContent = z
  .string()
  .min(1, issue('misFileEmpty'))
  .max(MAX_MIS_FILE_BASE64_CHARS, issue('fileTooLarge', { mb: 30 }))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, issue('base64'));

/** A learner field an MIS import would change on an existing learner, with its old and new value. */
export interface MisFieldChange {
  field: 'name' | 'yearGroup' | 'alnStatus' | 'efsm' | 'lookedAfter' | 'welshAlp';
  from: string | number | boolean;
  to: string | number | boolean;
}

export const MIS_REJECT_CODES = [
  'missing_ref',
  'ref_too_long',
  'duplicate_ref',
  'missing_name',
  'name_too_long',
  'missing_year_group',
  'impossible_year_group',
  'unknown_aln_status',
  'not_yes_or_no',
  'formula',
  'control_character',
] as const;
export type MisRejectCode = (typeof MIS_REJECT_CODES)[number];

/** One data row of the file and what importing it would do. */
export interface MisPreviewRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  action: 'add' | 'update' | 'unchanged' | 'reject';
  ref: string;
  name: string;
  /** -1 nursery, 0 reception, 1..14; null when the row is rejected before it was read. */
  yearGroup: number | null;
  alnStatus: AlnStatus | null;
  /** The existing learner an update or unchanged row matched by reference. */
  learnerId: number | null;
  /** For an update: which fields change. */
  changes: MisFieldChange[];
  /** For a reject: why, as a code (for translation) and a sentence naming what to fix. */
  rejectCode: MisRejectCode | null;
  /** The specifics the reason is worded from (the value, the column, the other rows, the limit). */
  rejectParams: Record<string, string | number>;
  reason: string | null;
  /**
   * The name has "?" where a letter stood and the file is Windows-1252, which cannot hold ŵ or ŷ: the name
   * may have lost Welsh letters. Shown beside the row; an existing learner's name is never replaced by it.
   */
  lostLetters: boolean;
}

export interface MisPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How the CSV's bytes were read; null for .xlsx. */
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | null;
  /** The header row as written in the file. */
  columns: string[];
  /** The mapping used (guessed from the headers unless the request gave one). */
  mapping: MisColumnMapping;
  /** Every rejected row and the first rows of the others, in file order (at most MIS_PREVIEW_ROW_LIMIT that are not rejects). */
  rows: MisPreviewRow[];
  /** True when rows that are not rejects were left out of `rows` (the counts are always exact). */
  rowsTruncated: boolean;
  counts: { add: number; update: number; unchanged: number; reject: number; blank: number; notInFile: number };
  /** How each ALN status word in the file was read, in the order first seen (spelling as first written), with how many rows used it. */
  statusReadings: Array<{ text: string; status: AlnStatus; rows: number }>;
  /**
   * Set when the mapping lacks a required column (reference, name, year group) or names a column the
   * file doesn't have: the sentence says which, `rows` is empty and the counts are 0. `mis.import` with
   * such a mapping is refused with the same message.
   */
  mappingProblem: ApiErrorBody | null;
}
export const MIS_PREVIEW_ROW_LIMIT = 500;

/**
 * Both operations read .xlsx through exceljs, which is asynchronous, so their handlers return a Promise;
 * every transport awaits it, and over the wire the value is the MisPreview / MutationResult.
 */
export const misOperations = {
  /** What importing learners from an MIS export (CSV or .xlsx) would do: no side effects. */
  'mis.preview': op(z.strictObject({ fileName: misFileName, contentBase64: misContent, mapping: misColumnMappingSchema.optional() })).returns<Promise<MisPreview>>(),
  /** Import the learners the preview accepts, in one transaction (one undo step); re-runs the preview on the server. */
  'mis.import': op(z.strictObject({ fileName: misFileName, contentBase64: misContent, mapping: misColumnMappingSchema })).returns<Promise<MutationResult>>(),
} satisfies OperationGroup;
