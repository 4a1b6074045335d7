/**
 * Serving the built renderer safely: the one Content Security Policy both doors send (the Electron
 * `app://` protocol and the browser-mode server), content types, and the resolution of a request path
 * to a file that can never escape the renderer's folder, not even through a symbolic link.
 *
 * Plain Node (path and fs only): imported by backend/http/browserServer.ts and electron/appUrl.ts alike.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** The page may load only its own scripts, styles, images and API; nothing remote, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every static response carries, in both doors. No Cross-Origin-Opener-Policy: it guards a page
 * against a window that opened it, and no window can open Mapio's (the desktop shell refuses new windows;
 * browser mode's page is reached only from the launch page in the same tab, and without the secret it can
 * read nothing), yet it makes Chromium move a window's first document to a new renderer process: 100–190 ms
 * before the map's first paint (docs/guarantees.md, "Nobody else gets in").
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file by its extension; unknown kinds are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL path (`/assets/index-abc.js`, `/`) to an absolute file path inside `rootDir`, or `null` when
 * the request is malformed or would leave the folder: `..` segments (plain or percent-encoded),
 * backslashes, NUL bytes, drive letters and absolute paths are all refused rather than normalised.
 * `/` and any path ending in `/` mean `index.html` in that folder.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  const pathOnly = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/*[a-zA-Z]:/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.slice(0, -1).some((s) => s === '')) return null; // `//` inside the path
  const relative = segments.join('/');
  const withIndex = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, withIndex);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/**
 * The real path of `filePath` (every symbolic link followed) when it is still inside `rootDir`'s real
 * folder, or `null` when a link leads outside it or the file cannot be found. Both doors serve the real
 * path this returns, so a link cannot be swapped between the check and the read.
 */
export async function realFileInside(rootDir: string, filePath: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    return realFile.startsWith(realRoot + path.sep) ? realFile : null;
  } catch {
    return null;
  }
}
