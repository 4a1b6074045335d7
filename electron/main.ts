/**
 * The desktop shell: one hardened window showing the built renderer over `app://mapio/`, the
 * application menu, and the `mapio:call` IPC door to the backend. Kept thin on purpose: decisions
 * live in appUrl.ts, launchFile.ts, menu.ts and callBridge.ts, which are unit-tested.
 *
 * Bundled by scripts/build-electron.mjs to dist-electron/main.cjs (CommonJS; better-sqlite3 external).
 */
import { englishWording } from '../shared/i18n/apiErrors';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startProcessBackend, type ProcessBackend } from '../backend/host/processBackend';
import { spawnElectronHost } from './dataProcess';
import { CALL_CHANNEL, MENU_CHANNEL, type MenuCommand } from '../shared/api/bridge';
import type { AppInfo } from '../shared/api/contract';
import { APP_START_URL, isTrustedSender } from './appUrl';
import { answerCall, changesOpenFile } from './callBridge';
import { withExtension } from '../shared/fileExtensions';
import { flagValue, mapioFileFromArgv } from './launchFile';
import { menuTemplate } from './menu';
import { hardenAllWebContents, hardenSession, registerAppScheme, serveRenderer } from './security';

const appRoot = path.join(__dirname, '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const developerTools = !app.isPackaged;
const MAPIO_FILTERS = [{ name: 'Mapio school file', extensions: ['mapio'] }];

// Unpackaged, better-sqlite3 must load the copy rebuilt for Electron's ABI (scripts/start.mjs builds it
// in .electron-native/); node_modules keeps the Node build that tests and browser mode use.
if (!app.isPackaged && !process.env.MAPIO_SQLITE_NATIVE_BINDING) {
  const electronBuild = path.join(appRoot, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(electronBuild)) process.env.MAPIO_SQLITE_NATIVE_BINDING = electronBuild;
}

let backend: ProcessBackend | null = null;
let mainWindow: BrowserWindow | null = null;
let rendererReady = false;
const pendingCommands: MenuCommand[] = [];
/** A file handed over (command line or macOS open-file) before the backend exists. */
let launchPath: string | null = mapioFileFromArgv(process.argv);

function dataDir(): string {
  return flagValue(process.argv, 'data-dir') ?? process.env.MAPIO_DATA_DIR ?? app.getPath('userData');
}

function sendCommand(cmd: MenuCommand): void {
  if (mainWindow && rendererReady) mainWindow.webContents.send(MENU_CHANNEL, cmd);
  else pendingCommands.push(cmd);
}

function openFromOutside(filePath: string): void {
  if (!backend) {
    launchPath = filePath;
    return;
  }
  sendCommand({ kind: 'open', path: path.resolve(filePath) });
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

async function refreshMenuAndTitle(): Promise<void> {
  let info: AppInfo | null = null;
  try {
    info = (await backend?.call('app.info', {})) as AppInfo;
  } catch {
    info = null;
  }
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac,
        developerTools,
        recentFiles: info?.recentFiles ?? [],
        newFile: () => void chooseNewPath('Create a new school file', 'School.mapio').then((p) => p && sendCommand({ kind: 'new', path: p })),
        newDemo: () => void chooseNewPath('Create the demo school', 'Demo school.mapio').then((p) => p && sendCommand({ kind: 'newDemo', path: p })),
        open: () => void chooseExisting().then((p) => p && sendCommand({ kind: 'open', path: p })),
        openRecent: (filePath) => sendCommand({ kind: 'open', path: filePath }),
        saveAs: () => void chooseNewPath('Save the school file as', info?.file?.name ?? 'School.mapio').then((p) => p && sendCommand({ kind: 'saveAs', path: p })),
        restoreBackup: () => sendCommand({ kind: 'restoreBackup' }),
        exportGovernors: () => sendCommand({ kind: 'exportGovernors' }),
        alpStatement: () => sendCommand({ kind: 'alpStatement' }),
        authorityReturn: () => sendCommand({ kind: 'authorityReturn' }),
        authorityNew: () => sendCommand({ kind: 'authorityNew' }),
        authorityOpen: () => sendCommand({ kind: 'authorityOpen' }),
        undo: () => sendCommand({ kind: 'undo' }),
        redo: () => sendCommand({ kind: 'redo' }),
        about: () => void showAbout(),
      }),
    ),
  );
  mainWindow?.setTitle(info?.file ? `${info.file.name} — Mapio` : 'Mapio');
  if (isMac) mainWindow?.setRepresentedFilename(info?.file?.path ?? '');
}

