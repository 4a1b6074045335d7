/**
 * What passes between the Electron preload and the renderer: the shape of `window.mapio`, the IPC
 * channel names, and the menu commands the desktop menu sends. Types and constants only, so the
 * preload, the main process and the renderer can all import it.
 */
import type { ApiErrorBody } from './errors';

export type MenuCommandKind = 'new' | 'newDemo' | 'open' | 'saveAs' | 'restoreBackup' | 'exportGovernors' | 'alpStatement' | 'authorityReturn' | 'authorityNew' | 'authorityOpen' | 'undo' | 'redo';

/** A command from the application menu; `path` is the file the user chose in a dialog, if any. */
export type MenuCommand = { kind: MenuCommandKind; path?: string };

/** One API call's outcome as it crosses IPC (errors travel as plain bodies, not Error objects). */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** The one object the preload exposes as `window.mapio`. */
export interface MapioBridge {
  call(name: string, input: unknown): Promise<CallResult>;
  /** Returns a function that stops listening. */
  onMenuCommand(cb: (cmd: MenuCommand) => void): () => void;
}

export const CALL_CHANNEL = 'mapio:call';
export const MENU_CHANNEL = 'mapio:menu';

export const MENU_COMMAND_KINDS: readonly MenuCommandKind[] = [
  'new',
  'newDemo',
  'open',
  'saveAs',
  'restoreBackup',
  'exportGovernors',
  'alpStatement',
  'authorityReturn',
  'authorityNew',
  'authorityOpen',
  'undo',
  'redo',
];

/** True for a well-formed menu command (the preload checks what arrives from the main process). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, path } = value as { kind?: unknown; path?: unknown };
  return typeof kind === 'string' && (MENU_COMMAND_KINDS as readonly string[]).includes(kind) && (path === undefined || typeof path === 'string');
}
