/**
 * Writing an export to disk without ever leaving half a file: the bytes go to a temporary file in the
 * same folder, are flushed, and the temporary file is renamed over the target in one step. A target that
 * is read-only, locked (open in Excel on Windows) or in a read-only folder is refused with a sentence
 * that says what to do; the earlier export and the school file are left exactly as they were.
 */
import { fieldIssue } from '../../shared/fieldIssues';
import fs from 'node:fs';
import nodePath from 'node:path';
import type ExcelJS from 'exceljs';
import { ApiError } from '../../shared/api/contract';
import { withExtension, type FileKind } from '../../shared/fileExtensions';
import { writeFileAtomically } from '../atomicFileWrite';
import { xlsxBytes } from './excelLibrary';

export function cannotWrite(target: string): ApiError {
  return new ApiError('file_io', 'cannotWriteExport', { path: target });
}

/** Read-only as a person set it (permission bits), whether or not this process could override it (root). */
function isReadOnly(path: string): boolean {
  try {
    return (fs.statSync(path).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

/**
 * Where an export of `kind` goes: the typed path with its extension added when left off (the one policy,
 * shared/fileExtensions.ts), refused when it is the open school file, a folder that does not exist, or a
 * read-only file or folder.
 */
export function exportTarget(target: string, kind: FileKind, schoolFilePath: string | null): string {
  const resolved = nodePath.resolve(withExtension(target, kind));
  if (schoolFilePath !== null && nodePath.resolve(schoolFilePath) === resolved) {
    throw ApiError.invalid([fieldIssue('path', 'notSchoolFile')]);
  }
  const folder = nodePath.dirname(resolved);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new ApiError('file_io', 'exportNoFolder', { path: resolved, folder });
  }
  if (!folderStat.isDirectory()) throw new ApiError('file_io', 'exportNotFolder', { path: resolved, folder });
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) {
    throw new ApiError('file_io', 'exportIsFolder', { path: resolved });
  }
  if (isReadOnly(folder) || isReadOnly(resolved)) throw cannotWrite(resolved);
  return resolved;
}

/** Write an export with the one atomic writer; a failure says the file may be open elsewhere or read-only. */
export function writeExport(target: string, bytes: Uint8Array | string): void {
  writeFileAtomically(target, bytes, () => cannotWrite(target));
}

/**
 * Save a workbook to `path` (".xlsx" added when left off) atomically; returns the number of bytes written.
 * Fails with ApiError('file_io') when the target is read-only or locked, leaving any earlier file untouched.
 */
export async function writeWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<number> {
  const target = exportTarget(path, 'workbook', null);
  const bytes = await xlsxBytes(workbook);
  writeExport(target, bytes);
  return bytes.byteLength;
}
