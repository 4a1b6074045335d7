/**
 * The renderer's only way to reach a school's data: `api.call(name, input)`, typed by the contract.
 *
 * Inside the desktop window it goes through the preload's `window.mapio` (IPC); in browser mode it
 * POSTs JSON to `/api/<operation>` on the loopback server with this launch's secret. Either way a
 * failure arrives as an `ApiError` with a code and a sentence a person can act on.
 */
// The error and patch modules, not the contract's index: this file is in the first bundle, and the index
// brings every operation's zod schema with it (the renderer needs only the contract's types).
import type { MapioApi, OperationName, PatchedAnswer, YearView } from '../../shared/api/contract';
import { API_ERROR_CODES, ApiError, type ApiErrorBody } from '../../shared/api/errors';
import { applyYearPatch, isYearView } from '../../shared/api/yearPatch';
import { isMenuCommand, type CallResult, type MapioBridge, type MenuCommand } from '../../shared/api/bridge';
import { callEnded, callStarted, engineRestarted } from '../state/callsInFlight';

export type { MenuCommand, MenuCommandKind } from '../../shared/api/bridge';

export const SECRET_STORAGE_KEY = 'mapio.secret';
export const SECRET_HEADER = 'X-Mapio-Secret';

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, reason, issues } = value as { code?: unknown; reason?: unknown; issues?: unknown };
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code) && (reason === undefined || typeof reason === 'string') && (issues === undefined || Array.isArray(issues));
}

/**
 * Turn a bridge (IPC or HTTP) into the typed API, unwrapping results and rebuilding errors. An answer that
 * carries a patch in place of its view (shared/api/yearPatch.ts) leaves here with the whole view again,
 * rebuilt from the last view this client received; when that is not the view the patch starts from
 * (a reply missed, the data process restarted), the whole year is fetched instead.
 */
export function createApi(call: (name: string, input: unknown) => Promise<CallResult>): MapioApi {
  let held: YearView | null = null;
  const withView = async (value: unknown): Promise<unknown> => {
    if (isYearView(value)) {
      held = value;
      return value;
    }
    if (typeof value !== 'object' || value === null || !('patch' in value)) {
      if (typeof value === 'object' && value !== null && 'view' in value && isYearView(value.view)) held = value.view;
      return value;
    }
    const { patch, ...rest } = value as PatchedAnswer<{ view: YearView }>;
    if (held && held.version === patch.from) {
      held = applyYearPatch(held, patch);
      return { ...rest, view: held };
    }
    const whole = await call('year.get', {}).catch(() => null);
    if (!whole?.ok || !isYearView(whole.value)) throw new ApiError('internal', whole ? 'replyUnreadable' : 'engineNotResponding');
    held = whole.value;
    return { ...rest, view: held };
  };
  return {
    async call(name, input) {
      // Every call but Stop itself counts as running work (the header offers Stop when one takes long).
      const token = name === 'app.stop' ? null : callStarted();
      let result: CallResult;
      try {
        result = await call(name, input);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('internal', 'engineNotResponding');
      } finally {
        if (token !== null) callEnded(token);
      }
      if (result.ok) return (await withView(result.value)) as never;
      const error = isApiErrorBody(result.error) ? ApiError.fromBody(result.error) : new ApiError('internal', 'replyUnreadable');
      // Stopped (by the time limit or by Stop): the data process started again on the file that was open.
      if (error.code === 'timeout' || error.code === 'cancelled') engineRestarted();
      throw error;
    },
  };
}

/** Browser mode's transport: one POST per call, carrying the launch secret. */
export function createHttpCall(options: { secret: string | null; fetch: typeof fetch; baseUrl?: string }) {
  return async (name: string, input: unknown): Promise<CallResult> => {
    let response: Response;
    try {
      response = await options.fetch(`${options.baseUrl ?? ''}/api/${encodeURIComponent(name as OperationName)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: options.secret ?? '' },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError('internal', 'engineNotResponding');
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

function desktopBridge(): MapioBridge | undefined {
  return typeof window !== 'undefined' ? window.mapio : undefined;
}

function createDefaultApi(): MapioApi {
  const bridge = desktopBridge();
  if (bridge) return createApi((name, input) => bridge.call(name, input));
  const secret = typeof window !== 'undefined' ? takeLaunchSecret(window) : null;
  return createApi(createHttpCall({ secret, fetch: (...args) => fetch(...args) }));
}

/** True inside the Electron window, false in browser mode. */
export const isDesktop: boolean = desktopBridge() !== undefined;

export const api: MapioApi = createDefaultApi();

/**
 * Listen for commands from the desktop application menu (browser mode has no menu). The undo and redo
 * shortcuts are not menu commands: renderer/historyKeys.ts is their one handler in both modes.
 */
export function onMenuCommand(cb: (cmd: MenuCommand) => void): () => void {
  const bridge = desktopBridge();
  if (!bridge) return () => {};
  return bridge.onMenuCommand((cmd) => {
    if (isMenuCommand(cmd)) cb(cmd);
  });
}
