import { useId, useRef, useState } from 'react';
import type { Calendar, IsoDate, SchoolYear, Term } from '../../../shared/domain';
import { formatIsoDate } from '../../../shared/i18n/dates';
import { addDays, mondayOf, runsPastWeek, termFieldProblem, weeksFromTerms } from '../../../shared/schoolTerms';
import { academicStartYear, academicYearLabel, defaultWelshCalendar } from '../../../shared/welshTermDates';
import { ConfirmDialog } from '../../components/Dialog';
import { DraftField, useReader, type ReadResult } from '../../components/fields';
import { useDisplay } from '../../display';
import { issueText } from '../../errors/localisedError';
import { readDate, readOptionalDate } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { DataTable } from '../../components/DataTable';
import { ClosedDaysEditor } from './ClosedDaysEditor';
import { AddDateField } from '../../components/AddDateField';

/** The most teaching weeks a calendar may have (shared/schemas.ts). */
const MAX_WEEKS = 53;
/** More teaching weeks than this is more than a Welsh school year holds (about 39): warned, not refused (docs/calendar.md). */
const PLAUSIBLE_WEEKS = 40;

/**
 * The school's terms and teaching weeks. Changing a term's dates makes the weeks again from the terms; a
 * single week can then be removed or added. Lines keep their week numbers, so a change that would leave a
 * line or enrolment running past the last week is refused here, naming them, before anything is saved.
 */
