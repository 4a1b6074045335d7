import { memo, useCallback, useMemo, useRef } from 'react';
import { useDisplay } from '../display';
import { useMapio } from '../state/store';

/** Always visible: what the year commits, what the ALN budget carries, and where that leaves it. */
export const TotalsBar = memo(function TotalsBar() {
  const { t, pounds } = useDisplay();
  // The figures alone: a save's answer equal to the window's prediction keeps them, and the bar stays as it is.
  const costed = useMapio((s) => s.view?.costed ?? null);
  const show = useMapio((s) => s.show);
  // The labels, worded once per language: an edit renders the figures again, not these.
  const label = useMemo(
    () => ({ bar: t('totals.label'), committed: t('totals.committed'), charged: t('totals.charged'), income: t('totals.income'), position: t('totals.position'), checks: t('totals.checks') }),
    [t],
  );
  const barHeight = useBarHeight();
  if (!costed) return null;
  const { totals, budget, checks } = costed;
  const position = budget.positionPence;
  const abs = Math.abs(position);
  // "£394.92 over budget": the words say which way, a minus sign as well would read as a double negative.
  const positionText = position > 0 ? t('totals.underBudget', { amount: `+${pounds(abs)}` }) : position < 0 ? t('totals.overBudget', { amount: pounds(abs) }) : t('totals.onBudget');
  const tone = position > 0 ? 'good' : position < 0 ? 'bad' : 'neutral';

  return (
    <section ref={barHeight} className="totals-bar" aria-label={label.bar} data-testid="totals">
      <dl>
        <div className="total">
          <dt>{label.committed}</dt>
          <dd className="money" data-testid="total-cost">
            {pounds(totals.costPence)}
          </dd>
        </div>
        <div className="total">
          <dt>{label.charged}</dt>
          <dd className="money" data-testid="total-charged">
            {pounds(totals.chargedPence)}
          </dd>
        </div>
        <div className="total">
          <dt>{label.income}</dt>
          <dd className="money" data-testid="total-income">
            {pounds(budget.incomePence)}
          </dd>
        </div>
        <div className={`total position position-${tone}`}>
          <dt>{label.position}</dt>
          <dd className="money" data-testid="budget-position">
            <span aria-hidden="true" className="position-icon">
              {position > 0 ? '▲' : position < 0 ? '▼' : '●'}
            </span>{' '}
            {positionText}
          </dd>
        </div>
        <div className="total">
          <dt>{label.checks}</dt>
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

/**
 * Keeps `--totals-bar-height` on the page at the bar's drawn height, for what sticks below it (the line editor,
 * the list of screens): the bar wraps onto a second line in a narrow or zoomed window, more often in Welsh, and
 * a fixed offset let the editor's top slide under it.
 */
function useBarHeight() {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((bar: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    const root = document.documentElement;
    if (!bar) {
      root.style.removeProperty('--totals-bar-height');
      return;
    }
    const measure = () => root.style.setProperty('--totals-bar-height', `${bar.getBoundingClientRect().height}px`);
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(bar);
  }, []);
}
