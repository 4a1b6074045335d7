/**
 * The preload (sandboxed, context-isolated): exposes exactly one small object, `window.mapio`, with
 * `call(name, input)` and `onMenuCommand(cb)`. No Node, no ipcRenderer, no Electron objects reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, MENU_CHANNEL, isMenuCommand, type CallResult, type MapioBridge, type MenuCommand } from '../shared/api/bridge';

const bridge: MapioBridge = {
  call(name: string, input: unknown): Promise<CallResult> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(name), input) as Promise<CallResult>;
  },
  onMenuCommand(cb: (cmd: MenuCommand) => void): () => void {
    if (typeof cb !== 'function') return () => {};
    const listener = (_event: IpcRendererEvent, cmd: unknown) => {
      if (isMenuCommand(cmd)) cb(cmd.path === undefined ? { kind: cmd.kind } : { kind: cmd.kind, path: cmd.path });
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('mapio', bridge);
