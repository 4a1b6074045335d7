/** The school file: create, open, save as, close, and next year's file rolled forward from it. */
import { z } from 'zod';
import type { AppInfo } from './app';
import { filePath } from './fields';
import { op, type OperationGroup } from './operation';
import type { YearView } from './year';

export interface FileInfo {
  path: string;
  /** The file name without folders, for the title bar. */
  name: string;
  /** Opened read-only: Mapio may not write where the file is; views and exports work, edits are refused, Save As makes an editable copy. */
  readOnly?: boolean;
}

/** An income line a roll-forward did not carry, by its English and Welsh names (shown in the reader's language). */
export interface EndedIncome {
  name: string;
  nameCy: string;
}

/** The new year's file, opened, with what did not carry over. */
export interface RollForwardOutcome {
  view: YearView;
  /** Learners who left (past the school's last year group), by reference. */
  leaverRefs: string[];
  /** Income lines that ended before the new year and were not carried, by their names in both languages. */
  endedIncome: EndedIncome[];
}

export const fileOperations = {
  'file.create': op(z.strictObject({ path: filePath, template: z.enum(['demo', 'empty']) })).returns<YearView>(),
  'file.open': op(z.strictObject({ path: filePath })).returns<YearView>(),
  'file.saveAs': op(z.strictObject({ path: filePath })).returns<YearView>(),
  'file.close': op(z.strictObject({})).returns<AppInfo>(),
  /** Next academic year's file from this one: staff, lines and learners carried, enrolments ended, year groups advanced. */
  'file.rollForward': op(z.strictObject({ path: filePath })).returns<RollForwardOutcome>(),
} satisfies OperationGroup;
