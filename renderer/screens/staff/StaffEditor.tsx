import { useId, useState } from 'react';
import { STAFF_ROLES, type HourlyCostBasis, type StaffMember } from '../../../shared/domain';
import { deriveHourlyCost } from '../../../shared/engine/hourlyCost';
import { MoneyParseError, parsePounds } from '../../../shared/money';
import { ConfirmDialog } from '../../components/Dialog';
import { EditorPanel, useEscapeClosesEditor } from '../../components/EditorPanel';
import { CheckboxField, DraftField, poundsForField, SelectField, useReader, type Commit } from '../../components/fields';
import { namesOf, useDisplay } from '../../display';
import { formatHundredths, formatMinutesAsHours, readHoursAsMinutes, readHundredths, readPercentAsBasisPoints } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';

type StaffChanges = Partial<Omit<StaffMember, 'id'>>;

export function StaffEditor(props: { staff: StaffMember; onClose: () => void }) {
  const { t, pounds, hours } = useDisplay();
  const { fromParsed, money } = useReader();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const [deleting, setDeleting] = useState(false);
  const s = props.staff;

  useEscapeClosesEditor(props.onClose);

  if (!view) return null;
  const names = namesOf(view.data);
  const allocation = view.costed.staff.find((a) => a.staffId === s.id);
  const save: Commit<StaffChanges> = async (changes) => problemOf(await mutate('staff.update', { id: s.id, changes }, { fieldErrors: true }));
  const field =
    <K extends keyof StaffChanges>(key: K): Commit<NonNullable<StaffChanges[K]>> =>
    (value) =>
      save({ [key]: value } as StaffChanges);

  return (
    <EditorPanel
      titleId="staff-editor-title"
      testId="staff-editor"
      eyebrow={t('staff.editorTitle')}
      name={s.name}
      closeLabel={t('common.close')}
      onClose={props.onClose}
      actions={
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          {t('common.delete')}
        </button>
      }
    >
      <div className="editor-body">
        {allocation ? (
          <section className="figures">
            <dl className="figure-list single">
              <div>
                <dt>{t('staff.col.contracted')}</dt>
                <dd>{hours(allocation.contractedMinutesPerWeek)}</dd>
              </div>
              <div>
                <dt>{t('staff.col.allocated')}</dt>
                <dd>{hours(allocation.peakAllocatedMinutesPerWeek)}</dd>
              </div>
              <div>
                <dt>{t('staff.col.status')}</dt>
                <dd>
                  {allocation.overAllocated ? (
                    <span className="pill pill-bad">
                      <span aria-hidden="true">⚠ </span>
                      {t('staff.overAllocated')}
                    </span>
                  ) : (
                    <span className="pill pill-good">
                      <span aria-hidden="true">✓ </span>
                      {t('staff.withinHours')}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('staff.col.cost')}</dt>
                <dd className="money">{pounds(allocation.costPence)}</dd>
              </div>
              <div className="wide">
                <dt>{t('staff.linesDelivered')}</dt>
                <dd>{allocation.lineIds.map((id) => names.lines.get(id)?.name).filter(Boolean).join(', ') || t('staff.noLines')}</dd>
              </div>
            </dl>
          </section>
        ) : null}
        <div className="form-grid">
          <DraftField
            className="span-2"
            label={t('staff.field.name')}
            value={s.name}
            format={(v) => v}
            read={(x) => (x.trim() === '' ? { ok: false, message: t('errors.required') } : { ok: true, value: x.trim() })}
            commit={field('name')}
          />
          <SelectField label={t('staff.field.role')} value={s.role} options={STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.staffRole.${r}`) }))} commit={field('role')} />
          <DraftField
            className="money-field"
            label={t('staff.field.hourlyCost')}
            value={s.hourlyCostPence}
            format={poundsForField}
            inputMode="decimal"
            read={money}
            commit={(p) => save({ hourlyCostPence: p, hourlyCostBasis: null })}
            testId="staff-hourly"
          />
          <DraftField
            label={t('staff.field.contractedHours')}
            hint={t('staff.field.hoursHint')}
            value={s.contractedMinutesPerWeek}
            format={formatMinutesAsHours}
            inputMode="decimal"
            read={(x) => fromParsed(readHoursAsMinutes(x))}
            commit={field('contractedMinutesPerWeek')}
          />
          <div className="span-2">
            <CheckboxField label={t('staff.field.isPlaceholder')} checked={s.isPlaceholder} commit={field('isPlaceholder')} />
            <CheckboxField label={t('staff.field.worksInWelsh')} checked={s.worksInWelsh} commit={field('worksInWelsh')} />
          </div>
        </div>
        <HourlyCalculator basis={s.hourlyCostBasis} onUse={(basis, pence) => save({ hourlyCostPence: pence, hourlyCostBasis: basis })} />
      </div>
      {deleting ? (
        <ConfirmDialog
          danger
          title={t('staff.deleteTitle')}
          body={<p>{t('staff.deleteBody', { name: s.name })}</p>}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            setDeleting(false);
            const outcome = await mutate('staff.delete', { id: s.id });
            if (outcome.ok) props.onClose();
          }}
        />
      ) : null}
    </EditorPanel>
  );
}

/** Salary, on-costs, paid weeks and hours → the hourly figure (shared/engine/hourlyCost.ts works it out). */
function HourlyCalculator(props: { basis: HourlyCostBasis | null; onUse: (basis: HourlyCostBasis, pence: number) => Promise<string | null> }) {
  const { t, pounds, lang } = useDisplay();
  const id = useId();
  const b = props.basis;
  const [salary, setSalary] = useState(b ? poundsForField(b.annualSalaryPence) : '');
  const [onCost, setOnCost] = useState(b ? formatHundredths(b.onCostBasisPoints) : '');
  const [weeks, setWeeks] = useState(b ? formatHundredths(b.paidWeeksHundredths) : '38.6');
  const [hoursText, setHours] = useState(b ? formatMinutesAsHours(b.paidMinutesPerWeek) : '');
  const [problem, setProblem] = useState<string | null>(null);

  let salaryPence: number | null = null;
  let salaryError: string | null = null;
  if (salary.trim() !== '') {
    try {
      salaryPence = parsePounds(salary);
    } catch (e) {
      salaryError = e instanceof MoneyParseError ? (lang === 'en' ? e.message : t('errors.money')) : String(e);
    }
  }
  const onCostBp = onCost.trim() === '' ? null : readPercentAsBasisPoints(onCost);
  const weeksH = weeks.trim() === '' ? null : readHundredths(weeks);
  const minutes = hoursText.trim() === '' ? null : readHoursAsMinutes(hoursText);

  let basis: HourlyCostBasis | null = null;
  let result: number | null = null;
  if (salaryPence !== null && onCostBp?.ok && weeksH?.ok && weeksH.value >= 100 && minutes?.ok && minutes.value > 0) {
    basis = { annualSalaryPence: salaryPence, onCostBasisPoints: onCostBp.value, paidWeeksHundredths: weeksH.value, paidMinutesPerWeek: minutes.value };
    try {
      result = deriveHourlyCost(basis);
    } catch {
      result = null;
    }
  }
  const errorFor = (p: { ok: boolean; error?: string } | null, fallback: string) => (p && !p.ok ? fallback : null);
  const inputs: Array<{ key: string; label: string; value: string; set: (v: string) => void; error: string | null }> = [
    { key: 'salary', label: t('staff.calculator.salary'), value: salary, set: setSalary, error: salaryError },
    { key: 'oncost', label: t('staff.calculator.onCost'), value: onCost, set: setOnCost, error: errorFor(onCostBp, t('staff.calculator.percentInvalid')) },
    { key: 'weeks', label: t('staff.calculator.paidWeeks'), value: weeks, set: setWeeks, error: weeksH === null || (weeksH.ok && weeksH.value >= 100) ? null : t('staff.calculator.weeksInvalid') },
    { key: 'hours', label: t('staff.calculator.hoursPerWeek'), value: hoursText, set: setHours, error: errorFor(minutes, t('errors.hours')) },
  ];

  return (
    <fieldset className="subform" data-testid="hourly-calculator">
      <legend>{t('staff.calculator.title')}</legend>
      <p className="field-hint">{t('staff.calculator.intro')}</p>
      <div className="form-grid">
        {inputs.map((f) => (
          <div key={f.key} className={`field ${f.error ? 'field-error' : ''}`}>
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input
              id={`${id}-${f.key}`}
              type="text"
              inputMode="decimal"
              value={f.value}
              aria-invalid={f.error ? true : undefined}
              aria-describedby={f.error ? `${id}-${f.key}-error` : undefined}
              onChange={(e) => f.set(e.target.value)}
            />
            {f.error ? (
              <p id={`${id}-${f.key}-error`} className="field-message">
                {f.error}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <p aria-live="polite" className="strong" data-testid="calculator-result">
        {result !== null ? t('staff.calculator.result', { amount: pounds(result) }) : t('staff.calculator.incomplete')}
      </p>
      <button
        type="button"
        className="primary small"
        disabled={result === null || basis === null}
        onClick={async () => {
          if (basis && result !== null) setProblem(await props.onUse(basis, result));
        }}
      >
        {t('staff.calculator.use')}
      </button>
      {problem ? (
        <p className="field-message" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
