import { useId, useState } from 'react';
import type { HourlyCostBasis } from '../../../shared/domain';
import { deriveHourlyCost } from '../../../shared/engine';
import { poundsForField, useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { CONTRACT_HOURS, formatHundredths, formatMinutesAsHours, readHoursAsMinutes, readPaidWeeks, readPercentAsBasisPoints } from '../../forms/parse';
import { FieldMessage } from '../../components/FieldMessage';

/** Salary, on-costs, paid weeks and hours → the hourly figure (shared/engine/hourlyCost.ts works it out). */
export function HourlyCalculator(props: { basis: HourlyCostBasis | null; onUse: (basis: HourlyCostBasis, pence: number) => Promise<string | null> }) {
  const { t, pounds } = useDisplay();
  const { money, fromParsed } = useReader();
  const id = useId();
  const b = props.basis;
  const [salary, setSalary] = useState(b ? poundsForField(b.annualSalaryPence) : '');
  const [onCost, setOnCost] = useState(b ? formatHundredths(b.onCostBasisPoints) : '');
  const [weeks, setWeeks] = useState(b ? formatHundredths(b.paidWeeksHundredths) : '38.6');
  const [hoursText, setHours] = useState(b ? formatMinutesAsHours(b.paidMinutesPerWeek) : '');
  const [problem, setProblem] = useState<string | null>(null);

  // Read and refused as every other money field is (useReader's money): the refusal names the allowed range.
  const salaryRead = salary.trim() === '' ? null : money(salary);
  const salaryPence = salaryRead?.ok ? salaryRead.value : null;
  const salaryError = salaryRead && !salaryRead.ok ? salaryRead.message : null;
  const onCostBp = onCost.trim() === '' ? null : fromParsed(readPercentAsBasisPoints(onCost));
  const weeksH = weeks.trim() === '' ? null : fromParsed(readPaidWeeks(weeks));
  const minutes = hoursText.trim() === '' ? null : fromParsed(readHoursAsMinutes(hoursText, CONTRACT_HOURS));

  let basis: HourlyCostBasis | null = null;
  let result: number | null = null;
  if (salaryPence !== null && onCostBp?.ok && weeksH?.ok && minutes?.ok && minutes.value > 0) {
    basis = { annualSalaryPence: salaryPence, onCostBasisPoints: onCostBp.value, paidWeeksHundredths: weeksH.value, paidMinutesPerWeek: minutes.value };
    try {
      result = deriveHourlyCost(basis);
    } catch {
      result = null;
    }
  }
  // Each refusal names the allowed range (docs/limits.md).
  const errorFor = (p: { ok: true } | { ok: false; message: string } | null) => (p && !p.ok ? p.message : null);
  const inputs: Array<{ key: string; label: string; value: string; set: (v: string) => void; error: string | null }> = [
    { key: 'salary', label: t('staff.calculator.salary'), value: salary, set: setSalary, error: salaryError },
    { key: 'oncost', label: t('staff.calculator.onCost'), value: onCost, set: setOnCost, error: errorFor(onCostBp) },
    // Refused here, beside the box, before "Use this hourly cost" can be pressed: a year has 52 weeks.
    { key: 'weeks', label: t('staff.calculator.paidWeeks'), value: weeks, set: setWeeks, error: weeksH && !weeksH.ok ? weeksH.message : null },
    { key: 'hours', label: t('staff.calculator.hoursPerWeek'), value: hoursText, set: setHours, error: errorFor(minutes) },
  ];

  const use = async () => {
    if (basis && result !== null) setProblem(await props.onUse(basis, result));
  };

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
              // Enter here uses the worked-out cost; it does not save the form the calculator sits in.
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                void use();
              }}
            />
            {f.error ? (
              <FieldMessage id={`${id}-${f.key}-error`} alert={false}>
                {f.error}
              </FieldMessage>
            ) : null}
          </div>
        ))}
      </div>
      <p aria-live="polite" className="strong" data-testid="calculator-result">
        {result !== null ? t('staff.calculator.result', { amount: pounds(result) }) : t('staff.calculator.incomplete')}
      </p>
      <button type="button" className="primary small" disabled={result === null || basis === null} onClick={() => void use()}>
        {t('staff.calculator.use')}
      </button>
      {problem ? <FieldMessage>{problem}</FieldMessage> : null}
    </fieldset>
  );
}
