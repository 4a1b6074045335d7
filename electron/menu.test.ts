import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, recentFileLabel, type MenuActions } from './menu';

/** The File menu's items that run an action, in order (Open recent and Quit aside). */
const FILE_ACTIONS = [
  '&New school file…',
  'New &demo school…',
  '&Open…',
  'Save &as…',
  'Restore from a &backup…',
  'Export for &governors…',
  'Statement for &parents…',
  'Create authority re&turn…',
  'New authority &comparison…',
  'Open authority co&mparison…',
];

function recordingActions(overrides: Partial<MenuActions> = {}) {
  const done: string[] = [];
  const actions: MenuActions = {
    isMac: false,
    developerTools: false,
    recentFiles: [],
    newFile: () => done.push('newFile'),
    newDemo: () => done.push('newDemo'),
    open: () => done.push('open'),
    openRecent: (p) => done.push(`openRecent ${p}`),
    saveAs: () => done.push('saveAs'),
    restoreBackup: () => done.push('restoreBackup'),
    exportGovernors: () => done.push('exportGovernors'),
    alpStatement: () => done.push('alpStatement'),
    authorityReturn: () => done.push('authorityReturn'),
    authorityNew: () => done.push('authorityNew'),
    authorityOpen: () => done.push('authorityOpen'),
    undo: () => done.push('undo'),
    redo: () => done.push('redo'),
    about: () => done.push('about'),
    ...overrides,
  };
  return { actions, done };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) return item;
    const inner = find(submenu(item), label);
    if (inner) return inner;
  }
  return undefined;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('the application menu', () => {
  it('has File, Edit, View, Help on Windows/Linux, with Quit in File', () => {
    const template = menuTemplate(recordingActions().actions);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = submenu(template[0]).filter((i) => i.type !== 'separator');
    expect(file.map((i) => i.label)).toEqual([...FILE_ACTIONS.slice(0, 3), 'Open &recent', ...FILE_ACTIONS.slice(3), '&Quit']);
  });

  it('runs the matching action for each File and Edit item', () => {
    const { actions, done } = recordingActions();
    const template = menuTemplate(actions);
    for (const label of [...FILE_ACTIONS, '&Undo', '&Redo', '&About Mapio']) {
      click(find(template, label));
    }
    expect(done).toEqual(['newFile', 'newDemo', 'open', 'saveAs', 'restoreBackup', 'exportGovernors', 'alpStatement', 'authorityReturn', 'authorityNew', 'authorityOpen', 'undo', 'redo', 'about']);
    expect(find(template, '&Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    // Shown, not registered: the page's one keyboard handler takes the keys, so each press is one step.
    expect(find(template, '&Undo')?.registerAccelerator).toBe(false);
    expect(find(template, '&Redo')?.registerAccelerator).toBe(false);
  });

  it('gives every File item its own access key and no shortcut twice', () => {
    const template = menuTemplate(recordingActions().actions);
    const file = submenu(template[0]).filter((i) => i.type !== 'separator' && typeof i.label === 'string');
    const keys = file.map((i) => /&([^&])/.exec(i.label as string)?.[1]?.toLowerCase());
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    const shortcuts = template
      .flatMap((m) => submenu(m))
      .map((i) => i.accelerator)
      .filter((a) => a !== undefined);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('lists recent files by name and folder, opening the exact path', () => {
    const { actions, done } = recordingActions({ recentFiles: ['/home/a/Ysgol Y Bryn.mapio', '/srv/R&D/School.mapio'] });
    const recent = submenu(find(menuTemplate(actions), 'Open &recent'));
    expect(recent.map((i) => i.label)).toEqual(['Ysgol Y Bryn.mapio — /home/a', 'School.mapio — /srv/R&&D']);
    click(recent[1]);
    expect(done).toEqual(['openRecent /srv/R&D/School.mapio']);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = submenu(find(menuTemplate(recordingActions().actions), 'Open &recent'));
    expect(recent).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('offers DevTools only in unpackaged builds', () => {
    const roles = (t: MenuItemConstructorOptions[]) => submenu(t.find((m) => m.label === '&View')).map((i) => i.role);
    expect(roles(menuTemplate(recordingActions().actions))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate(recordingActions({ developerTools: true }).actions))).toContain('toggleDevTools');
  });

  it('follows macOS conventions: app menu first with Quit, no Quit in File', () => {
    const template = menuTemplate(recordingActions({ isMac: true }).actions);
    expect(template[0]?.label).toBe('Mapio');
    expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(template[1]).some((i) => i.label === '&Quit')).toBe(false);
  });

  it('labels recent files for display without changing the path', () => {
    expect(recentFileLabel('/a/b/c.mapio')).toBe('c.mapio — /a/b');
  });
});
