/**
 * Entry point of the data process (backendHost.ts). In the desktop app Electron starts it as a
 * utilityProcess (bundled to dist-electron/backendHost.cjs) and messages arrive on `process.parentPort`;
 * in browser mode and in tests it is a Node child process (`child_process.fork`) and they arrive on
 * Node's IPC channel.
 */
import { runBackendHost, type HostPort } from './backendHost';
import type { FromHost } from './hostProtocol';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function portHere(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message: FromHost) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process with the app; there is no channel to watch.
      onDisconnect: () => undefined,
    };
  }
  if (!process.send) throw new Error('The Mapio data process must be started by Mapio (it has no channel to its parent).');
  return {
    send: (message: FromHost) => {
      if (process.connected) process.send?.(message);
    },
    onMessage: (listener) => process.on('message', listener),
    onDisconnect: (listener) => process.on('disconnect', listener),
  };
}

// Ctrl+C in a terminal reaches the whole process group: the parent decides, and sends 'dispose'.
process.on('SIGINT', () => undefined);
runBackendHost(portHere(), (code) => process.exit(code));
