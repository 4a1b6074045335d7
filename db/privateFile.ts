/**
 * The permissions of what Mapio writes that holds personal data (docs/guarantees.md, "Private on a
 * shared laptop"): files readable and writable by their owner alone, folders only their owner can open.
 */
import fs from 'node:fs';

/** A new file holding personal data: read and write for its owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** A folder holding such files: only its owner may list or open it. */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Make a new, empty file at `path` with PRIVATE_FILE_MODE exactly (whatever the umask), refusing any file
 * or symlink already there (O_EXCL). SQLite then fills it (a new database, VACUUM INTO) and gives its
 * -journal, -wal and -shm files the same permissions.
 */
export function createPrivateFile(path: string): void {
  const fd = fs.openSync(path, 'wx', PRIVATE_FILE_MODE);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}
