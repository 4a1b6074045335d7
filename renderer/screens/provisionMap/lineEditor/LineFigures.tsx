/** The line's figures: its cost, staff and non-staff costs, cost to date, per learner and per place, and the split by financial year. */
import type { CostedLineFigures } from '../../../../shared/engine';
import { useDisplay } from '../../../display';

export function LineFigures({ costed }: { costed: CostedLineFigures | undefined }) {
  const { t, pounds } = useDisplay();
  return (
    <section className="figures" aria-labelledby="line-figures">
      <h3 id="line-figures">{t('line.figures')}</h3>
      {costed ? (
        <dl className="figure-list">
          <div>
            <dt>{t('line.cost')}</dt>
            <dd className="money strong" data-testid="editor-line-cost">
              {pounds(costed.costPence)}
            </dd>
          </div>
          <div>
            <dt>{t('line.staffCost')}</dt>
            <dd className="money">{pounds(costed.staffCostPence)}</dd>
          </div>
          <div>
            <dt>{t('line.nonStaffCost')}</dt>
            <dd className="money">{pounds(costed.nonStaffCostPence)}</dd>
          </div>
          <div>
            <dt>{t('line.costToDate')}</dt>
            <dd className="money">{pounds(costed.costToDatePence)}</dd>
          </div>
          <div>
            <dt>{t('map.col.costPerLearner')}</dt>
            <dd className="money">{pounds(costed.costPerLearnerPence)}</dd>
          </div>
          <div>
            <dt>{t('map.col.costPerPlace')}</dt>
            <dd className="money">{pounds(costed.costPerPlacePence)}</dd>
          </div>
          <div className="wide">
            <dt>{t('line.financialYears')}</dt>
            <dd>
              {costed.financialYears.years.map((y, i) => (
                <span key={y} className="fy">
                  {t('line.fyValue', {
                    year: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
                    amount: pounds(costed.financialYears.pence[i]),
                  })}
                </span>
              ))}
            </dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
