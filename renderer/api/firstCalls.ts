/**
 * The two calls every window starts with: which file is open (app.info, asking for later changes as
 * patches) and its year (year.get). renderer/main.tsx sends them before anything else it imports is
 * evaluated (`./sendFirstCalls`), so the year is on its way while React, the store and the screens' code
 * are evaluated instead of after them; the store's boot takes the answers, once. A window that never sent
 * them sends its own when it boots (docs/performance.md, "the first calls sent before the app's code").
 */
import type { AppInfo, YearView } from '../../shared/api/contract';
import { api } from './client';

export interface FirstCalls {
  appInfo: Promise<AppInfo>;
  year: Promise<YearView>;
}

let sent: FirstCalls | null = null;

/** A promise whose failure is the taker's to handle: not reported as unhandled while no one has taken it yet. */
function held<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export function sendFirstCalls(): void {
  if (sent) return;
  sent = {
    appInfo: held(api.call('app.info', { answerChangesAsPatches: true })),
    year: held(api.call('year.get', {})),
  };
}

/** The first calls' answers if they were sent and not yet taken; null otherwise. */
export function takeFirstCalls(): FirstCalls | null {
  const taken = sent;
  sent = null;
  return taken;
}
