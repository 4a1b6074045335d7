import { learnerName, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { DecisionClockText } from '../learners/DecisionClockText';

/** Learners referred for an ALN decision and still waiting, in due order, each a way to their page. */
export function DecisionsDueCard() {
  const { t } = useDisplay();
  const view = useMapio((s) => s.view);
  const openLearner = useMapio((s) => s.openLearner);
  if (!view) return null;
  const decisions = view.costed.decisions;
  const learners = new Map(view.data.learners.map((l) => [l.id, l]));
  return (
    <section className="card decisions-due" aria-labelledby="decisions-due" data-testid="decisions-due">
      <h2 id="decisions-due">{t('dashboard.decisionsDue', { count: decisions.length })}</h2>
      {decisions.length === 0 ? (
        <p>{t('dashboard.noDecisionsDue')}</p>
      ) : (
        <ol className="decision-list">
          {decisions.map((d) => {
            const learner = learners.get(d.learnerId);
            if (!learner) return null;
            return (
              <li key={d.learnerId}>
                <button type="button" className="link-button" onClick={() => openLearner(learner.id)}>
                  {learnerName(learner)}
                </button>{' '}
                <DecisionClockText learner={learner} clock={d} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
