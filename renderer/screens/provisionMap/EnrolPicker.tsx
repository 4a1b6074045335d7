import { useId, useMemo, useState } from 'react';
import type { InterventionLine } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { learnerName, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { useReader } from '../../components/fields';
import { searchMatcher } from '../../../shared/searchText';
import { lineRun, readEnrolmentWeeks } from '../learners/enrolmentWeeks';
import { FieldMessage } from '../../components/FieldMessage';

const MAX_SHOWN = 200;

/** Pick learners (search, tick several) and enrol them on a line in one call. */
export function EnrolPicker(props: { line: InterventionLine; onClose: () => void }) {
  const { t, yearGroup, nameOf } = useDisplay();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const run = lineRun(props.line);
  const [startText, setStartText] = useState(String(run.start));
  const [endText, setEndText] = useState(String(run.end));
  const [weekErrors, setWeekErrors] = useState<{ start: string | null; end: string | null }>({ start: null, end: null });
  const { fromParsed } = useReader();
  const id = useId();

  const enrolled = useMemo(() => new Set((view?.data.enrolments ?? []).filter((e) => e.lineId === props.line.id).map((e) => e.learnerId)), [view, props.line.id]);
  const matches = useMemo(() => {
    const matches = searchMatcher(query);
    const all = view?.data.learners ?? [];
    return all.filter((l) => matches(l.name, l.ref));
  }, [view, query]);
  if (!view) return null;

  const toggle = (learnerId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(learnerId);
    else next.delete(learnerId);
    setChosen(next);
  };

  const enrol = async () => {
    if (chosen.size === 0) return;
    const weeks = readEnrolmentWeeks(startText, endText, view.data.calendar.weekStarts.length || 38);
    const start = fromParsed(weeks.start);
    const end = fromParsed(weeks.end);
    setWeekErrors({ start: start.ok ? null : start.message, end: end.ok ? null : end.message });
    if (!start.ok || !end.ok) return;
    setBusy(true);
    const outcome = await mutate('enrolments.createMany', { lineId: props.line.id, learnerIds: [...chosen], startWeek: start.value, endWeek: end.value });
    setBusy(false);
    if (outcome.ok) props.onClose();
  };

  const shown = matches.slice(0, MAX_SHOWN);
  return (
    <Dialog
      wide
      title={t('enrolPicker.title', { name: nameOf(props.line) })}
      onClose={props.onClose}
      footer={
        <>
          <span className="muted" aria-live="polite">
            {t('enrolPicker.selectedCount', { count: chosen.size })}
          </span>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={() => void enrol()} data-testid="enrol-selected">
            {t('enrolPicker.enrolSelected')}
          </button>
        </>
      }
    >
      <fieldset className="subform enrol-weeks">
        <legend>{t('enrolWeeks.legend')}</legend>
        <p className="field-hint">{t('enrolWeeks.hint', { start: run.start, end: run.end })}</p>
        <div className="row-fields">
          {(
            [
              ['start', startText, setStartText, t('enrolWeeks.start')],
              ['end', endText, setEndText, t('enrolWeeks.end')],
            ] as const
          ).map(([key, text, setText, label]) => (
            <div key={key} className={`field narrow ${weekErrors[key] ? 'field-error' : ''}`}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <input
                id={`${id}-${key}`}
                type="text"
                inputMode="numeric"
                value={text}
                data-testid={`enrol-${key}-week`}
                aria-invalid={weekErrors[key] ? true : undefined}
                aria-describedby={weekErrors[key] ? `${id}-${key}-error` : undefined}
                onChange={(e) => setText(e.target.value)}
              />
              {weekErrors[key] ? (
                <FieldMessage id={`${id}-${key}-error`}>
                  <span aria-hidden="true">⚠ </span>
                  {weekErrors[key]}
                </FieldMessage>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('enrolPicker.search')}</label>
        <input id={`${id}-search`} type="search" value={query} data-autofocus onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="muted" aria-live="polite">
        {matches.length > MAX_SHOWN ? t('enrolPicker.tooMany', { shown: MAX_SHOWN, count: matches.length }) : t('enrolPicker.results', { count: matches.length })}
      </p>
      {shown.length === 0 ? (
        <p>{t('enrolPicker.noLearners')}</p>
      ) : (
        <ul className="pick-list" aria-label={t('nav.learners')}>
          {shown.map((l) => {
            const already = enrolled.has(l.id);
            const inputId = `${id}-l${l.id}`;
            return (
              <li key={l.id}>
                <input id={inputId} type="checkbox" disabled={already} checked={already || chosen.has(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} />
                <label htmlFor={inputId}>
                  <span className="pick-name">{learnerName(l)}</span>
                  <span className="muted">
                    {' '}
                    · {yearGroup(l.yearGroup)} · {t(`enums.alnStatus.${l.alnStatus}`)} · {l.ref}
                    {already ? ` · ${t('enrolPicker.alreadyEnrolled')}` : ''}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
