import type { MapioBridge } from '../../shared/api/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron desktop window (electron/preload.ts); absent in browser mode. */
    mapio?: MapioBridge;
  }
}

export {};
