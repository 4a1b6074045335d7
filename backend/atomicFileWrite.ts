/**
 * The one way the backend writes a whole file (exports, returns, JSON interchange, settings): a temporary
 * file beside the target, flushed to disk, then renamed into place. A crash or a full disk leaves either
 * the old file or the complete new one, never half of either.
 *
 * Private on a shared laptop (docs/guarantees.md): the temporary file is made new (O_EXCL, so a file or
 * symlink someone left at its name is refused, never followed) and readable by this user alone: 0600 for
 * a new file; over an existing file, that file's own permissions, so replacing it neither opens it up nor
 * locks its owner out.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import type { ApiError } from '../shared/api/contract';
import { fileIoError } from '../db/mapioDatabaseFile';
import { PRIVATE_FILE_MODE } from '../db/privateFile';

/** The permissions a file written at `target` gets: those of the file there now, else PRIVATE_FILE_MODE. */
export function modeForWriting(target: string): number {
  try {
    const stat = fs.statSync(target);
    if (stat.isFile()) return stat.mode & 0o777;
  } catch {
    // Nothing there yet: a new file.
  }
  return PRIVATE_FILE_MODE;
}

/** Write `bytes` to `target` atomically. On failure the temporary file is removed and `failure(error)` is thrown. */
export function writeFileAtomically(target: string, bytes: Uint8Array | string, failure: (error: unknown) => ApiError = (error) => fileIoError('write', nodePath.resolve(target), error)): void {
  const resolved = nodePath.resolve(target);
  const temp = nodePath.join(nodePath.dirname(resolved), `.${nodePath.basename(resolved)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const mode = modeForWriting(resolved);
  let created = false;
  try {
    const fd = fs.openSync(temp, 'wx', PRIVATE_FILE_MODE);
    created = true;
    try {
      // Exactly `mode`, whatever the umask: a stricter existing file stays as strict, a new one is 0600.
      if (process.platform !== 'win32') fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, resolved);
  } catch (error) {
    // Only a temporary file this call made is removed: whatever already had that name is not Mapio's to delete.
    if (created) fs.rmSync(temp, { force: true });
    throw failure(error);
  }
}
