import { memo } from 'react';
import { useDisplay } from '../display';
import { useMapio } from '../state/store';

/** Always visible: what the year commits, what the ALN budget carries, and where that leaves it. */
export const TotalsBar = memo(function TotalsBar() {
  const { t, pounds } = useDisplay();
  const view = useMapio((s) => s.view);
  const show = useMapio((s) => s.show);
  if (!view) return null;
  const { totals, budget, checks } = view.costed;
  const position = budget.positionPence;
  const abs = Math.abs(position);
  const positionText = position > 0 ? t('totals.underBudget', { amount: `+${pounds(abs)}` }) : position < 0 ? t('totals.overBudget', { amount: `-${pounds(abs)}` }) : t('totals.onBudget');
  const tone = position > 0 ? 'good' : position < 0 ? 'bad' : 'neutral';

  return (
    <section className="totals-bar" aria-label={t('totals.label')} data-testid="totals">
      <dl>
        <div className="total">
          <dt>{t('totals.committed')}</dt>
          <dd className="money" data-testid="total-cost">
            {pounds(totals.costPence)}
          </dd>
        </div>
        <div className="total">
          <dt>{t('totals.charged')}</dt>
          <dd className="money" data-testid="total-charged">
            {pounds(totals.chargedPence)}
          </dd>
        </div>
        <div className="total">
          <dt>{t('totals.income')}</dt>
          <dd className="money" data-testid="total-income">
            {pounds(budget.incomePence)}
          </dd>
        </div>
        <div className={`total position position-${tone}`}>
          <dt>{t('totals.position')}</dt>
          <dd className="money" data-testid="budget-position">
            <span aria-hidden="true" className="position-icon">
              {position > 0 ? '▲' : position < 0 ? '▼' : '●'}
            </span>{' '}
            {positionText}
          </dd>
        </div>
        <div className="total">
          <dt>{t('totals.checks')}</dt>
          <dd>
            <button type="button" className={`link-button checks-link ${checks.length ? 'has-checks' : ''}`} data-testid="open-checks" onClick={() => show('checks')}>
              {checks.length ? <span aria-hidden="true">⚠ </span> : null}
              {t('totals.checksCount', { count: checks.length })}
            </button>
          </dd>
        </div>
      </dl>
    </section>
  );
});
