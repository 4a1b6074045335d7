import type { Enrolment } from '../../../shared/domain';
import { DraftField, useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { problemOf, useMapio } from '../../state/store';
import { readEnrolmentWeeks } from './enrolmentWeeks';

/** An enrolment's start and end week, each saved as typed and refused beside the field when it doesn't fit. */
export function EnrolmentWeeks(props: { enrolment: Enrolment; lineName: string; lastWeek: number }) {
  const { t } = useDisplay();
  const { fromParsed } = useReader();
  const mutate = useMapio((s) => s.mutate);
  const { enrolment: e, lineName, lastWeek } = props;
  const save = async (changes: { startWeek?: number; endWeek?: number }) => problemOf(await mutate('enrolments.update', { id: e.id, changes }, { fieldErrors: true }));
  return (
    <div className="week-pair">
      <DraftField
        hideLabel
        className="narrow"
        label={t('enrolWeeks.startFor', { line: lineName })}
        value={e.startWeek}
        format={String}
        inputMode="numeric"
        read={(s) => {
          const r = readEnrolmentWeeks(s, String(e.endWeek), lastWeek);
          if (r.start.ok && r.start.value > e.endWeek) return { ok: false, message: t('enrolWeeks.startAfterEnd', { end: e.endWeek }) };
          return fromParsed(r.start);
        }}
        commit={(startWeek) => save({ startWeek })}
        testId={`enrolment-start-${e.id}`}
      />
      <span aria-hidden="true">–</span>
      <DraftField
        hideLabel
        className="narrow"
        label={t('enrolWeeks.endFor', { line: lineName })}
        value={e.endWeek}
        format={String}
        inputMode="numeric"
        read={(s) => fromParsed(readEnrolmentWeeks(String(e.startWeek), s, lastWeek).end)}
        commit={(endWeek) => save({ endWeek })}
        testId={`enrolment-end-${e.id}`}
      />
    </div>
  );
}
