import { useTranslator } from '../../i18n/useTranslator';
import { useMapio } from '../../state/store';

/** Shown on every screen while a scenario is open: whose figures these are, and the way back. */
export function ScenarioBanner() {
  const { t } = useTranslator();
  const scenario = useMapio((s) => s.view?.scenario ?? null);
  const request = useMapio((s) => s.request);
  const setStatus = useMapio((s) => s.setStatus);
  if (!scenario) return null;
  const leave = async () => {
    const outcome = await request('scenario.leave', {}, { viewOf: (v) => v });
    if (outcome.ok) setStatus({ key: 'scenarios.left', params: { name: scenario.name } });
  };
  return (
    <div className="scenario-banner" role="region" aria-label={t('scenarios.bannerLabel')} data-testid="scenario-banner">
      <p>
        <span aria-hidden="true">⎇ </span>
        {t('scenarios.banner', { name: scenario.name })}
      </p>
      <button type="button" onClick={() => void leave()} data-testid="leave-scenario">
        {t('scenarios.backToPlan')}
      </button>
    </div>
  );
}
