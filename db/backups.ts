/**
 * Rolling automatic backups of school files, kept on this computer beside Mapio's data:
 *
 *   <dataDir>/backups/<file stem>-<8 hex of its path>/<YYYYMMDDTHHMMSSmmmZ>-<reason>.mapio
 *
 * (one folder per school file, so two files with the same name in different folders never mix, and a
 * `source.json` in each folder remembers which file it holds copies of). Folders are made readable by
 * this user only: the copies hold the same special-category data as the file.
 *
 * - A copy is taken with SQLite's online backup (better-sqlite3 `db.backup()`) from a read-only
 *   connection, so it is consistent even while the file is in WAL mode and being edited; it is written
 *   to a temporary name and renamed into place only once complete, so a half copy is never listed.
 * - `daily`: on open when the newest daily copy is more than 24 hours old; `before-import`: before an
 *   import changes the file; `before-update`: the copy SchoolFile.open keeps before it migrates a file.
 * - Each reason keeps its newest copies (14 daily, 10 before-import, 5 before-update); the only copy of
 *   a file is never deleted.
 * - Restoring never touches the current file or the backup: the copy is copied to a new file
 *   ("<name> (restored <date>).mapio") that is then opened like any other file.
 */
import { fieldIssue } from '../shared/fieldIssues';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../shared/api/contract';
import { openDatabase } from './connection';

