/** Who is enrolled on the line: places filled, each learner's weeks and share of the cost, and enrolling more. */
import { memo, useCallback, useMemo } from 'react';
import type { Enrolment, Learner } from '../../../../shared/domain';
import type { CostedLineFigures } from '../../../../shared/engine';
import { learnerName, useDisplay, type namesOf } from '../../../display';
import { useMapio } from '../../../state/store';
import { useEnrolmentShares } from '../../../state/enrolmentShares';
import { ButtonCell, DataTable } from '../../../components/DataTable';

export function LineEnrolments(props: { lineId: number; costed: CostedLineFigures | undefined; enrolments: Enrolment[]; names: ReturnType<typeof namesOf>; onEnrol: () => void }) {
  const { costed, enrolments, names } = props;
  const { t } = useDisplay();
  const mutate = useMapio((s) => s.mutate);
  const shares = useEnrolmentShares({ lineId: props.lineId });
  const columns = useMemo(
    () => [{ label: t('learners.col.name') }, { label: t('learner.col.weeks') }, { label: t('line.share'), className: 'num' }, { label: t('learner.col.actions'), hidden: true }],
    [t],
  );
  const remove = useCallback((enrolmentId: number) => void mutate('enrolments.delete', { ids: [enrolmentId] }), [mutate]);
  return (
    <section className="subform" aria-labelledby="line-enrolments">
      <h3 id="line-enrolments">{t('line.enrolments')}</h3>
      {costed ? (
        <div className="capacity">
          <div className="capacity-bar" aria-hidden="true">
            <span className={costed.enrolledLearners > costed.places ? 'over' : ''} style={{ width: `${costed.places ? Math.min(100, (costed.enrolledLearners / costed.places) * 100) : 0}%` }} />
          </div>
          <p data-testid="line-capacity">
            {t('line.capacity', { enrolled: costed.enrolledLearners, count: costed.places })}
            {costed.enrolledLearners > costed.places ? (
              <strong className="warn">
                {' '}
                <span aria-hidden="true">⚠ </span>
                {t('line.overCapacity', { count: costed.enrolledLearners - costed.places })}
              </strong>
            ) : null}
          </p>
        </div>
      ) : null}
      <button type="button" className="primary small" onClick={props.onEnrol} data-testid="enrol-learners">
        {t('line.enrol')}
      </button>
      {enrolments.length === 0 ? (
        <p className="muted">{t('line.noEnrolments')}</p>
      ) : (
        <DataTable className="compact" columns={columns} wrap={false}>
          {enrolments.map((e) => (
            <EnrolmentRow key={e.id} enrolment={e} learner={names.learners.get(e.learnerId)} share={shares?.get(e.id)} onRemove={remove} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

/**
 * One enrolment: its learner, weeks and share. An edit's view keeps the enrolments and learners it did not
 * change, so an edit to the line renders no row again until the new shares arrive (docs/performance.md).
 */
const EnrolmentRow = memo(function EnrolmentRow(props: { enrolment: Enrolment; learner: Learner | undefined; share: number | undefined; onRemove: (enrolmentId: number) => void }) {
  const { t, pounds } = useDisplay();
  const { enrolment: e, learner } = props;
  const name = learner ? learnerName(learner) : t('common.unknownName');
  return (
    <tr>
      <td>{name}</td>
      <td>{t('line.enrolmentWeeks', { start: e.startWeek, end: e.endWeek })}</td>
      <td className="num money">{pounds(props.share)}</td>
      <ButtonCell text={t('common.remove')} label={t('line.removeEnrolment', { name })} onClick={() => props.onRemove(e.id)} />
    </tr>
  );
});
