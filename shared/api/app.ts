/** How Mapio is running: which file is open, the recent files, the language chosen. */
import { z } from 'zod';
import type { FileInfo } from './file';
import { op, type OperationGroup } from './operation';

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  file: FileInfo | null;
  /** Whether an authority comparison file is open (the window asks for its comparison only then). */
  authorityFileOpen: boolean;
  recentFiles: string[];
  /** The language last chosen (English until someone chooses Welsh). */
  language: 'en' | 'cy';
  /** Where a new school file goes when only a name is typed (the documents folder's Mapio folder). */
  schoolFolder: string;
}

export const appOperations = {
  /**
   * Which file is open, the recent files, and how Mapio is running. `answerChangesAsPatches`: this client
   * rebuilds views from patches, so from now on answers carrying a view send what changed since the last
   * view sent (shared/api/yearPatch.ts), not the whole costed year.
   */
  'app.info': op(z.strictObject({ answerChangesAsPatches: z.literal(true).optional() })).returns<AppInfo>(),
  /**
   * Stop whatever is running (a long import or export, a file that takes too long to open): the door
   * ends the data process and starts it again on the file that was open; the call that was running is
   * answered `cancelled`. Where Mapio runs in one process (the command line) there is nothing to stop.
   */
  'app.stop': op(z.strictObject({})).returns<{ stopped: boolean }>(),
  /** Remember the language the person chose, so it survives a restart in every mode. */
  'settings.setLanguage': op(z.strictObject({ language: z.enum(['en', 'cy']) })).returns<AppInfo>(),
} satisfies OperationGroup;
