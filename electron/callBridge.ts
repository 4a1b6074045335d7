/**
 * The main-process end of `mapio:call`: check the operation is one the contract names, pass it to
 * the backend (which validates the input at the door), and turn the outcome into a plain
 * `CallResult` that survives IPC. Unexpected failures become a generic sentence; their details are
 * never sent to the window nor written to the log (they may hold learner data).
 */
import { ApiError, isOperationName, type ApiErrorBody } from '../shared/api/contract';
import type { CallResult } from '../shared/api/bridge';

export interface BackendDoor {
  call(name: string, input: unknown): Promise<unknown>;
}

export const UNEXPECTED_ERROR: ApiErrorBody = { code: 'internal', reason: 'unexpected' };

export async function answerCall(backend: BackendDoor, name: unknown, input: unknown, log: (line: string) => void = (line) => console.error(line)): Promise<CallResult> {
  if (!isOperationName(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
    return { ok: false, error: { code: 'unknown_operation', reason: 'noOperation', params: { operation: shown } } };
  }
  try {
    const value = await backend.call(name, input);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toBody() };
    log(`mapio: ${name} failed unexpectedly (${err instanceof Error ? err.name : typeof err})`);
    return { ok: false, error: UNEXPECTED_ERROR };
  }
}

/** Operations after which the window title and the Open Recent menu may have changed. */
export function changesOpenFile(name: string): boolean {
  return name.startsWith('file.');
}
