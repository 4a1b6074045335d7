/** The automatic backups of school files, and opening one as a new file. */
import { z } from 'zod';
import { filePath } from './fields';
import { op, type OperationGroup } from './operation';
import type { YearView } from './year';

/** One automatic backup (db/backups.ts). */
export interface BackupInfo {
  path: string;
  /** ISO date-time (UTC) the copy was taken. */
  takenAt: string;
  /** daily: on open, at most once a day; before-import: before an import changed the file; before-update: before a newer Mapio updated the file. */
  reason: 'daily' | 'before-import' | 'before-update';
  bytes: number;
  /** The school file it is a copy of. */
  schoolFile: string;
}

export const backupsOperations = {
  /** The automatic backups of the open school file (of every file when none is open), newest first. */
  'backups.list': op(z.strictObject({})).returns<BackupInfo[]>(),
  /** Open a backup as a new school file (`to`, or "<name> (restored <date>).mapio" beside the open file); nothing is overwritten. */
  'backups.restore': op(z.strictObject({ path: filePath, to: filePath.optional() })).returns<YearView>(),
} satisfies OperationGroup;