async function chooseNewPath(title: string, defaultName: string): Promise<string | null> {
  // New school files go in the documents folder's Mapio folder unless the person chooses elsewhere.
  const folder = path.join(app.getPath('documents'), 'Mapio');
  mkdirSync(folder, { recursive: true, mode: 0o700 }); // only its owner may open it: it holds school files (docs/guarantees.md)
  const options = { title, defaultPath: path.join(folder, defaultName), filters: MAPIO_FILTERS };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : withExtension(result.filePath, 'school');
}

async function chooseExisting(): Promise<string | null> {
  const options = {
    title: 'Open a school file',
    defaultPath: app.getPath('documents'),
    filters: MAPIO_FILTERS,
    properties: ['openFile' as const],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Mapio',
    message: `Mapio ${app.getVersion()}`,
    detail: 'Costed provision maps for additional learning needs (ALN) in schools in Wales.\n\nYour school files stay on this computer; Mapio sends nothing over the internet.',
    buttons: ['OK'],
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mapio',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-start-loading', () => {
    rendererReady = false;
  });
  win.webContents.on('did-finish-load', () => {
    rendererReady = true;
    for (const cmd of pendingCommands.splice(0)) win.webContents.send(MENU_CHANNEL, cmd);
  });
  win.on('closed', () => {
    mainWindow = null;
    rendererReady = false;
  });
  void win.loadURL(APP_START_URL);
  return win;
}

/**
 * Start the data process (electron/dataProcess.ts), opening the file Mapio was launched with. If that file
 * will not open (corrupt, too new, moved), it starts as usual and the window tries it, so the person sees
 * the reason.
 */
function startBackend(filePath: string | null): ProcessBackend {
  const openPath = filePath === null ? undefined : path.resolve(filePath);
  return startProcessBackend({
    start: { mode: 'electron', dataDir: dataDir(), ...(openPath ? { openPath } : {}) },
    spawn: () => spawnElectronHost(path.join(__dirname, 'backendHost.cjs')),
    onOpenFailed: () => {
      if (openPath) sendCommand({ kind: 'open', path: openPath });
    },
    onStartFailed: (error) => {
      dialog.showErrorBox('Mapio could not start', `Mapio could not open its data (${englishWording(error)}). Try starting it again; if this keeps happening, reinstall Mapio.`);
      app.exit(1);
    },
    onRestart: () => void refreshMenuAndTitle(),
  });
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  hardenAllWebContents();

  app.on('second-instance', (_event, argv) => {
    const filePath = mapioFileFromArgv(argv);
    if (filePath) openFromOutside(filePath);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFromOutside(filePath);
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, { devTools: developerTools });
    serveRenderer(rendererDir);
    try {
      backend = startBackend(launchPath);
    } catch (err) {
      dialog.showErrorBox(
        'Mapio could not start',
        `Mapio could not open its data (${err instanceof Error ? err.message : String(err)}). Try starting it again; if this keeps happening, reinstall Mapio.`,
      );
      app.exit(1);
      return;
    }
    launchPath = null;
    const door = backend;

    ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'internal', reason: 'pageNotAllowed' } };
      }
      const result = await answerCall(door, name, input);
      if (result.ok && typeof name === 'string' && changesOpenFile(name)) void refreshMenuAndTitle();
      return result;
    });

    mainWindow = createWindow();
    await refreshMenuAndTitle();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => app.quit());
  // Let the data process close the school file cleanly (it is ended after a few seconds if it cannot).
  app.on('will-quit', (event) => {
    const closing = backend;
    if (!closing) return;
    event.preventDefault();
    backend = null;
    void closing.close().finally(() => app.quit());
  });
}

start();
