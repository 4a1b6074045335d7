/** The authority's comparison workspace: a `.mapio-la` file of the returns schools sent. */
import { issue } from '../fieldIssues';
import { z } from 'zod';
import type { AuthorityComparison } from '../authority/comparison';
import type { AllocationUnit, AllocationUnitBasis, ListRowRejection, WelshNameLeftOut } from '../authority/authorityLists';
import type { ReturnChanges } from '../authority/returnHeadline';
import { MAX_RETURN_FILE_BASE64_CHARS } from '../limits';
import { singleLine } from '../schemas';
import { filePath } from './fields';
import type { FileInfo } from './file';
import { op, type OperationGroup } from './operation';

/** A return held in the authority file. */
export interface ImportedReturnInfo {
  schoolKey: string;
  schoolName: string;
  academicYear: string;
  fileName: string;
  /** ISO date-time it was imported. */
  importedAt: string;
  /** ISO date-time the school's Mapio wrote it; null for a return from before version 4. */
  writtenAt: string | null;
}

/** Every return handled, each imported or rejected with its file name and a reason. */
export interface ReturnImportOutcome {
  /** Each school's name as its return gives it, with its Welsh name ('' when none) for a Welsh reader. */
  imported: Array<{ fileName: string; school: { schoolKey: string; name: string; nameCy: string; academicYear: string }; replaced: boolean }>;
  /**
   * Each refused file: a code and its specifics (worded at the edge: `authority.rejected.<code>`), and the
   * reason in English. `cells` names the visible cells that differ from the data (`visible_cells_differ`);
   * `changes` sets the held return's headline figures beside a newer one's, for the officer to confirm (`newer`).
   */
  rejected: Array<{ fileName: string; code: ReturnRejection; params: Record<string, string | number>; reason: string; cells?: CellDifference[]; changes?: ReturnChanges }>;
}

/** A visible cell of a return whose figure is not the data's: sheet, address, what it shows, what the data says. */
export interface CellDifference {
  sheet: string;
  /** The cell's address ("B12"); empty when a whole sheet is missing or added. */
  cell: string;
  shows: string;
  data: string;
}

/** Why a return file was refused. */
export type ReturnRejection =
  | 'not_xlsx'
  | 'unreadable_xlsx'
  | 'too_big'
  | 'no_data'
  | 'wrong_format'
  | 'wrong_version'
  | 'altered'
  | 'visible_cells_differ'
  | 'bad_json'
  | 'invalid_figures'
  | 'duplicate'
  | 'newer'
  | 'older'
  | 'cannot_read'
  | 'other';

/** One of the authority's lists imported: how many rows, and each bad row with its number, a code and specifics (worded at the edge: `authority.listRow.<code>`). */
export interface ListImportOutcome {
  imported: number;
  rejected: ListRowRejection[];
  /** Allocations only: the unit the amounts were read in, and whether a heading said so or their size decided. */
  unit?: AllocationUnit;
  unitFrom?: AllocationUnitBasis;
  /**
   * The list of schools only: each row imported without its Welsh name, which a name cannot be, with its
   * number, a code and specifics (worded at the edge: `authority.welshNameLeftOut.<code>`). Counted among the
   * imported rows, never the rejected.
   */
  welshNamesLeftOut?: WelshNameLeftOut[];
}

/** The open authority file and its comparison: what the authority workspace renders from. */
export interface AuthorityView {
  file: FileInfo;
  returns: ImportedReturnInfo[];
  academicYears: string[];
  /** The year the comparison covers; null when nothing is imported yet. */
  academicYear: string | null;
  comparison: AuthorityComparison;
  /** Schools on the authority's list (0 until the officer imports it). */
  listedSchools: number;
}

const listFileContent = z
  .string()
  .min(1, issue('fileEmpty'))
  .max(MAX_RETURN_FILE_BASE64_CHARS, issue('fileTooLarge', { mb: 3 }))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, issue('base64'));

