/**
 * Returns as the browser hands them over (a file input or a drop): which files to send, and their bytes
 * as base64 for `authority.importReturn`. No Node built-ins: runs in the renderer and in tests.
 */

const CHUNK = 0x8000;

/** Bytes → base64 (btoa over binary-string chunks, so a 3 MB return never overflows the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * The files worth sending, in name order (so "Importing 7 of 30" walks the folder as the officer sees it).
 * Everything dropped is sent, .xlsx or not: a file that is not a return is rejected with its own reason,
 * never silently skipped. Excel's lock files ("~$name.xlsx") are the one exception: they are not files
 * anyone chose.
 */
export function returnsToSend<T extends { name: string }>(files: readonly T[]): T[] {
  return files.filter((f) => !f.name.startsWith('~$')).sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
}
