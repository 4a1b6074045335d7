import { describe, expect, it } from 'vitest';
import { isMenuCommand, MENU_COMMAND_KINDS } from '../../shared/api/bridge';
import { menuOutcome } from './menuCommands';

describe('commands from the desktop File menu', () => {
  it('open the same dialogs as the in-page File menu', () => {
    expect(menuOutcome({ kind: 'restoreBackup' }, true)).toEqual({ kind: 'backups' });
    // Restoring is how a person gets back a damaged file, so it works with no school file open.
    expect(menuOutcome({ kind: 'restoreBackup' }, false)).toEqual({ kind: 'backups' });
    expect(menuOutcome({ kind: 'exportGovernors' }, true)).toEqual({ kind: 'export', dialog: 'governors' });
    expect(menuOutcome({ kind: 'alpStatement' }, true)).toEqual({ kind: 'export', dialog: 'alpStatement' });
    expect(menuOutcome({ kind: 'authorityReturn' }, true)).toEqual({ kind: 'export', dialog: 'authorityReturn' });
    expect(menuOutcome({ kind: 'authorityNew' }, true)).toEqual({ kind: 'export', dialog: 'authorityNew' });
    expect(menuOutcome({ kind: 'authorityOpen' }, true)).toEqual({ kind: 'export', dialog: 'authorityOpen' });
  });

  it('say a school file is needed for an export made from one, but not for an authority comparison', () => {
    for (const kind of ['exportGovernors', 'alpStatement', 'authorityReturn'] as const) expect(menuOutcome({ kind }, false)).toEqual({ kind: 'needSchoolFile' });
    expect(menuOutcome({ kind: 'authorityNew' }, false)).toEqual({ kind: 'export', dialog: 'authorityNew' });
    expect(menuOutcome({ kind: 'authorityOpen' }, false)).toEqual({ kind: 'export', dialog: 'authorityOpen' });
  });

  it('act on a path chosen in the native dialog, or ask for one in the page', () => {
    expect(menuOutcome({ kind: 'open', path: '/home/a/Ysgol.mapio' }, false)).toEqual({ kind: 'path', action: 'open', path: '/home/a/Ysgol.mapio' });
    expect(menuOutcome({ kind: 'new' }, false)).toEqual({ kind: 'path', action: 'newEmpty' });
    expect(menuOutcome({ kind: 'exportGovernors', path: '/tmp/g.xlsx' }, true)).toEqual({ kind: 'export', dialog: 'governors', presetPath: '/tmp/g.xlsx' });
    expect(menuOutcome({ kind: 'undo' }, true)).toEqual({ kind: 'undo' });
  });

  it('are all let through the preload, and nothing else is', () => {
    for (const kind of MENU_COMMAND_KINDS) expect(isMenuCommand({ kind })).toBe(true);
    expect(MENU_COMMAND_KINDS).toEqual(expect.arrayContaining(['restoreBackup', 'alpStatement', 'authorityReturn', 'authorityNew', 'authorityOpen']));
    expect(isMenuCommand({ kind: 'deleteEverything' })).toBe(false);
    expect(isMenuCommand({ kind: 'open', path: 42 })).toBe(false);
  });
});