export const authorityOperations = {
  /** The authority's comparison workspace: a `.mapio-la` file of imported returns. */
  'authority.create': op(z.strictObject({ path: filePath })).returns<AuthorityView>(),
  'authority.open': op(z.strictObject({ path: filePath })).returns<AuthorityView>(),
  'authority.close': op(z.strictObject({})).returns<{ closed: boolean }>(),
  /** One return per call (so the UI can show "n of N" and drag and drop works in browser mode); `replace` replaces a duplicate. */
  'authority.importReturn': op(
    z.strictObject({
      fileName: singleLine(z.string().trim().min(1, issue('required')).max(260)),
      contentBase64: z
        .string()
        .min(1, issue('fileEmpty'))
        .max(MAX_RETURN_FILE_BASE64_CHARS, issue('fileTooLarge', { mb: 3 }))
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, issue('base64')),
      replace: z.boolean().optional(),
    }),
  ).returns<Promise<ReturnImportOutcome>>(),
  /** Every .xlsx in a folder (Electron and the CLI). */
  'authority.importFolder': op(z.strictObject({ path: filePath })).returns<Promise<ReturnImportOutcome>>(),
  /** The comparison for one academic year (default: the newest imported). */
  'authority.comparison': op(
    z.strictObject({
      academicYear: z
        .string()
        .regex(/^\d{4}-\d{2}$/, issue('academicYear'))
        .optional(),
    }),
  ).returns<AuthorityView>(),
  /** The officer's correction: lines with this normalised name are the intervention `canonicalName` (empty: remove the mapping). */
  'authority.setMapping': op(
    z.strictObject({
      normalisedName: singleLine(z.string().trim().min(1, issue('required')).max(200)),
      canonicalName: singleLine(z.string().max(200)),
    }),
  ).returns<AuthorityView>(),
  'authority.removeSchool': op(z.strictObject({ schoolKey: singleLine(z.string().min(1, issue('required')).max(500)) })).returns<AuthorityView>(),
  /** A school's published (Section 52) ALN allocation for a year, to sit beside what it says it spends; null clears it. */
  'authority.setPublishedAllocation': op(
    z.strictObject({
      schoolKey: z.string().min(1, issue('required')).max(500),
      academicYear: z.string().regex(/^\d{4}-\d{2}$/, issue('academicYear')),
      amountPence: z.number().int(issue('wholePence')).min(0, issue('negative')).max(100_000_000_000).nullable(),
      source: z.string().max(300).optional(),
    }),
  ).returns<AuthorityView>(),
  /** The authority's published per-school delegated ALN allocations for a year (CSV or .xlsx; £ or £k), replacing that year's. */
  'authority.importAllocations': op(
    z.strictObject({
      fileName: singleLine(z.string().trim().min(1, issue('required')).max(260)),
      contentBase64: listFileContent,
      academicYear: z.string().regex(/^\d{4}-\d{2}$/, issue('academicYear')),
    }),
  ).returns<Promise<{ outcome: ListImportOutcome; view: AuthorityView }>>(),
  /** The authority's list of its schools (official number, name, phase, language medium, and the name in Welsh if given), replacing the last. */
  'authority.importSchoolList': op(
    z.strictObject({
      fileName: singleLine(z.string().trim().min(1, issue('required')).max(260)),
      contentBase64: listFileContent,
    }),
  ).returns<Promise<{ outcome: ListImportOutcome; view: AuthorityView }>>(),
  /** The officer's own note on a school (empty removes it). */
  'authority.setSchoolNote': op(
    z.strictObject({
      schoolKey: singleLine(z.string().min(1, issue('required')).max(500)),
      note: z.string().max(2000, issue('maxChars', { max: '2,000' })),
    }),
  ).returns<AuthorityView>(),
  /** The comparison as an .xlsx, written atomically, in English or Welsh. */
  'authority.exportComparison': op(
    z.strictObject({
      path: filePath,
      lang: z.enum(['en', 'cy']).default('en'),
      /** The flat sheet's money in pounds (default) or thousands of pounds. */
      flatUnit: z.enum(['pounds', 'thousands']).optional(),
      academicYear: z
        .string()
        .regex(/^\d{4}-\d{2}$/, issue('academicYear'))
        .optional(),
    }),
  ).returns<Promise<{ path: string; bytes: number }>>(),
} satisfies OperationGroup;
