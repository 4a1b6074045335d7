/**
 * The two calls every window starts with: which file is open (app.info, asking for later changes as
 * patches) and its year (year.get). They are sent from a script of their own (renderer/sendFirstCalls.ts),
 * which the page runs as soon as it arrives, before the app's code has arrived and been evaluated; this
 * module therefore imports only the transport and the count of calls in flight, nothing that translates
 * or draws. The year's 900 KB are then on their way, and the data process works on them, while the app's
 * code is parsed and evaluated. The store's boot takes the outcomes once, through the typed client
 * (`api.answerOf`); a window that never sent them sends its own when it boots (docs/performance.md,
 * "Round 12: the first calls from a script of their own").
 */
import type { CallResult } from '../../shared/api/bridge';
import { counted } from '../state/callsInFlight';
import { transport } from './transport';

export interface FirstCalls {
  appInfo: Promise<CallResult>;
  year: Promise<CallResult>;
}

let sent: FirstCalls | null = null;

/** Sent through the window's transport and counted as running work, like every call of the client. */
function send(name: string, input: unknown): Promise<CallResult> {
  return counted(() => transport(name, input));
}

export function sendFirstCalls(): void {
  if (sent) return;
  sent = { appInfo: send('app.info', { answerChangesAsPatches: true }), year: send('year.get', {}) };
}

/** The first calls' outcomes if they were sent and not yet taken; null otherwise. */
export function takeFirstCalls(): FirstCalls | null {
  const taken = sent;
  sent = null;
  return taken;
}
