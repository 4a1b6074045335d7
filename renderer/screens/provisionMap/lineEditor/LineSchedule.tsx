/** When and how often the line runs: minutes, sessions a week, its weeks, groups and places. */
import type { InterventionLine, SchoolYear } from '../../../../shared/domain';
import { MAX_GROUPS, MAX_PLACES_PER_GROUP } from '../../../../shared/limits';
import { DraftField, useReader } from '../../../components/fields';
import { useDisplay } from '../../../display';
import { formatHundredths, readMinutes, readSessionMinutes, readSessionsPerWeek, readWeek, readWholeNumber } from '../../../forms/parse';
import type { FieldCommit, FieldPrepare, LineChanges } from './lineEdits';

export function LineSchedule({ line, data, field, prepare }: { line: InterventionLine; data: SchoolYear; field: FieldCommit; prepare: FieldPrepare }) {
  const { t, date } = useDisplay();
  const { fromParsed } = useReader();
  /** A field's commit and the figures worked out ahead while it is typed, always for the same field of the line. */
  const saving = <K extends keyof LineChanges>(key: K) => ({ commit: field(key), prepare: prepare(key) });
  const lastWeek = data.calendar.weekStarts.length || 38;
  const readStartWeek = (text: string) => {
    const r = fromParsed(readWeek(text, lastWeek));
    if (r.ok && r.value + line.weeks - 1 > lastWeek) return { ok: false as const, message: t('errors.runBeyondYear', { last: lastWeek }) };
    return r;
  };
  const readWeeks = (text: string) => {
    const r = fromParsed(readWholeNumber(text, 1, lastWeek));
    if (r.ok && line.startWeek + r.value - 1 > lastWeek) return { ok: false as const, message: t('errors.runBeyondYear', { last: lastWeek }) };
    return r;
  };
  const startDate = data.calendar.weekStarts[line.startWeek - 1] ?? null;
  return (
    <div className="form-grid">
      <DraftField
        label={t('line.minutesPerSession')}
        value={line.minutesPerSession}
        format={String}
        inputMode="numeric"
        suffix={t('common.minUnit')}
        read={(s) => fromParsed(readSessionMinutes(s, line.sessionsPerWeekHundredths))}
        {...saving('minutesPerSession')}
        testId="line-minutes"
      />
      <DraftField
        label={t('line.planningMinutes')}
        value={line.planningMinutesPerSession}
        format={String}
        inputMode="numeric"
        suffix={t('common.minUnit')}
        read={(s) => fromParsed(readMinutes(s))}
        {...saving('planningMinutesPerSession')}
      />
      <DraftField
        label={t('line.sessionsPerWeek')}
        hint={t('line.sessionsPerWeekHint')}
        value={line.sessionsPerWeekHundredths}
        format={formatHundredths}
        inputMode="decimal"
        read={(s) => fromParsed(readSessionsPerWeek(s, line.minutesPerSession))}
        {...saving('sessionsPerWeekHundredths')}
        testId="line-sessions"
      />
      <DraftField
        label={t('line.startWeek')}
        hint={startDate ? t('line.startWeekHint', { first: 1, last: lastWeek, week: line.startWeek, date: date(startDate) }) : undefined}
        value={line.startWeek}
        format={String}
        inputMode="numeric"
        read={readStartWeek}
        {...saving('startWeek')}
        testId="line-start-week"
      />
      <DraftField label={t('line.weeks')} value={line.weeks} format={String} inputMode="numeric" read={readWeeks} {...saving('weeks')} testId="line-weeks" />
      <DraftField label={t('line.groups')} value={line.groups} format={String} inputMode="numeric" read={(s) => fromParsed(readWholeNumber(s, 1, MAX_GROUPS))} {...saving('groups')} />
      <DraftField
        label={t('line.groupCapacity')}
        value={line.groupCapacity}
        format={String}
        inputMode="numeric"
        read={(s) => fromParsed(readWholeNumber(s, 1, MAX_PLACES_PER_GROUP))}
        {...saving('groupCapacity')}
      />
    </div>
  );
}
