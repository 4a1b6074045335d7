/**
 * A picked or dropped file's bytes as base64, for the operations that take `contentBase64` (the MIS
 * import, authority returns): browser mode has no native file dialog, so the renderer sends the
 * content, not a path. No Node built-ins: runs in the renderer and in tests.
 */

/** Base64 of raw bytes, in chunks so a 10,000-row export never overflows the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
