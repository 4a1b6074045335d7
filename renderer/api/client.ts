/**
 * The renderer's only way to reach a school's data: `api.call(name, input)`, typed by the contract.
 *
 * Inside the desktop window it goes through the preload's `window.mapio` (IPC); in browser mode it
 * POSTs JSON to `/api/<operation>` on the loopback server with this launch's secret. Either way a
 * failure arrives as an `ApiError` with a code and a sentence a person can act on.
 */
// The error and patch modules, not the contract's index: this file is in the first bundle, and the index
// brings every operation's zod schema with it (the renderer needs only the contract's types).
import type { MapioApi, OperationName, OperationOutput, PatchedAnswer, YearView } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { applyYearPatch, isYearView } from '../../shared/api/yearPatch';
import { isMenuCommand, type CallResult, type MenuCommand } from '../../shared/api/bridge';
import { counted, engineRestarted } from '../state/callsInFlight';
import { desktopBridge, isApiErrorBody, transport, type Transport } from './transport';

export type { MenuCommand, MenuCommandKind } from '../../shared/api/bridge';

export { createHttpCall, isApiErrorBody, takeLaunchSecret, SECRET_HEADER, SECRET_STORAGE_KEY } from './transport';

/** The typed API, which can also take the outcome of a call sent before it existed (the window's first calls). */
export interface WindowApi extends MapioApi {
  /** The answer to `name` from its outcome, sent earlier through the same transport: its value, or an `ApiError`. */
  answerOf<N extends OperationName>(name: N, sent: Promise<CallResult>): Promise<Awaited<OperationOutput<N>>>;
}

/**
 * Turn a bridge (IPC or HTTP) into the typed API, unwrapping results and rebuilding errors. An answer that
 * carries a patch in place of its view (shared/api/yearPatch.ts) leaves here with the whole view again,
 * rebuilt from the last view this client received; when that is not the view the patch starts from
 * (a reply missed, the data process restarted), the whole year is fetched instead.
 */
export function createApi(call: Transport): WindowApi {
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
    const whole = await call('year.get', {});
    if (!whole.ok && whole.error.code === 'internal' && whole.error.reason === 'engineNotResponding') throw new ApiError('internal', 'engineNotResponding');
    if (!whole.ok || !isYearView(whole.value)) throw new ApiError('internal', 'replyUnreadable');
    held = whole.value;
    return { ...rest, view: held };
  };
  const answerOf = async (sent: Promise<CallResult>): Promise<never> => {
    const result = await sent.catch((): CallResult => ({ ok: false, error: { code: 'internal', reason: 'engineNotResponding' } }));
    if (result.ok) return (await withView(result.value)) as never;
    const error = isApiErrorBody(result.error) ? ApiError.fromBody(result.error) : new ApiError('internal', 'replyUnreadable');
    // Stopped (by the time limit or by Stop): the data process started again on the file that was open.
    if (error.code === 'timeout' || error.code === 'cancelled') engineRestarted();
    throw error;
  };
  return {
    call(name, input) {
      // Every call but Stop itself counts as running work (the header offers Stop when one takes long).
      if (name === 'app.stop') return answerOf(call(name, input));
      return answerOf(counted(() => call(name, input)));
    },
    answerOf: (_name, sent) => answerOf(sent),
  };
}

/** True inside the Electron window, false in browser mode. */
export const isDesktop: boolean = desktopBridge() !== undefined;

export const api: WindowApi = createApi(transport);

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
