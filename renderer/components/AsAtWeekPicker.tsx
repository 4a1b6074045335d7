import { useId } from 'react';
import { useDisplay } from '../display';
import { useMapio } from '../state/store';

/**
 * The week the map is viewed at: its figures to date and every check that counts weeks or days are as at
 * that week (its Friday). "This week" follows today; another week stays chosen while the file is open.
 */
export function AsAtWeekPicker() {
  const { t, date } = useDisplay();
  const view = useMapio((s) => s.view);
  const viewAtWeek = useMapio((s) => s.viewAtWeek);
  const id = useId();
  if (!view) return null;
  const weeks = view.data.calendar.weekStarts;
  const chosen = view.viewedOn.chosenWeek;
  const value = chosen === null ? 'today' : String(chosen);
  return (
    <div className="as-at-week">
      <label htmlFor={id}>{t('asAt.label')}</label>
      <select id={id} data-testid="as-at-week" value={value} onChange={(e) => void viewAtWeek(e.target.value === 'today' ? null : Number(e.target.value))}>
        <option value="today">{t('asAt.today')}</option>
        {weeks.map((start, i) => (
          <option key={start} value={String(i + 1)}>
            {t('asAt.week', { week: i + 1, date: date(start) })}
          </option>
        ))}
      </select>
      <span className="as-at-summary" data-testid="as-at-summary">
        {view.costed.asAtWeek === 0 ? t('asAt.beforeYear', { date: date(view.viewedOn.date) }) : t('asAt.summary', { week: view.costed.asAtWeek, date: date(view.viewedOn.date) })}
      </span>
    </div>
  );
}
