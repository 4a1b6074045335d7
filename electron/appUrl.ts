/**
 * The desktop window's address space: the renderer is served from `app://mapio/…`, and nothing else
 * may be loaded, navigated to or call the API. No 'electron' import, so every rule is unit-tested on
 * its own; only serveAppFile's symbolic-link check touches the disk.
 */
import { realFileInside, resolveStaticPath } from '../backend/http/staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mapio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages of Mapio's own renderer (`app://mapio/...`). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The window may navigate (or be redirected) only within the app's own pages, e.g. a reload. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Which requests the window's session lets through: the app's own files, inline data and blobs the
 * page made itself, and (only when unpackaged) the DevTools. Everything remote is cancelled.
 */
export function isAllowedRequest(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:') return parsed.pathname.startsWith(`${APP_ORIGIN}/`);
  if (options.devTools && (parsed.protocol === 'devtools:' || parsed.protocol === 'chrome-devtools:')) return true;
  return false;
}

/** Only a frame showing Mapio's own page may call the API over IPC. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** The file inside the renderer folder an `app://mapio/…` request names, or null (wrong host, traversal). */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url) || !url.startsWith(`${APP_ORIGIN}/`)) return null;
  // Judge the path as sent, before URL parsing folds `%2e%2e` segments away: a request that tries to
  // climb out is refused, not quietly clamped to the folder.
  return resolveStaticPath(rendererDir, url.slice(APP_ORIGIN.length));
}

/**
 * The real file an `app://mapio/…` request is served from, or null: refused as resolveAppFile refuses,
 * and also when the file is missing or a symbolic link inside the renderer folder leads outside it (the
 * same check browser mode makes, backend/http/staticFiles.ts).
 */
export async function appFileOnDisk(url: string, rendererDir: string): Promise<string | null> {
  const filePath = resolveAppFile(url, rendererDir);
  return filePath === null ? null : realFileInside(rendererDir, filePath);
}
