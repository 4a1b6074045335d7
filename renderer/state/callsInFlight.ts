/**
 * Which calls to the backend are still running, and since when: what the "Still working… Stop" control in
 * the header reads (renderer/components/BusyIndicator.tsx). Kept by the API client for every call, the
 * queued edits of the main store and the authority workspace's imports alike. When the data process was
 * stopped and started again (a call answered `timeout` or `cancelled`), listeners refresh what is shown.
 */
import { createStore } from 'zustand/vanilla';

interface CallsInFlight {
  /** When each running call started (ms since the epoch), by a token. */
  running: Record<number, number>;
}

export const callsInFlightStore = createStore<CallsInFlight>()(() => ({ running: {} }));

let nextToken = 1;

/** The outcome of the call `send` starts, counted as running from before it leaves until it settles. */
export function counted<T>(send: () => Promise<T>): Promise<T> {
  const token = nextToken++;
  callsInFlightStore.setState((s) => ({ running: { ...s.running, [token]: Date.now() } }));
  return send().finally(() =>
    callsInFlightStore.setState((s) => {
      const { [token]: _done, ...rest } = s.running;
      return { running: rest };
    }),
  );
}

/** When the oldest running call started, or null when none is running. */
export const selectOldestStart = (s: CallsInFlight): number | null => {
  const starts = Object.values(s.running);
  return starts.length === 0 ? null : Math.min(...starts);
};

const restartListeners = new Set<() => void>();

/** Call `listener` whenever the data process was started again; returns a function that stops listening. */
export function onEngineRestarted(listener: () => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

export function engineRestarted(): void {
  for (const listener of restartListeners) listener();
}
