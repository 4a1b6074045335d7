/**
 * The one way the backend writes a whole file (exports, returns, JSON interchange): a temporary file
 * beside the target, flushed to disk, then renamed into place. A crash or a full disk leaves either the
 * old file or the complete new one, never half of either.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import type { ApiError } from '../shared/api/contract';
import { fileIoError } from '../db/mapioDatabaseFile';

/** Write `bytes` to `target` atomically. On failure the temporary file is removed and `failure(error)` is thrown. */
export function writeFileAtomically(target: string, bytes: Uint8Array | string, failure: (error: unknown) => ApiError = (error) => fileIoError('write', nodePath.resolve(target), error)): void {
  const resolved = nodePath.resolve(target);
  const temp = nodePath.join(nodePath.dirname(resolved), `.${nodePath.basename(resolved)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, resolved);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw failure(error);
  }
}
