/**
 * The one queue every renderer call that reads or changes state goes through: calls run one at a time, in
 * the order they were made, so a debounced save typed in one field, a click elsewhere, an export and the
 * authority workspace's imports can never land out of order or read a state an earlier edit has not yet
 * reached. The only call that does not queue is "Stop" (it must reach the data process while another call
 * is running). The linter refuses the API client's `api` anywhere else in the renderer.
 */
// The queue itself is the one place the API client is called from (and the store, inside the queue).
// eslint-disable-next-line no-restricted-imports
import { api } from '../api/client';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';

let tail: Promise<unknown> = Promise.resolve();
/** Calls queued and not yet settled (the one running included). */
let waiting = 0;

/** Run `work` once every call queued before it has settled (whether it succeeded or failed). */
export function inQueue<T>(work: () => Promise<T>): Promise<T> {
  waiting += 1;
  const next = tail.then(work, work);
  tail = next
    .catch(() => undefined)
    .finally(() => {
      waiting -= 1;
    });
  return next;
}

/** Whether no call is waiting in the queue or running in it. */
export function queueIsEmpty(): boolean {
  return waiting === 0;
}

/** `api.call` in the queue: resolves with the operation's output or rejects with its ApiError. */
export function queuedCall<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Awaited<OperationOutput<N>>> {
  return inQueue(() => api.call(name, input) as Promise<Awaited<OperationOutput<N>>>);
}
