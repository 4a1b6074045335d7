/**
 * The application menu, as a template built from plain actions so it can be tested without Electron
 * (only types are imported from 'electron'). main.ts supplies the actions: dialogs in the main
 * process, commands sent to the renderer.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';

export interface MenuActions {
  isMac: boolean;
  /** Show Reload and DevTools (unpackaged builds only). */
  developerTools: boolean;
  recentFiles: readonly string[];
  newFile(): void;
  newDemo(): void;
  open(): void;
  openRecent(filePath: string): void;
  saveAs(): void;
  /** File › Restore from a backup… (the renderer's backups dialog). */
  restoreBackup(): void;
  exportGovernors(): void;
  /** The statement for parents of what the school regards as ALP. */
  alpStatement(): void;
  authorityReturn(): void;
  /** A local authority officer's comparison file (.mapio-la): a new one, or one made before. */
  authorityNew(): void;
  authorityOpen(): void;
  undo(): void;
  redo(): void;
  about(): void;
}

/** How a recent file is listed: its name, then the folder it sits in, so two "School.mapio" files differ. */
export function recentFileLabel(filePath: string): string {
  const name = path.basename(filePath);
  const folder = path.dirname(filePath);
  // `&` marks a keyboard accelerator in menu labels on Windows and Linux; double it to show it.
  return `${name} — ${folder}`.replace(/&/g, '&&');
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] =
    actions.recentFiles.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : actions.recentFiles.slice(0, 10).map((filePath) => ({
          label: recentFileLabel(filePath),
          click: () => actions.openRecent(filePath),
        }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New school file…', accelerator: 'CmdOrCtrl+N', click: () => actions.newFile() },
      { label: 'New &demo school…', click: () => actions.newDemo() },
      { type: 'separator' },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open &recent', submenu: recent },
      { type: 'separator' },
      { label: 'Save &as…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      { label: 'Restore from a &backup…', click: () => actions.restoreBackup() },
      { type: 'separator' },
      // Export and share, as in the in-page File menu.
      { label: 'Export for &governors…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportGovernors() },
      { label: 'Statement for &parents…', click: () => actions.alpStatement() },
      { label: 'Create authority re&turn…', click: () => actions.authorityReturn() },
      { type: 'separator' },
      // Local authority officers.
      { label: 'New authority &comparison…', click: () => actions.authorityNew() },
      { label: 'Open authority co&mparison…', click: () => actions.authorityOpen() },
      ...(actions.isMac ? [] : [{ type: 'separator' } as const, { label: '&Quit', role: 'quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The shortcuts are shown but not registered: the page's one handler (renderer/historyKeys.ts) takes
      // them, so a press is never seen twice (menu and page) and moves the history one step.
      { label: '&Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.undo() },
      { label: '&Redo', accelerator: actions.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', registerAccelerator: false, click: () => actions.redo() },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(actions.developerTools ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: '&About Mapio', click: () => actions.about() }],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view];
  if (actions.isMac) {
    template.unshift({
      label: 'Mapio',
      submenu: [{ label: 'About Mapio', click: () => actions.about() }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
    template.push({ role: 'windowMenu' });
  }
  template.push(help);
  return template;
}
