/**
 * Per-user settings kept beside the data (recent files, last file). Small JSON, written atomically
 * (temp file + rename, backend/atomicFileWrite.ts) so a crash never leaves a half-written settings file,
 * readable by this user alone in a folder only they can open (the recent files name schools' files).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomicFileWrite';
import { ensurePrivateFolder } from './userDataFolder';

export interface Settings {
  recentFiles: string[];
  language: 'en' | 'cy';
}

const MAX_RECENT = 10;
const DEFAULTS: Settings = { recentFiles: [], language: 'en' };

export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(dataDir: string) {
    ensurePrivateFolder(dataDir);
    this.file = path.join(dataDir, 'settings.json');
    this.current = SettingsStore.read(this.file);
  }

  private static read(file: string): Settings {
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Settings>;
      return {
        recentFiles: Array.isArray(raw.recentFiles) ? raw.recentFiles.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT) : [],
        language: raw.language === 'cy' ? 'cy' : 'en',
      };
    } catch {
      // Missing or unreadable settings are not worth stopping for: start from the defaults.
      return { ...DEFAULTS, recentFiles: [] };
    }
  }

  get(): Settings {
    return { ...this.current, recentFiles: [...this.current.recentFiles] };
  }

  /** Put a file at the top of the recent list. */
  rememberFile(filePath: string): void {
    const abs = path.resolve(filePath);
    this.current.recentFiles = [abs, ...this.current.recentFiles.filter((f) => f !== abs)].slice(0, MAX_RECENT);
    this.write();
  }

  setLanguage(language: 'en' | 'cy'): void {
    this.current.language = language;
    this.write();
  }

  forgetFile(filePath: string): void {
    const abs = path.resolve(filePath);
    this.current.recentFiles = this.current.recentFiles.filter((f) => f !== abs);
    this.write();
  }

  /** Through the one atomic writer: a new temporary file (never one found at its name, nor a symlink), 0600, renamed into place. */
  private write(): void {
    writeFileAtomically(this.file, JSON.stringify(this.current, null, 2));
  }
}
