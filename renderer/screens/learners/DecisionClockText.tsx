import type { Learner } from '../../../shared/domain';
import type { AlnDecisionClock } from '../../../shared/engine';
import { useDisplay } from '../../display';

/** Where a learner's ALN decision stands: given, or due on a date with the school days left (or overdue). */
export function DecisionClockText({ learner, clock }: { learner: Learner; clock: AlnDecisionClock | undefined }) {
  const { t, date } = useDisplay();
  if (!clock) return <>{learner.decidedOn ? t('learner.decisionGiven', { date: date(learner.decidedOn) }) : t('learner.decisionClosedByIdp')}</>;
  const due = clock.dueOn ? date(clock.dueOn) : t('checks.dueAfterYear', { count: clock.schoolDaysAfterYear });
  const by = t(`checks.decidedBy.${clock.decider}`);
  if (clock.state === 'overdue') {
    return (
      <span className="decision-overdue">
        <span aria-hidden="true">⚠ </span>
        {t('learner.decisionOverdue', { due, by, count: clock.daysOverdue })}
      </span>
    );
  }
  return <span className={clock.state === 'due_soon' ? 'decision-soon' : undefined}>{t('learner.decisionDue', { due, by, left: t('checks.schoolDays', { count: clock.schoolDaysLeft }) })}</span>;
}
