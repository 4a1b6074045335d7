/**
 * Window hardening in one place: the `app://` protocol that serves the built renderer (and refuses
 * anything outside it), the session's rules (no permissions, no remote requests, a strict CSP), and
 * each web contents' rules (no navigation away, no redirects, no new windows, no webviews).
 * The decisions themselves are pure functions in appUrl.ts; this file only wires them to Electron.
 */
import { app, protocol, type Session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS, contentTypeFor } from '../backend/http/staticFiles';
import { APP_SCHEME, appFileOnDisk, isAllowedNavigation, isAllowedRequest } from './appUrl';

/** Must run before `app.whenReady()`: makes `app://` a standard, secure origin (so 'self' in the CSP means it). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }]);
}

/** Serve `app://mapio/<path>` from the renderer folder; everything else is 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const notFound = () => new Response('Not found', { status: 404, headers: { ...STATIC_SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const filePath = await appFileOnDisk(request.url, rendererDir);
    if (filePath === null) return notFound();
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...STATIC_SECURITY_HEADERS, 'Content-Type': contentTypeFor(filePath), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return notFound();
    }
  });
}

/** Deny every permission, cancel every request that is not the app's own, and add the CSP to every response. */
export function hardenSession(session: Session, options: { devTools: boolean }): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, options) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** No navigation away from the app, no redirects, no pop-ups, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Apply hardenWebContents to every web contents Electron ever creates (windows, DevTools excepted by Electron). */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
