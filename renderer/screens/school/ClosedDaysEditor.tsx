import { useId, useState } from 'react';
import type { IsoDate } from '../../../shared/domain';
import { formatIsoDate } from '../../../shared/i18n/dates';
import { isTermDay, weekdayIndex } from '../../../shared/schoolTerms';
import { useDisplay } from '../../display';
import { readDate } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { AddDateField } from '../../components/AddDateField';

/**
 * Days inside the terms the school is closed to learners (INSET days, a bank holiday, a closure). They are
 * not school days, so the ALN decision clock does not count them (docs/calendar.md, "School days").
 * The teaching weeks and every cost stay as they are.
 */
export function ClosedDaysEditor() {
  const { t, lang } = useDisplay();
  const calendar = useMapio((s) => s.view?.data.calendar);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!calendar) return null;
  const closed = [...calendar.closedDays].sort();

  const save = async (make: (days: IsoDate[]) => IsoDate[]): Promise<string | null> => {
    const outcome = await mutateFrom('calendar.set', (v) => ({ ...v.data.calendar, closedDays: make(v.data.calendar.closedDays) }), { fieldErrors: true });
    return outcome ? problemOf(outcome) : null;
  };

  const add = async () => {
    const read = readDate(text);
    if (!read.ok) return setProblem(t(read.error, read.params ?? {}));
    const day = read.value;
    const long = formatIsoDate(day, lang, 'long');
    if (weekdayIndex(day) > 4) return setProblem(t('school.calendar.closedWeekend', { date: long }));
    if (calendar.terms.length > 0 && !isTermDay(calendar.terms, day)) return setProblem(t('school.calendar.closedNotTermDay', { date: long }));
    if (closed.includes(day)) return setProblem(t('school.calendar.closedAlready', { date: long }));
    const failed = await save((days) => [...days.filter((d) => d !== day), day].sort());
    setProblem(failed);
    if (!failed) setText('');
  };

  return (
    <section aria-labelledby={`${id}-closed`} data-testid="closed-days">
      <h3 id={`${id}-closed`}>{t('school.calendar.closedDays')}</h3>
      <p className="field-hint">{t('school.calendar.closedDaysIntro')}</p>
      {closed.length === 0 ? (
        <p className="empty">{t('school.calendar.noClosedDays')}</p>
      ) : (
        <ul className="week-list">
          {closed.map((day) => (
            <li key={day}>
              <span className="week-date">{formatIsoDate(day, lang, 'long')}</span>
              <button
                type="button"
                className="icon-button"
                onClick={() => void save((days) => days.filter((d) => d !== day))}
                aria-label={t('school.calendar.removeClosedDay', { date: formatIsoDate(day, lang, 'long') })}
                title={t('school.calendar.removeClosedDay', { date: formatIsoDate(day, lang, 'long') })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddDateField
        label={t('school.calendar.addClosedDay')}
        buttonLabel={t('school.calendar.addClosedDayButton')}
        value={text}
        problem={problem}
        onChange={(value) => {
          setText(value);
          setProblem(null);
        }}
        onAdd={() => void add()}
        testId="calendar-add-closed-day"
      />
    </section>
  );
}
