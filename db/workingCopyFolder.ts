/**
 * Where scenario working copies (whole school years, so children's data) are made: one folder of Mapio's
 * own in the OS temp folder, this user's alone (0700, checked to be a real folder this user owns, never a
 * symlink or someone else's), holding one new folder per working copy named for the process that made it.
 * A process that crashed leaves its copies behind; the next start removes them (docs/guarantees.md,
 * "Private on a shared laptop").
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';

/** A working copy untouched for this long is left over, whoever made it. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const PREFIX = 'scenario-';

/** Mapio's own folder for working copies in `root` (the OS temp folder), named for this user. */
export function workingCopiesRoot(root: string = os.tmpdir()): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return nodePath.join(root, `mapio-working-copies-${user}`);
}

/** `folder` is a real folder (not a symlink) this user owns that no one else may open. */
function isPrivateFolderOfMine(folder: string): boolean {
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o077) === 0;
}

/**
 * A new, empty folder for one working copy, 0700, inside Mapio's own folder (made 0700 when missing).
 * Should that name be taken by anything that is not this user's private folder, the copy gets a new
 * private folder straight in `root` instead: never one someone else could have prepared.
 */
export function newWorkingCopyFolder(root: string = os.tmpdir()): string {
  const own = workingCopiesRoot(root);
  let parent = root;
  try {
    fs.mkdirSync(own, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (isPrivateFolderOfMine(own)) parent = own;
  const folder = fs.mkdtempSync(nodePath.join(parent, parent === own ? `${PREFIX}${process.pid}-` : 'mapio-scenario-'));
  fs.chmodSync(folder, 0o700);
  return folder;
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (a pid reused since): not ours to judge, the age rule decides.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The latest time anything in `folder` (or the folder itself) was changed. */
function lastChanged(folder: string): number {
  let latest = fs.statSync(folder).mtimeMs;
  for (const entry of fs.readdirSync(folder)) {
    try {
      latest = Math.max(latest, fs.statSync(nodePath.join(folder, entry)).mtimeMs);
    } catch {
      // Gone meanwhile.
    }
  }
  return latest;
}

/**
 * Remove working copies left behind: those whose process is no longer running, and any untouched for a
 * day. This process's own are kept. Returns the folders removed. A folder that cannot be removed (a copy
 * still open on Windows) is left for next time.
 */
export function removeStaleWorkingCopies(root: string = os.tmpdir(), now: number = Date.now()): string[] {
  const own = workingCopiesRoot(root);
  let entries: string[];
  try {
    if (!isPrivateFolderOfMine(own)) return [];
    entries = fs.readdirSync(own);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid) continue;
    const folder = nodePath.join(own, name);
    try {
      if (processIsAlive(pid) && now - lastChanged(folder) < STALE_AFTER_MS) continue;
      fs.rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}
