/** Automatic backups: list them, and open one as a new school file (db/backups.ts keeps them). */
import fs from 'node:fs';
import path from 'node:path';
import { SchoolFile } from '../../db/schoolFile';
import { SchoolBackups, backupsRoot } from '../../db/backups';
import type { Session } from '../session';
import type { HandlerMap } from './types';
import { withExtension } from '../../shared/fileExtensions';

/** The session's backups, or (in the CLI, which takes none) the same folder read-only. */
function backupsFor(session: Session, dataDir: string): SchoolBackups {
  return session.backups ?? new SchoolBackups(backupsRoot(dataDir));
}

export const backupHandlers: HandlerMap<'backups.list' | 'backups.restore'> = {
  'backups.list': (_input, { session, dataDir }) => {
    const backups = backupsFor(session, dataDir);
    return backups.list(session.openFile?.path);
  },

  'backups.restore': ({ path: backupPath, to }, { session, dataDir }) => {
    const backups = backupsFor(session, dataDir);
    const open = session.openFile;
    const source = backups.list().find((b) => path.resolve(b.path) === path.resolve(backupPath))?.schoolFile;
    // Beside the open file; else beside the file the copy came from, if that folder is still there; else the data folder.
    const folder = open ? path.dirname(open.path) : source && fs.existsSync(path.dirname(source)) ? path.dirname(source) : dataDir;
    const target = backups.restore(backupPath, { folder, ...(to !== undefined ? { to: path.resolve(withExtension(to, 'school')) } : {}) });
    let restored: SchoolFile;
    try {
      restored = SchoolFile.open(target);
    } catch (error) {
      // A copy that does not open is not left lying about as if it were a school file.
      fs.rmSync(target, { force: true });
      throw error;
    }
    session.adopt(restored);
    return session.view();
  },
};
