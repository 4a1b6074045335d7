import { useEffect, useState } from 'react';
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
  const { t } = useTranslation();
  const oldest = useCallsInFlight(selectOldestStart);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (oldest === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [oldest]);
  if (oldest === null || now - oldest < LONG_CALL_MS) return null;
  return (
    <span className="busy-indicator" role="status" data-testid="busy">
      {t('fileSafety.stillWorking')}{' '}
      <button type="button" title={t('fileSafety.stopTitle')} onClick={() => void api.call('app.stop', {}).catch(() => undefined)} data-testid="stop">
        {t('fileSafety.stop')}
      </button>
    </span>
  );
}
