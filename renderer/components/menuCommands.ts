/**
 * What a command from Electron's native menu opens in the page: the same dialogs the in-page File menu
 * opens. Pure, so the routing is tested without a window.
 */
import type { MenuCommand } from '../../shared/api/bridge';
import type { PathAction } from './PathDialog';
import type { ExportDialogKind } from '../screens/exports/exportDialogState';

export type MenuOutcome =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'backups' }
  | { kind: 'export'; dialog: ExportDialogKind; presetPath?: string }
  /** An export needs the open school year: say so instead of opening an empty dialog. */
  | { kind: 'needSchoolFile' }
  /** A path was chosen in the native dialog already: act on it. Otherwise ask for one in the page. */
  | { kind: 'path'; action: PathAction; path?: string };

/** Exports made from the open school year (the authority comparison needs no school file). */
const SCHOOL_EXPORTS: ReadonlySet<ExportDialogKind> = new Set(['governors', 'alpStatement', 'authorityReturn']);

export function menuOutcome(cmd: MenuCommand, hasSchoolFile: boolean): MenuOutcome {
  switch (cmd.kind) {
    case 'undo':
    case 'redo':
      return { kind: cmd.kind };
    case 'restoreBackup':
      return { kind: 'backups' };
    case 'exportGovernors':
    case 'alpStatement':
    case 'authorityReturn':
    case 'authorityNew':
    case 'authorityOpen': {
      const dialog: ExportDialogKind = cmd.kind === 'exportGovernors' ? 'governors' : cmd.kind;
      if (SCHOOL_EXPORTS.has(dialog) && !hasSchoolFile) return { kind: 'needSchoolFile' };
      return cmd.path ? { kind: 'export', dialog, presetPath: cmd.path } : { kind: 'export', dialog };
    }
    case 'new':
    case 'newDemo':
    case 'open':
    case 'saveAs': {
      const action: PathAction = cmd.kind === 'new' ? 'newEmpty' : cmd.kind;
      return cmd.path ? { kind: 'path', action, path: cmd.path } : { kind: 'path', action };
    }
  }
}
