/**
 * The per-user folder where Mapio keeps its settings (and, in the apps, backups and the demo school):
 * the folder Electron calls `userData` for an app named Mapio, or MAPIO_DATA_DIR when that is set (tests,
 * a managed install). It is created for this user alone (0700) because what it holds names children's
 * files; see docs/guarantees.md, "Private on a shared laptop".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIVATE_FOLDER_MODE } from '../db/privateFile';

const APP_FOLDER = 'Mapio';

type Env = Record<string, string | undefined>;

/** Where the folder is: MAPIO_DATA_DIR, else the platform's per-user application data folder. */
export function userDataFolderPath(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const chosen = env.MAPIO_DATA_DIR?.trim();
  if (chosen) return path.resolve(chosen);
  if (platform === 'win32') return path.join(env.APPDATA?.trim() || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  const config = env.XDG_CONFIG_HOME?.trim();
  return path.join(config && path.isAbsolute(config) ? config : path.join(home, '.config'), APP_FOLDER);
}

/**
 * Make `folder` (and any missing parents) a folder only this user can open: created 0700, and an
 * existing one of this user's tightened to 0700. Returns the folder.
 */
export function ensurePrivateFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const stat = fs.statSync(folder);
  const ownedByMe = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  if (ownedByMe && (stat.mode & 0o077) !== 0) fs.chmodSync(folder, stat.mode & PRIVATE_FOLDER_MODE);
  return folder;
}

/** The per-user data folder, made private and ready to use. */
export function userDataFolder(env: Env = process.env): string {
  return ensurePrivateFolder(userDataFolderPath(env));
}