export function CalendarEditor() {
  const { t, lang, date, nameOf } = useDisplay();
  const { fromParsed } = useReader();
  const data = useMapio((s) => s.view?.data);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const selectLine = useMapio((s) => s.selectLine);
  const show = useMapio((s) => s.show);
  const id = useId();
  const [blocked, setBlocked] = useState<{ weeks: number; lines: Array<{ id: number; name: string; end: number }>; enrolments: number } | null>(null);
  const [confirming, setConfirming] = useState<Calendar | null>(null);
  const [addText, setAddText] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  // The terms as a date typed here left them, until that save comes back: a date typed meanwhile builds on
  // them, not on the file's terms before it (on a slow laptop a half-term's end was still saving when its
  // start was typed, and the start was checked against the old end and refused).
  const savingTerms = useRef<Term[] | null>(null);
  if (!data) return null;
  const { weekStarts, terms } = data.calendar;
  /** A term's name by its place in the year: autumn, spring, summer, then "Term 4"… */
  const termName = (i: number): string => (i < 3 ? t(`school.calendar.termName.${['autumn', 'spring', 'summer'][i]}`) : t('school.calendar.termName.other', { n: i + 1 }));
  const schoolYear = academicStartYear(data.school.academicYear);
  const calendarYear = weekStarts[0] ? Number(weekStarts[0].slice(0, 4)) - (Number(weekStarts[0].slice(5, 7)) < 8 ? 1 : 0) : null;

  /** Nothing may run past the new last week: say what would, and save nothing. */
  const fits = (weeks: number): boolean => {
    const past = runsPastWeek(data, weeks);
    if (past.lines.length === 0 && past.enrolments.length === 0) {
      setBlocked(null);
      return true;
    }
    setBlocked({ weeks, lines: past.lines.map((l) => ({ id: l.id, name: nameOf(l), end: l.startWeek + l.weeks - 1 })), enrolments: past.enrolments.length });
    return false;
  };

  /** Save a whole calendar (built from the latest saved one), or say why not. */
  const saveCalendar = async (make: (latest: SchoolYear['calendar']) => Calendar): Promise<string | null> => {
    const next = make(data.calendar);
    if (next.weekStarts.length === 0) return t('school.calendar.noWeeks');
    if (next.weekStarts.length > MAX_WEEKS) return t('school.calendar.tooManyWeeks', { max: MAX_WEEKS });
    if (!fits(next.weekStarts.length)) return t('school.calendar.pastLastWeekShort');
    const outcome = await mutateFrom('calendar.set', (v) => make(v.data.calendar), { fieldErrors: true });
    return outcome ? problemOf(outcome) : null;
  };

  /** A term's date changed: check the terms, make the weeks from them, save both. */
  const changeTerm =
    (i: number, field: keyof Term) =>
    async (value: IsoDate | null): Promise<string | null> => {
      const latest = savingTerms.current ?? useMapio.getState().view?.data.calendar.terms ?? terms;
      const nextTerms = latest.map((x, j) => (j === i ? { ...x, [field]: value } : x)) as Term[];
      // Said beside the date just typed, in words about that date (docs/calendar.md).
      const problem = termFieldProblem(nextTerms, i, field, schoolYear);
      if (problem) return issueText(problem, lang);
      savingTerms.current = nextTerms;
      try {
        return await saveCalendar((c) => ({ ...c, terms: nextTerms, weekStarts: weeksFromTerms(nextTerms) }));
      } finally {
        if (savingTerms.current === nextTerms) savingTerms.current = null;
      }
    };

  const removeTerm = (i: number) => {
    const nextTerms = terms.filter((_, j) => j !== i);
    void saveCalendar((c) => ({ ...c, terms: nextTerms, weekStarts: nextTerms.length ? weeksFromTerms(nextTerms) : weekStarts }));
  };
  const addTerm = () => {
    const last = terms[terms.length - 1];
    const startsOn = last ? mondayOf(addDays(last.endsOn, 17)) : (weekStarts[0] ?? `${schoolYear}-09-01`);
    const term: Term = { startsOn, endsOn: addDays(startsOn, 7 * 6 - 3), halfTermStartsOn: null, halfTermEndsOn: null };
    const nextTerms = [...terms, term];
    void saveCalendar((c) => ({ ...c, terms: nextTerms, weekStarts: weeksFromTerms(nextTerms) }));
  };

  const removeWeek = (monday: IsoDate) => void saveCalendar((c) => ({ ...c, weekStarts: c.weekStarts.filter((w) => w !== monday) }));
  const addWeek = async () => {
    const read = readDate(addText);
    if (!read.ok) {
      setAddProblem(t(read.error, read.params ?? {}));
      return;
    }
    const monday = mondayOf(read.value);
    if (weekStarts.includes(monday)) {
      setAddProblem(t('school.calendar.weekExists', { date: formatIsoDate(monday, lang, 'long') }));
      return;
    }
    const problem = await saveCalendar((c) => ({ ...c, weekStarts: [...c.weekStarts, monday].sort() }));
    setAddProblem(problem);
    if (!problem) setAddText('');
  };

  const dateField = (i: number, field: keyof Term, label: string, optional: boolean) => (
    <DraftField<IsoDate | null>
      label={`${termName(i)}: ${label}`}
      hideLabel
      value={terms[i]?.[field] ?? null}
      format={(v) => (v ? formatIsoDate(v, lang, 'long') : '')}
      read={(x): ReadResult<IsoDate | null> => (optional ? fromParsed(readOptionalDate(x)) : fromParsed(readDate(x)))}
      commit={changeTerm(i, field)}
      testId={`term-${i}-${field}`}
    />
  );

  // Weeks grouped under the term they fall in (a week added outside every term is listed on its own).
  const termOfWeek = (monday: IsoDate) => terms.findIndex((x) => addDays(monday, 4) >= x.startsOn && monday <= x.endsOn);
  const groups: Array<{ title: string; weeks: Array<{ n: number; monday: IsoDate }> }> = [];
  weekStarts.forEach((monday, k) => {
    const ti = termOfWeek(monday);
    const title = ti >= 0 ? termName(ti) : t('school.calendar.outsideTerms');
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.weeks.push({ n: k + 1, monday });
    else groups.push({ title, weeks: [{ n: k + 1, monday }] });
  });
  const beforeApril = weekStarts.filter((w) => w < `${Number(weekStarts[0]?.slice(0, 4) ?? schoolYear) + 1}-04-01`).length;

  return (
    <div className="calendar-editor" data-testid="calendar-editor">
      <p className="strong" data-testid="calendar-summary">
        {weekStarts.length > 0
          ? t('school.calendar.summary', { weeks: weekStarts.length, first: date(weekStarts[0] ?? null), last: date(weekStarts[weekStarts.length - 1] ?? null), beforeApril })
          : t('school.calendar.noWeeks')}
      </p>
      {calendarYear !== null && calendarYear !== schoolYear ? (
        <p className="notice notice-warn" role="status">
          {t('school.calendar.otherYear', { calendar: academicYearLabel(calendarYear), school: data.school.academicYear })}
        </p>
      ) : null}

      {blocked ? (
        <div className="notice notice-bad" role="alert" data-testid="calendar-blocked">
          <p>{t('school.calendar.pastLastWeek', { weeks: blocked.weeks })}</p>
          <ul>
            {blocked.lines.map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    selectLine(l.id);
                    show('map');
                  }}
                >
                  {l.name}
                </button>{' '}
                {t('school.calendar.pastLine', { week: l.end })}
              </li>
            ))}
            {blocked.enrolments > 0 ? <li>{t('school.calendar.pastEnrolments', { count: blocked.enrolments, weeks: blocked.weeks })}</li> : null}
          </ul>
        </div>
      ) : null}

      <fieldset className="subform">
        <legend>{t('school.calendar.generateTitle')}</legend>
        <p className="field-hint">{t('school.calendar.generateHint')}</p>
        <div className="row-fields">
          <button type="button" onClick={() => setConfirming(defaultWelshCalendar(schoolYear))} data-testid="calendar-generate">
            {t('school.calendar.generate', { year: data.school.academicYear })}
          </button>
        </div>
      </fieldset>

      <section aria-labelledby={`${id}-terms`}>
        <h3 id={`${id}-terms`}>{t('school.calendar.terms')}</h3>
        <p className="field-hint">{t('school.calendar.halfTermHint')}</p>
        {terms.length === 0 ? (
          <p className="empty">{t('school.calendar.noTerms')}</p>
        ) : (
          <DataTable
            className="terms-table"
            columns={[
              { label: t('school.calendar.col.term') },
              { label: t('school.calendar.startsOn') },
              { label: t('school.calendar.halfTermStarts') },
              { label: t('school.calendar.halfTermEnds') },
              { label: t('school.calendar.endsOn') },
              { label: t('school.calendar.col.actions'), hidden: true },
            ]}
          >
            {terms.map((_term, i) => (
              <tr key={i} data-testid={`term-${i}`}>
                <th scope="row">{termName(i)}</th>
                <td>{dateField(i, 'startsOn', t('school.calendar.startsOn'), false)}</td>
                <td>{dateField(i, 'halfTermStartsOn', t('school.calendar.halfTermStarts'), true)}</td>
                <td>{dateField(i, 'halfTermEndsOn', t('school.calendar.halfTermEnds'), true)}</td>
                <td>{dateField(i, 'endsOn', t('school.calendar.endsOn'), false)}</td>
                <td>
                  <button type="button" className="small" onClick={() => removeTerm(i)} aria-label={t('school.calendar.removeTerm', { name: termName(i) })} disabled={terms.length === 1}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {weekStarts.length > PLAUSIBLE_WEEKS ? (
          <p className="notice notice-warn" role="status" data-testid="calendar-many-weeks">
            {t('school.calendar.manyWeeks', { weeks: weekStarts.length })}
          </p>
        ) : null}
        <button type="button" className="small" onClick={addTerm}>
          + {t('school.calendar.addTerm')}
        </button>
      </section>

      <section aria-labelledby={`${id}-weeks`}>
        <h3 id={`${id}-weeks`}>{t('school.calendar.weeks')}</h3>
        <p className="field-hint">{t('school.calendar.weeksIntro')}</p>
        {groups.map((g, gi) => (
          <div key={`${g.title}-${gi}`} className="week-group">
            <h4>{g.title}</h4>
            <ul className="week-list">
              {g.weeks.map(({ n, monday }) => (
                <li key={monday} data-testid={`week-${n}`}>
                  <span className="week-number">{t('school.calendar.weekN', { n })}</span>
                  <span className="week-date">{date(monday)}</span>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => removeWeek(monday)}
                    aria-label={t('school.calendar.removeWeek', { n, date: formatIsoDate(monday, lang, 'long') })}
                    title={t('school.calendar.removeWeek', { n, date: formatIsoDate(monday, lang, 'long') })}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <AddDateField
          label={t('school.calendar.addWeekDate')}
          buttonLabel={t('school.calendar.addWeekButton')}
          value={addText}
          problem={addProblem}
          onChange={(text) => {
            setAddText(text);
            setAddProblem(null);
          }}
          onAdd={() => void addWeek()}
          testId="calendar-add-week"
        />
      </section>

      <ClosedDaysEditor />

      {confirming ? (
        <ConfirmDialog
          title={t('school.calendar.generateConfirmTitle')}
          body={<p>{t('school.calendar.generateConfirmBody', { year: data.school.academicYear, weeks: confirming.weekStarts.length })}</p>}
          confirmLabel={t('school.calendar.generate', { year: data.school.academicYear })}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const next = confirming;
            setConfirming(null);
            void saveCalendar(() => next);
          }}
        />
      ) : null}
    </div>
  );
}
