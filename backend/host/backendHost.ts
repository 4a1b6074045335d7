/**
 * The data process: the real backend (backend/backend.ts), answering calls that arrive as messages
 * (hostProtocol.ts) from the process that shows Mapio. Started by backendHostMain.ts, as an Electron
 * utilityProcess in the desktop app and as a Node child process in browser mode.
 *
 * Every answer is a plain result: a value, or an ApiError's body; anything else thrown becomes the same
 * generic sentence the doors use (no stack, no learner data). Ctrl+C in the terminal reaches this process
 * too: it is left to the parent, which closes the files in order.
 */
import { ApiError, type ApiErrorBody } from '../../shared/api/contract';
import { createBackend, toApiError, type TypedBackend } from '../backend';
import { isToHost, jsonBytes, type FromHost, type ToHost } from './hostProtocol';

/** Both ends a message port needs: Node's `process.send`/'message', or Electron's `parentPort`. */
export interface HostPort {
  send(message: FromHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away (its end of the channel closed). */
  onDisconnect(listener: () => void): void;
}

function bodyOf(error: unknown): ApiErrorBody {
  return (error instanceof ApiError ? error : toApiError(error)).toBody();
}

/** A call's answer as its JSON text in UTF-8 (hostProtocol.ts); a value that cannot be written so is answered as an error, never left unanswered. */
function answerOf(id: number, value: unknown): FromHost {
  try {
    return { type: 'result', id, ok: true, json: jsonBytes(value === undefined ? null : value) };
  } catch (error) {
    return { type: 'result', id, ok: false, error: bodyOf(error) };
  }
}

/** How long no call must be waiting before the data process warms the engine (Backend.rehearse). */
export const IDLE_BEFORE_REHEARSAL_MS = 500;

export function runBackendHost(port: HostPort, exit: (code: number) => void): void {
  let backend: TypedBackend | null = null;
  // Calls being answered, and the timer that starts rehearsing once none has been for a while. Each
  // rehearsal is one costing in a task of its own, so a call that arrives meanwhile waits for one at most.
  let inFlight = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const rehearse = () => {
    if (inFlight > 0 || idle !== null || !backend?.rehearse()) return;
    setImmediate(rehearse);
  };
  const whenIdle = () => {
    if (idle !== null) clearTimeout(idle);
    idle = setTimeout(() => {
      idle = null;
      rehearse();
    }, IDLE_BEFORE_REHEARSAL_MS);
    idle.unref?.();
  };
  const stop = () => {
    if (idle !== null) clearTimeout(idle);
    idle = null;
    try {
      backend?.dispose();
    } finally {
      backend = null;
    }
  };
  port.onDisconnect(() => {
    stop();
    exit(0);
  });
  port.onMessage((raw) => {
    if (!isToHost(raw)) return;
    const message: ToHost = raw;
    switch (message.type) {
      case 'start': {
        const { openPath, ...rest } = message.options;
        try {
          backend = createBackend({ ...rest, ...(openPath ? { openPath } : {}) });
          port.send({ type: 'started', openFailed: null });
          whenIdle();
        } catch (error) {
          if (!openPath) {
            port.send({ type: 'startFailed', error: bodyOf(error) });
            return;
          }
          // The file it was started with would not open: start as usual; the window tries it and shows why.
          try {
            backend = createBackend(rest);
            port.send({ type: 'started', openFailed: bodyOf(error) });
          } catch (again) {
            port.send({ type: 'startFailed', error: bodyOf(again) });
          }
        }
        return;
      }
      case 'call': {
        const current = backend;
        if (!current) {
          port.send({ type: 'result', id: message.id, ok: false, error: { code: 'internal', reason: 'engineNotStarted' } });
          return;
        }
        inFlight += 1;
        current
          .call(message.name, message.input)
          .then(
            (value) => port.send(answerOf(message.id, value)),
            (error: unknown) => port.send({ type: 'result', id: message.id, ok: false, error: bodyOf(error) }),
          )
          .finally(() => {
            inFlight -= 1;
            whenIdle();
          });
        return;
      }
      case 'dispose':
        stop();
        port.send({ type: 'disposed' });
        exit(0);
        return;
    }
  });
}
