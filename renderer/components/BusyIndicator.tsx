import { useEffect, useState } from 'react';
import { useTranslator } from '../i18n/useTranslator';
// Stop is the one call that must not wait in the queue: it ends the call the queue is waiting on.
// eslint-disable-next-line no-restricted-imports
import { api } from '../api/client';
import { selectOldestStart, callsInFlightStore } from '../state/callsInFlight';

/** A call running longer than this offers Stop. */
const LONG_CALL_MS = 2_000;

/**
 * "Still working… Stop" in the header once a call has run for a couple of seconds (a big import, a slow
 * file): Stop ends the data process and starts it again on the file that was open; the call is answered
 * "you stopped that" and the screens refresh (renderer/state/callsInFlight.ts).
 */
export function BusyIndicator() {
  // The oldest running call's start once it has run long, else null: calls starting and ending are
  // followed outside React (the store's own subscription), and only this answer changing renders, so an
  // edit's calls come and go with no render at all (docs/performance.md). Looked at every half second while
  // a call runs.
  const [longRunning, setLongRunning] = useState<number | null>(null);
  useEffect(() => {
    let oldest: number | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    // What `longRunning` was last set to here (undefined: not yet, so the first answer is always set):
    // setting it to what it already is would still cost a render. Which call was last seen to have run long
    // (its start), so a new oldest call is never taken for it.
    let judged: number | null | undefined = undefined;
    const judge = (next: number | null) => {
      if (judged === next) return;
      judged = next;
      setLongRunning(next);
    };
    const check = () => judge(oldest !== null && Date.now() - oldest >= LONG_CALL_MS ? oldest : null);
    const follow = () => {
      const next = selectOldestStart(callsInFlightStore.getState());
      if (next === oldest) return;
      oldest = next;
      if (timer !== null) clearInterval(timer);
      timer = null;
      check();
      if (oldest !== null) timer = setInterval(check, 500);
    };
    follow();
    const stopFollowing = callsInFlightStore.subscribe(follow);
    return () => {
      stopFollowing();
      if (timer !== null) clearInterval(timer);
    };
  }, []);
  return longRunning !== null ? <StillWorking /> : null;
}

function StillWorking() {
  const { t } = useTranslator();
  return (
    <span className="busy-indicator" role="status" data-testid="busy">
      {t('fileSafety.stillWorking')}{' '}
      <button type="button" title={t('fileSafety.stopTitle')} onClick={() => void api.call('app.stop', {}).catch(() => undefined)} data-testid="stop">
        {t('fileSafety.stop')}
      </button>
    </span>
  );
}