export const BACKUP_REASONS = ['daily', 'before-import', 'before-update'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How many copies of each kind are kept per school file. */
export const BACKUP_LIMITS: Readonly<Record<BackupReason, number>> = { daily: 14, 'before-import': 10, 'before-update': 5 };
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME_PATTERN = /^(\d{8}T\d{9}Z)-(daily|before-import|before-update)(?:-\d+)?\.mapio$/;

export interface BackupEntry {
  /** Full path of the copy. */
  path: string;
  /** ISO date-time the copy was taken (UTC). */
  takenAt: string;
  reason: BackupReason;
  bytes: number;
  /** The school file it is a copy of (its path when the copy was taken). */
  schoolFile: string;
}

/**
 * What a copy is taken from: an open SchoolFile (its own connection, so edits made while the copy is
 * taken are carried into it and closing the file simply abandons the copy), or a path (a read-only
 * connection of its own).
 */
export type BackupSource = string | { path: string; backupTo(destination: string): Promise<unknown> };

export interface BackupOptions {
  /** For tests: a fixed clock. */
  now?: () => Date;
  limits?: Partial<Record<BackupReason, number>>;
}

/** Where backups live for a given data folder. */
export function backupsRoot(dataDir: string): string {
  return nodePath.join(dataDir, 'backups');
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function stampToIso(text: string): string {
  // 20260907T101500123Z -> 2026-09-07T10:15:00.123Z
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`;
}

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    try {
      fs.rmSync(p, { force: true });
    } catch {
      /* a stray temp file is harmless */
    }
  }
}

function syncPath(path: string, flags: string): void {
  try {
    const fd = fs.openSync(path, flags);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported here (folders on Windows) */
  }
}

function isInside(folder: string, candidate: string): boolean {
  const relative = nodePath.relative(folder, candidate);
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative);
}

export class SchoolBackups {
  private readonly now: () => Date;
  private readonly limits: Record<BackupReason, number>;

  constructor(
    readonly root: string,
    options: BackupOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.limits = { ...BACKUP_LIMITS, ...options.limits };
  }

  /** The folder holding the copies of one school file. */
  folderFor(schoolPath: string): string {
    const absolute = nodePath.resolve(schoolPath);
    const stem =
      nodePath
        .basename(absolute, nodePath.extname(absolute))
        .replace(/[^\p{L}\p{N} _().-]/gu, '_')
        .slice(0, 60) || 'school';
    const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
    return nodePath.join(this.root, `${stem}-${hash}`);
  }

  /**
   * Take a consistent copy of the school file at `schoolPath` now. Resolves with the listed copy once it
   * is complete and in place; on failure nothing is left behind and the promise rejects with an ApiError.
   */
  async take(from: BackupSource, reason: BackupReason): Promise<BackupEntry> {
    const source = nodePath.resolve(typeof from === 'string' ? from : from.path);
    const folder = this.folderFor(source);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const sourceNote = nodePath.join(folder, 'source.json');
    if (!fs.existsSync(sourceNote)) fs.writeFileSync(sourceNote, JSON.stringify({ schoolFile: source }), { mode: 0o600 });

    const takenAt = this.now();
    let target = nodePath.join(folder, `${stamp(takenAt)}-${reason}.mapio`);
    for (let n = 2; fs.existsSync(target); n++) target = nodePath.join(folder, `${stamp(takenAt)}-${reason}-${n}.mapio`);
    const temp = nodePath.join(folder, `.taking-${randomBytes(6).toString('hex')}.tmp`);
    let db: ReturnType<typeof openDatabase> | null = null;
    try {
      if (typeof from === 'string') {
        db = openDatabase(source, { readonly: true, fileMustExist: true });
        await db.backup(temp);
        db.close();
        db = null;
      } else {
        await from.backupTo(temp);
      }
      fs.chmodSync(temp, 0o600);
      syncPath(temp, 'r+');
      fs.renameSync(temp, target);
      syncPath(folder, 'r');
    } catch (error) {
      try {
        db?.close();
      } catch {
        /* already failing */
      }
      removeQuietly(temp);
      throw new ApiError('file_io', 'noBackupCopy', { name: nodePath.basename(source), folder, detail: (error as Error).message });
    }
    this.prune(source);
    return this.describe(target, source) as BackupEntry;
  }

  /** Keep a copy the file's migration already made (SchoolFile.open's `.backup-v<n>-…` file) with the other backups. */
  adoptCopy(schoolPath: string, copyPath: string, reason: BackupReason): BackupEntry {
    const source = nodePath.resolve(schoolPath);
    const folder = this.folderFor(source);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const sourceNote = nodePath.join(folder, 'source.json');
    if (!fs.existsSync(sourceNote)) fs.writeFileSync(sourceNote, JSON.stringify({ schoolFile: source }), { mode: 0o600 });
    let target = nodePath.join(folder, `${stamp(this.now())}-${reason}.mapio`);
    for (let n = 2; fs.existsSync(target); n++) target = nodePath.join(folder, `${stamp(this.now())}-${reason}-${n}.mapio`);
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      fs.copyFileSync(copyPath, temp, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(temp, 0o600);
      fs.renameSync(temp, target);
    } catch (error) {
      removeQuietly(temp);
      throw new ApiError('file_io', 'noBackupCopy', { name: nodePath.basename(source), folder, detail: (error as Error).message });
    }
    this.prune(source);
    return this.describe(target, source) as BackupEntry;
  }

  /** A daily copy when the newest one is more than 24 hours old (or there is none); otherwise null. */
  async takeDailyIfDue(from: BackupSource): Promise<BackupEntry | null> {
    const newest = this.list(typeof from === 'string' ? from : from.path).find((b) => b.reason === 'daily');
    if (newest && this.now().getTime() - Date.parse(newest.takenAt) < DAY_MS) return null;
    return this.take(from, 'daily');
  }

  /** The copies of one school file (or of every file when none is given), newest first. */
  list(schoolPath?: string): BackupEntry[] {
    const folders = schoolPath !== undefined ? [this.folderFor(schoolPath)] : this.allFolders();
    const entries: BackupEntry[] = [];
    for (const folder of folders) {
      let names: string[];
      try {
        names = fs.readdirSync(folder);
      } catch {
        continue;
      }
      const source = schoolPath !== undefined ? nodePath.resolve(schoolPath) : this.sourceOf(folder);
      for (const name of names) {
        const entry = this.describe(nodePath.join(folder, name), source);
        if (entry) entries.push(entry);
      }
    }
    return entries.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.path < b.path ? 1 : -1));
  }

  /** Delete the oldest copies beyond each reason's limit; never the only copy. Returns what was deleted. */
  prune(schoolPath: string): string[] {
    const all = this.list(schoolPath);
    const deleted: string[] = [];
    for (const reason of BACKUP_REASONS) {
      const limit = Math.max(1, this.limits[reason]);
      for (const old of all.filter((b) => b.reason === reason).slice(limit)) {
        if (all.length - deleted.length <= 1) break;
        try {
          fs.rmSync(old.path);
          deleted.push(old.path);
        } catch {
          /* leave it for next time */
        }
      }
    }
    return deleted;
  }

  /**
   * Copy a backup to a new school file and return its path: `to` when given, otherwise
   * "<name> (restored <date>).mapio" in `folder`. Never overwrites anything; the backup is left as it is.
   * The copy is built under a temporary name and renamed into place, so a crash leaves no half file.
   */
  restore(backupPath: string, options: { to?: string; folder: string }): string {
    const backup = this.checkedBackup(backupPath);
    const entry = this.describe(backup, this.sourceOf(nodePath.dirname(backup))) as BackupEntry;
    const target = options.to !== undefined ? nodePath.resolve(options.to) : this.restoredName(entry, options.folder);
    if (fs.existsSync(target)) {
      throw new ApiError('file_io', 'alreadyAFile', { path: target });
    }
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      fs.copyFileSync(backup, temp, fs.constants.COPYFILE_EXCL);
      syncPath(temp, 'r+');
      if (fs.existsSync(target)) throw new ApiError('file_io', 'alreadyAFile', { path: target });
      fs.renameSync(temp, target);
      syncPath(nodePath.dirname(target), 'r');
    } catch (error) {
      removeQuietly(temp);
      if (error instanceof ApiError) throw error;
      throw new ApiError('file_io', 'cannotRestore', { path: target, detail: (error as Error).message });
    }
    return target;
  }

  /** A path given by a client must be one of our backups: inside the backups folder, named like one. */
  private checkedBackup(backupPath: string): string {
    const resolved = nodePath.resolve(backupPath);
    const refused = new ApiError('invalid_input', 'notABackup', {}, [fieldIssue('path', 'backupFromList')]);
    if (!NAME_PATTERN.test(nodePath.basename(resolved))) throw refused;
    let real: string;
    let realRoot: string;
    try {
      real = fs.realpathSync(resolved);
      realRoot = fs.realpathSync(this.root);
    } catch {
      throw new ApiError('not_found', 'backupGone');
    }
    if (!isInside(realRoot, real) || !fs.statSync(real).isFile()) throw refused;
    return real;
  }

  private restoredName(entry: BackupEntry, folder: string): string {
    const stem = nodePath.basename(entry.schoolFile, nodePath.extname(entry.schoolFile)) || 'School';
    const date = entry.takenAt.slice(0, 10);
    let target = nodePath.join(folder, `${stem} (restored ${date}).mapio`);
    for (let n = 2; fs.existsSync(target); n++) target = nodePath.join(folder, `${stem} (restored ${date}) ${n}.mapio`);
    return target;
  }

  private allFolders(): string[] {
    try {
      return fs
        .readdirSync(this.root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => nodePath.join(this.root, d.name));
    } catch {
      return [];
    }
  }

  private sourceOf(folder: string): string {
    try {
      const note = JSON.parse(fs.readFileSync(nodePath.join(folder, 'source.json'), 'utf8')) as { schoolFile?: unknown };
      if (typeof note.schoolFile === 'string') return note.schoolFile;
    } catch {
      /* fall back to the folder's name */
    }
    return `${nodePath.basename(folder).replace(/-[0-9a-f]{8}$/, '')}.mapio`;
  }

  private describe(path: string, schoolFile: string): BackupEntry | null {
    const match = NAME_PATTERN.exec(nodePath.basename(path));
    if (!match) return null;
    let bytes: number;
    try {
      const stat = fs.statSync(path);
      if (!stat.isFile()) return null;
      bytes = stat.size;
    } catch {
      return null;
    }
    return { path, takenAt: stampToIso(match[1] as string), reason: match[2] as BackupReason, bytes, schoolFile };
  }
}

/**
 * What opening a file starts: keep the copy a migration made with the other backups, then a daily copy
 * if one is due. Never rejects: a backup that cannot be taken must not stop anyone working (the
 * failure is reported through `report`, which is never given learner data).
 */
export async function backupAfterOpen(
  backups: SchoolBackups,
  file: { path: string; migration: { backupPath: string } | null; isOpen: boolean; backupTo(destination: string): Promise<unknown> },
  report: (line: string) => void = (line) => console.error(line),
): Promise<void> {
  try {
    if (file.migration && fs.existsSync(file.migration.backupPath)) backups.adoptCopy(file.path, file.migration.backupPath, 'before-update');
    await backups.takeDailyIfDue(file);
  } catch (error) {
    // A file closed while its copy was being taken simply abandons the copy; it is taken next time.
    if (!file.isOpen) return;
    report(`mapio: an automatic backup could not be taken (${error instanceof ApiError ? error.code : 'error'})`);
  }
}
