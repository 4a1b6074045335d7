/**
 * How a call leaves the window and its outcome comes back, before any of it is understood: through the
 * preload's `window.mapio` (IPC) in the desktop window, or as one POST to `/api/<operation>` on the
 * loopback server with this launch's secret in browser mode. Either way the outcome is a `CallResult`
 * (a value, or an error body with its code), never a thrown error.
 *
 * Kept apart from the typed client (renderer/api/client.ts), which rebuilds views from patches and
 * errors as `ApiError`s with their words: this module imports nothing that translates or draws, so the
 * window's first calls can leave from a script of their own before the app's code has arrived
 * (renderer/api/firstCalls.ts; docs/performance.md, "Round 12: the first calls from a script of their own").
 */
import type { ApiErrorBody } from '../../shared/api/errors';
import { API_ERROR_CODES } from '../../shared/api/errorCodes';
import type { CallResult, MapioBridge } from '../../shared/api/bridge';
import { windowHiddenOrLeaving } from '../state/windowLeaving';

export const SECRET_STORAGE_KEY = 'mapio.secret';
export const SECRET_HEADER = 'X-Mapio-Secret';

/** One call out, its outcome back. */
export type Transport = (name: string, input: unknown) => Promise<CallResult>;

const NOT_RESPONDING: CallResult = { ok: false, error: { code: 'internal', reason: 'engineNotResponding' } };

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, reason, issues } = value as { code?: unknown; reason?: unknown; issues?: unknown };
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code) && (reason === undefined || typeof reason === 'string') && (issues === undefined || Array.isArray(issues));
}

/**
 * The most a request made while the window is hidden or going away may carry, in UTF-16 code units (at
 * most three bytes each in UTF-8): such requests share a browser's 64 KiB for requests kept alive past
 * their page, and calls go one at a time, so one such request always fits. An edit is a few hundred; a
 * larger call made then (an import's file) is sent as any other. A hidden window's requests that turn out
 * not to be the page's last lose nothing by having been kept alive.
 */
const KEPT_ALIVE_MAX = 16_000;

/** Browser mode's transport: one POST per call, carrying the launch secret. */
export function createHttpCall(options: { secret: string | null; fetch: typeof fetch; baseUrl?: string; mustOutlivePage?: () => boolean }): Transport {
  return async (name, input) => {
    let response: Response;
    const sent = JSON.stringify(input ?? {});
    try {
      response = await options.fetch(`${options.baseUrl ?? ''}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: options.secret ?? '' },
        body: sent,
        credentials: 'omit',
        cache: 'no-store',
        // A save sent as the window hides or goes away (windowLeaving.ts) must reach the server after the page is gone.
        keepalive: (options.mustOutlivePage?.() ?? false) && sent.length <= KEPT_ALIVE_MAX,
      });
    } catch {
      return NOT_RESPONDING;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', reason: response.ok ? 'replyUnreadable' : 'engineNotResponding' } };
    }
    if (response.ok) return { ok: true, value: body };
    return { ok: false, error: isApiErrorBody(body) ? body : { code: 'internal', reason: 'replyUnreadable' } };
  };
}

/** The desktop window's bridge: a rejected IPC call is a data process that did not answer. */
function bridgeCall(bridge: MapioBridge): Transport {
  return (name, input) => bridge.call(name, input).catch(() => NOT_RESPONDING);
}

interface AddressBar {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Read the launch secret from `?secret=…` once, keep it in sessionStorage (so a reload still works),
 * and take it out of the address bar so it is not bookmarked, shared or left in history.
 */
export function takeLaunchSecret(win: AddressBar): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('secret');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(SECRET_STORAGE_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the secret still works until the page is reloaded.
    }
    url.searchParams.delete('secret');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(SECRET_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function desktopBridge(): MapioBridge | undefined {
  return typeof window !== 'undefined' ? window.mapio : undefined;
}

function windowTransport(): Transport {
  const bridge = desktopBridge();
  if (bridge) return bridgeCall(bridge);
  const send: typeof fetch = (...args) => fetch(...args);
  if (typeof window === 'undefined') return createHttpCall({ secret: null, fetch: send });
  // The secret in the address is used at once. Keeping it for a reload and taking it out of the address bar
  // wait until the first calls have left (a microtask runs once this script has run): a fresh page's first
  // use of its storage and history costs it 3–40 ms (docs/performance.md, "Round 12: the first paint's
  // one-off costs").
  const inAddress = new URL(window.location.href).searchParams.get('secret');
  if (inAddress) {
    queueMicrotask(() => takeLaunchSecret(window));
    return createHttpCall({ secret: inAddress, fetch: send, mustOutlivePage: windowHiddenOrLeaving });
  }
  return createHttpCall({ secret: takeLaunchSecret(window), fetch: send, mustOutlivePage: windowHiddenOrLeaving });
}

/** This window's transport: the one every call of the typed client, and the first calls, go through. */
export const transport: Transport = windowTransport();
