/** What the school hands on: the governors' workbook, the statement for parents, the authority return. */
import { z } from 'zod';
import { filePath } from './fields';
import { op, type OperationGroup } from './operation';
import { versionLabel, type GovernorVersionSummary } from './versions';

/** What `export.governorsWorkbook` wrote: the full path, its sheets (in the export's language) and its size. */
export interface GovernorsWorkbookExport {
  path: string;
  sheets: string[];
  bytes: number;
  /** The version presented to governors kept with it, when one was asked for. */
  version?: GovernorVersionSummary;
}

export interface AlpStatementExport {
  path: string;
}

/** What `return.create` wrote. */
export interface ReturnWritten {
  path: string;
  schoolName: string;
  academicYear: string;
  bytes: number;
}

/**
 * The person has seen the learners' names Mapio found in the school's own text and confirmed none is a
 * learner (a refusal with code names_in_text lists them); without it, such a document is not written.
 */
const NOT_LEARNERS = z.boolean().default(false);

export const exportsOperations = {
  /**
   * The costed map as an Excel workbook for governors, written atomically to `path` (.xlsx).
   * Asynchronous (exceljs zips the workbook asynchronously): the handler returns a Promise; `await` it.
   */
  'export.governorsWorkbook': op(
    z.strictObject({
      path: filePath,
      /** No Learners sheet unless asked for: even pseudonymised, it is personal data about children. */
      learners: z.enum(['none', 'pseudonymised', 'named']).default('none'),
      lang: z.enum(['en', 'cy']).default('en'),
      /** Also keep this map and these exact bytes as a version presented to governors (docs/exports.md). */
      version: versionLabel.optional(),
    }),
  ).returns<Promise<GovernorsWorkbookExport>>(),
  /** The statement for parents of what the school regards as ALP: printable HTML (.html), no costs, no learners. */
  /** The statement for parents in English, in Welsh, or bilingual (Welsh then English in one document). */
  'export.alpStatement': op(z.strictObject({ path: filePath, lang: z.enum(['en', 'cy', 'bilingual']).default('en'), notLearners: NOT_LEARNERS })).returns<AlpStatementExport>(),
  /**
   * Write the open school's authority return (.xlsx) to `path`: no learner names, refs or dates of birth.
   * Asynchronous (exceljs): the handler returns a Promise; every transport awaits it.
   */
  /** The return for the authority; its readable sheets in English or Welsh (the data inside is the same). */
  'return.create': op(z.strictObject({ path: filePath, lang: z.enum(['en', 'cy']).default('en'), notLearners: NOT_LEARNERS })).returns<Promise<ReturnWritten>>(),
} satisfies OperationGroup;
