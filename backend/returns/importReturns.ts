/**
 * Importing schools' returns into an authority file. Each return is read, checked and stored on its own
 * (its own transaction); a bad return is listed with its file name and reason and never stops the others.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { schoolKeyOf } from '../../shared/authorityReturn';
import { duplicateError, type AuthorityFile } from '../../db/authority/authorityFile';
import { readReturnWorkbook, ReturnRejected } from './readReturn';

export interface ReturnFile {
  fileName: string;
  bytes: Buffer;
}

export interface ImportedSchool {
  schoolKey: string;
  name: string;
  academicYear: string;
}

export interface ImportOutcome {
  imported: Array<{ fileName: string; school: ImportedSchool; replaced: boolean }>;
  rejected: Array<{ fileName: string; reason: string }>;
}

export interface ImportProgress {
  /** Returns handled so far (1-based after each file). */
  done: number;
  total: number;
  fileName: string;
  outcome: 'imported' | 'rejected';
}

/** A return file no bigger than this is read; a larger one is refused (a return is tens of kilobytes). */
export const MAX_RETURN_BYTES = 20 * 1024 * 1024;

export async function importReturns(
  authority: AuthorityFile,
  files: readonly ReturnFile[],
  onProgress?: (progress: ImportProgress) => void,
  options: { replace?: boolean } = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], rejected: [] };
  let done = 0;
  for (const file of files) {
    let result: 'imported' | 'rejected';
    try {
      if (file.bytes.length > MAX_RETURN_BYTES) throw new ReturnRejected(`not a Mapio return: it is ${Math.round(file.bytes.length / 1024 / 1024)} MB, far larger than any return`);
      const read = await readReturnWorkbook(file.bytes);
      const schoolKey = schoolKeyOf(read.ret.school);
      const existing = authority.findReturn(schoolKey, read.ret.school.academicYear);
      if (existing && !options.replace) throw new ReturnRejected(duplicateError(existing).message);
      const stored = authority.addReturn({ schoolKey, fileName: file.fileName, formatVersion: read.version, sha256: read.sha256, json: read.json, ret: read.ret }, options);
      outcome.imported.push({ fileName: file.fileName, school: { schoolKey, name: stored.schoolName, academicYear: stored.academicYear }, replaced: existing !== null });
      result = 'imported';
    } catch (error) {
      const reason =
        error instanceof ReturnRejected || error instanceof ApiError
          ? error.message
          : `could not be imported: ${(error as Error)?.message ?? String(error)}`;
      outcome.rejected.push({ fileName: file.fileName, reason });
      result = 'rejected';
    }
    done += 1;
    onProgress?.({ done, total: files.length, fileName: file.fileName, outcome: result });
  }
  return outcome;
}

/** Every .xlsx directly inside `folder`, by file name, as ReturnFiles (Excel's "~$" lock files are skipped). */
export function returnFilesInFolder(folder: string): ReturnFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError('file_io', code === 'ENOENT' ? `There is no folder at ${folder}.` : code === 'ENOTDIR' ? `${folder} is a file, not a folder.` : `Mapio could not read the folder ${folder}. (${(error as Error).message})`);
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.xlsx') && !n.startsWith('~$'))
    .sort()
    .flatMap((fileName) => {
      const full = nodePath.join(folder, fileName);
      try {
        if (!fs.statSync(full).isFile()) return [];
        return [{ fileName, bytes: fs.readFileSync(full) }];
      } catch {
        return [{ fileName, bytes: Buffer.alloc(0) }];
      }
    });
}
