import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Stop is the one call that must not wait in the queue: it ends the call the queue is waiting on.
// eslint-disable-next-line no-restricted-imports
import { api } from '../api/client';
import { selectOldestStart, useCallsInFlight } from '../state/callsInFlight';

/** A call running longer than this offers Stop. */
const LONG_CALL_MS = 2_000;

/**
 * "Still working… Stop" in the header once a call has run for a couple of seconds (a big import, a slow
 * file): Stop ends the data process and starts it again on the file that was open; the call is answered
 * "you stopped that" and the screens refresh (renderer/state/callsInFlight.ts).
 */
export function BusyIndicator() {
  const oldest = useCallsInFlight(selectOldestStart);
  // Whether the oldest running call has run long, looked at every half second while one runs. A call
  // starting or ending renders only this (cheap) part, and only the answer changing renders again: an
  // edit's calls come and go with no render of the words below (docs/performance.md).
  const [longRunning, setLongRunning] = useState<number | null>(null);
  // What `longRunning` was last set to: setting it to what it already is would still cost a render.
  const judged = useRef<number | null>(null);
  useEffect(() => {
    // Which call was last seen to have run long (its start), so a new oldest call is never taken for it.
    const judge = (next: number | null) => {
      if (judged.current === next) return;
      judged.current = next;
      setLongRunning(next);
    };
    if (oldest === null) return judge(null);
    const check = () => judge(Date.now() - oldest >= LONG_CALL_MS ? oldest : null);
    check();
    const timer = setInterval(check, 500);
    return () => clearInterval(timer);
  }, [oldest]);
  return oldest !== null && longRunning === oldest ? <StillWorking /> : null;
}

function StillWorking() {
  const { t } = useTranslation();
  return (
    <span className="busy-indicator" role="status" data-testid="busy">
      {t('fileSafety.stillWorking')}{' '}
      <button type="button" title={t('fileSafety.stopTitle')} onClick={() => void api.call('app.stop', {}).catch(() => undefined)} data-testid="stop">
        {t('fileSafety.stop')}
      </button>
    </span>
  );
}
