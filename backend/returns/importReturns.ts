/**
 * Importing schools' returns into an authority file. Each return is read, checked and stored on its own
 * (its own savepoint: all of it or none); a bad return is listed with its file name and reason and never
 * stops the others. Returns are read one at a time and stored a few at a time: a batch is one transaction,
 * so one flush to disk serves up to STORED_PER_COMMIT returns rather than one each (docs/guarantees.md §1:
 * what the import answers as imported is on disk before it answers).
 */
import type { ReturnImportOutcome } from '../../shared/api/authority';
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { schoolKeyFor } from '../../shared/authority/returnFormat';
import { headlineOf, newerOf } from '../../shared/authority/returnHeadline';
import { duplicateError, type AuthorityFile, type StoredReturnInfo } from '../../db/authority/authorityFile';
import { readReturnWorkbook, ReturnRejected, type ReadReturn } from './readReturn';

export interface ReturnFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * A return read only when its turn comes (a folder's files): `load` returns its bytes, or throws a
 * ReturnRejected saying why it cannot be read. Importing a folder this way holds one return in memory at a
 * time, however many the folder has (1,480 for all of Wales).
 */
export interface ReturnFileOnDisk {
  fileName: string;
  load: () => Buffer;
}

export type ReturnSource = ReturnFile | ReturnFileOnDisk;

export interface ImportedSchool {
  schoolKey: string;
  name: string;
  /** The school's Welsh name as its return gives it ('' when none): what a Welsh reader is shown. */
  nameCy: string;
  academicYear: string;
}

export interface ImportOutcome {
  imported: Array<{ fileName: string; school: ImportedSchool; replaced: boolean }>;
  rejected: ReturnImportOutcome['rejected'];
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

/**
 * Returns checked and stored in one transaction. A flush to disk cost each return as much as reading it
 * (about 2.5 ms of 13 ms); 25 checked returns held in memory are a few megabytes at most.
 */
export const STORED_PER_COMMIT = 25;

export async function importReturns(
  authority: AuthorityFile,
  files: readonly ReturnSource[],
  onProgress?: (progress: ImportProgress) => void,
  options: { replace?: boolean; stillOpen?: () => boolean } = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], rejected: [] };
  authority.assertWritable();
  let done = 0;
  const report = (fileName: string, result: ImportProgress['outcome']) => {
    done += 1;
    onProgress?.({ done, total: files.length, fileName, outcome: result });
  };
  const reject = (fileName: string, error: unknown) => {
    const reason = error instanceof ReturnRejected || error instanceof ApiError ? error.message : `could not be imported: ${(error as Error)?.message ?? String(error)}`;
    const rejected = error instanceof ReturnRejected ? error : null;
    outcome.rejected.push({ fileName, code: rejected?.code ?? 'other', params: rejected?.params ?? {}, reason, ...rejected?.details });
    report(fileName, 'rejected');
  };

  let batch: ReadFile[] = [];
  const storeBatch = () => {
    const stored = storeInOneCommit(authority, batch, outcome.imported.length, options);
    batch = [];
    for (const s of stored) {
      if ('school' in s) {
        outcome.imported.push(s);
        report(s.fileName, 'imported');
      } else reject(s.fileName, s.error);
    }
  };
  for (const file of files) {
    try {
      const bytes = 'bytes' in file ? file.bytes : file.load();
      if (bytes.length > MAX_RETURN_BYTES) throw new ReturnRejected('too_big', tooLarge(bytes.length));
      batch.push({ fileName: file.fileName, read: await readReturnWorkbook(bytes) });
    } catch (error) {
      reject(file.fileName, error);
    }
    if (batch.length >= STORED_PER_COMMIT) storeBatch();
  }
  if (batch.length > 0) storeBatch();
  return outcome;
}

interface ReadFile {
  fileName: string;
  read: ReadReturn;
}

type StoreResult = ImportOutcome['imported'][number] | { fileName: string; error: unknown };

/**
 * Check a batch of read returns against what the file holds and store each, in one transaction: each
 * return in a savepoint of its own, so one refused (a duplicate, an older return) leaves the others.
 * The returns earlier in the batch count as held for those after them (two versions of a school in
 * one folder). A commit that fails stores none of the batch, and each is rejected with why.
 */
function storeInOneCommit(authority: AuthorityFile, batch: readonly ReadFile[], importedBefore: number, options: { replace?: boolean; stillOpen?: () => boolean }): StoreResult[] {
  // The import belongs to the authority file it started in: stop if another was opened meanwhile.
  if (options.stillOpen && !options.stillOpen()) throw authorityChanged(authority, importedBefore);
  try {
    return authority.inOneTransaction(() =>
      batch.map(({ fileName, read }): StoreResult => {
        try {
          // The official number is the key where the return carries one; otherwise its name and authority.
          const schoolKey = schoolKeyFor(read.ret.school);
          const existing = authority.findReturn(schoolKey, read.ret.school.academicYear);
          if (existing) checkAgainstHeld(authority, existing, read, fileName, options.replace ?? false);
          const stored = authority.addReturn({ schoolKey, fileName, formatVersion: read.version, sha256: read.sha256, json: read.json, ret: read.ret }, options);
          return { fileName, school: { schoolKey, name: stored.schoolName, nameCy: read.ret.school.nameCy, academicYear: stored.academicYear }, replaced: existing !== null };
        } catch (error) {
          return { fileName, error };
        }
      }),
    );
  } catch (error) {
    return batch.map(({ fileName }) => ({ fileName, error }));
  }
}

/**
 * When Mapio wrote two returns, in the backend's English reason: "2026-07-01 09:30 UTC", to the second
 * ("09:30:12 UTC") when both were written in the same minute, so the older one can be seen to be. The
 * refusal's specifics carry the timestamps themselves, which the reader's screen words in its own language
 * and time zone (shared/i18n/returnRejectionWords.ts).
 */
function writtenTimesInUtc(incoming: string, held: string): { written: string; heldWritten: string } {
  const sameMinute = incoming.slice(0, 16) === held.slice(0, 16);
  const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, sameMinute ? 19 : 16)} UTC`;
  return { written: when(incoming), heldWritten: when(held) };
}

/**
 * A return for a school and year already held. The time Mapio wrote each decides which is newer, whatever
 * the order they came in: an older one is refused with both times (even with replace); a newer one is
 * refused until the officer has seen what changes (the headline figures side by side) and imports it again
 * with replace. Returns that do not say when they were written (before version 4), or the same return
 * again, are a duplicate unless replaced.
 */
function checkAgainstHeld(authority: AuthorityFile, held: StoredReturnInfo, read: ReadReturn, fileName: string, replace: boolean): void {
  const order = held.sha256 === read.sha256 ? 'same' : newerOf(read.ret.writtenAt, held.writtenAt);
  if (order === 'held' && held.writtenAt !== null && read.ret.writtenAt !== null) {
    const utc = writtenTimesInUtc(read.ret.writtenAt, held.writtenAt);
    throw new ReturnRejected(
      'older',
      `older than the return held for ${held.schoolName} (${held.academicYear}): this one was written on ${utc.written}, ${held.fileName} on ${utc.heldWritten}; the newer one is kept`,
      { file: held.fileName, written: read.ret.writtenAt, heldWritten: held.writtenAt },
    );
  }
  if (replace) return;
  if (order === 'incoming' && held.writtenAt !== null && read.ret.writtenAt !== null) {
    const heldReturn = authority.heldReturn(held.schoolKey, held.academicYear);
    const utc = writtenTimesInUtc(read.ret.writtenAt, held.writtenAt);
    throw new ReturnRejected(
      'newer',
      `newer than the return held for ${held.schoolName} (${held.academicYear}): this one was written on ${utc.written}, ${held.fileName} on ${utc.heldWritten}; look at what changes and import it again with “replace” to use it`,
      { file: held.fileName, written: read.ret.writtenAt, heldWritten: held.writtenAt },
      heldReturn ? { changes: { held: { ...headlineOf(heldReturn), fileName: held.fileName }, incoming: { ...headlineOf(read.ret), fileName } } } : {},
    );
  }
  throw new ReturnRejected('duplicate', duplicateError(held).message, { file: held.fileName, date: held.importedAt });
}

/** An import stopped because the authority file it started in is no longer the open one. */
class ImportInterrupted extends ApiError {}

function authorityChanged(authority: AuthorityFile, imported: number): ImportInterrupted {
  return new ImportInterrupted('conflict', imported > 0 ? 'authorityFileChanged' : 'authorityFileChangedNone', { name: nodePath.basename(authority.path), count: imported });
}

const tooLarge = (bytes: number): string => `not a Mapio return: it is ${Math.round(bytes / 1024 / 1024)} MB, far larger than any return`;

/**
 * Every .xlsx directly inside `folder`, by file name (Excel's "~$" lock files are skipped), each read only
 * when `importReturns` reaches it, so a folder of any size is imported in the memory of one return.
 * A file that has gone or cannot be read is rejected with its name, never stopping the others; one larger
 * than MAX_RETURN_BYTES is refused without being read.
 */
export function returnSourcesInFolder(folder: string): ReturnFileOnDisk[] {
  return returnFileNamesInFolder(folder).flatMap((fileName) => {
    const full = nodePath.join(folder, fileName);
    try {
      // A folder whose name ends in .xlsx is not a return: skipped, as Excel's lock files are.
      if (!fs.statSync(full).isFile()) return [];
    } catch {
      // Gone or unreadable: kept, so it is rejected with its name when its turn comes.
    }
    return [returnSourceAt(full)];
  });
}

/** One return file named by its path, read only when its turn comes (`mapio compare` and folder imports). */
export function returnSourceAt(full: string): ReturnFileOnDisk {
  return { fileName: nodePath.basename(full), load: () => readReturnFile(full) };
}

/** One return's bytes; a file too large to be a return is refused before it is read. */
function readReturnFile(full: string): Buffer {
  const unreadable = (error: unknown) => new ReturnRejected('cannot_read', `Mapio could not read this file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); is it still in the folder?`);
  let size: number;
  try {
    size = fs.statSync(full).size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > MAX_RETURN_BYTES) throw new ReturnRejected('too_big', tooLarge(size));
  try {
    return fs.readFileSync(full);
  } catch (error) {
    throw unreadable(error);
  }
}

/** The names of the .xlsx files directly inside `folder`, sorted (lock files "~$…" left out). */
function returnFileNamesInFolder(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiError('file_io', code === 'ENOENT' ? 'noFolderAt' : code === 'ENOTDIR' ? 'fileNotFolder' : 'cannotReadFolder', { folder, detail: (error as Error).message });
  }
  return names.filter((n) => n.toLowerCase().endsWith('.xlsx') && !n.startsWith('~$')).sort();
}

/**
 * Every .xlsx directly inside `folder`, by file name, as ReturnFiles, all read into memory at once
 * (Excel's "~$" lock files are skipped). Kept for callers with a handful of files; a folder import uses
 * `returnSourcesInFolder`, which reads each file only when its turn comes.
 */
export function returnFilesInFolder(folder: string): ReturnFile[] {
  return returnSourcesInFolder(folder).map(({ fileName, load }) => {
    try {
      return { fileName, bytes: load() };
    } catch {
      return { fileName, bytes: Buffer.alloc(0) };
    }
  });
}
