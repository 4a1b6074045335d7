import { useId, useState } from 'react';
import { MAX_UNIT_PENCE } from '../../../shared/limits';
import { FUNDING_SOURCES, INCOME_KINDS, OTHER_COST_KINDS, type FundingSource, type IncomeKind, type IncomeLine, type OtherCostKind, type OtherCostLine } from '../../../shared/domain';
import type { ApiError } from '../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { Labelled } from '../../components/Labelled';
import { FormProblem } from '../../components/FormProblem';
import { SelectOptions } from '../../components/SelectOptions';
import { poundsForField, useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { formatFinancialYear, formatMinutesAsHours, readHoursAsMinutes, readOptionalDate, readOptionalYear, readText, readWeek, readWholeNumber } from '../../forms/parse';
import { formatIsoDate } from '../../../shared/i18n/dates';
import { useMapio } from '../../state/store';
import { problemsByField } from '../../errors/localisedError';

type Errors = Record<string, string>;

const issuesToErrors = (error: ApiError): Errors => problemsByField(error, useMapio.getState().lang);

export function IncomeForm(props: { income: IncomeLine | null; onClose: () => void }) {
  const { t, lang } = useDisplay();
  const { money, fromParsed } = useReader();
  const mutate = useMapio((s) => s.mutate);
  const id = useId();
  const x = props.income;
  const [kind, setKind] = useState<IncomeKind>(x?.kind ?? 'delegated_aln');
  const [name, setName] = useState(x?.name ?? '');
  const [nameCy, setNameCy] = useState(x?.nameCy ?? '');
  const [amount, setAmount] = useState(x ? poundsForField(x.amountPence) : '');
  const [fy, setFy] = useState(x?.financialYear != null ? formatFinancialYear(x.financialYear) : '');
  const [endsOn, setEndsOn] = useState(x?.endsOn ? formatIsoDate(x.endsOn, lang, 'long') : '');
  const [source, setSource] = useState(x?.source ?? '');
  const [sourceCy, setSourceCy] = useState(x?.sourceCy ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const e: Errors = {};
    const a = money(amount);
    if (!a.ok) e.amountPence = a.message;
    const y = fromParsed(readOptionalYear(fy));
    if (!y.ok) e.financialYear = y.message;
    const d = fromParsed(readOptionalDate(endsOn));
    if (!d.ok) e.endsOn = d.message;
    const n = fromParsed(readText(name, true));
    if (!n.ok) e.name = n.message;
    setErrors(e);
    if (!a.ok || !y.ok || !d.ok || !n.ok || Object.keys(e).length) return;
    const fields = {
      kind,
      name: n.value,
      nameCy: readText(nameCy).value,
      amountPence: a.value,
      financialYear: y.value,
      endsOn: d.value,
      source: readText(source).value,
      sourceCy: readText(sourceCy).value,
    };
    setBusy(true);
    const outcome = x ? await mutate('income.update', { id: x.id, changes: fields }, { fieldErrors: true }) : await mutate('income.create', fields, { fieldErrors: true });
    setBusy(false);
    if (outcome.ok) props.onClose();
    else setErrors(issuesToErrors(outcome.error));
  };

  return (
    <Dialog
      title={x ? t('budget.incomeForm.titleEdit') : t('budget.incomeForm.titleNew')}
      onClose={props.onClose}
      onSubmit={() => void save()}
      footer={<FormFooter busy={busy} onCancel={props.onClose} submit />}
    >
      <FormProblem message={errors.form} />
      <div className="form-grid">
        <Labelled id={`${id}-kind`} label={t('budget.field.kind')}>
          {(d) => (
            <select id={`${id}-kind`} aria-describedby={d} value={kind} onChange={(e) => setKind(e.target.value as IncomeKind)}>
              <SelectOptions values={INCOME_KINDS} label={(k) => t(`enums.incomeKind.${k}`)} />
            </select>
          )}
        </Labelled>
        <Labelled id={`${id}-name`} label={t('budget.field.name')} error={errors.name}>
          {(d) => <input id={`${id}-name`} type="text" aria-describedby={d} aria-invalid={errors.name ? true : undefined} value={name} onChange={(e) => setName(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-name-cy`} label={t('budget.field.nameCy')} error={errors.nameCy}>
          {(d) => <input id={`${id}-name-cy`} type="text" lang="cy" aria-describedby={d} aria-invalid={errors.nameCy ? true : undefined} value={nameCy} onChange={(e) => setNameCy(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-amount`} label={t('budget.field.amount')} error={errors.amountPence} className="money-field">
          {(d) => (
            <input
              id={`${id}-amount`}
              type="text"
              inputMode="decimal"
              aria-describedby={d}
              aria-invalid={errors.amountPence ? true : undefined}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Labelled>
        <Labelled id={`${id}-fy`} label={t('budget.field.financialYear')} error={errors.financialYear} hint={`2026-27 = ${t('budget.fyLabel', { start: 2026, end: 2027 })}`}>
          {(d) => (
            <input id={`${id}-fy`} type="text" inputMode="numeric" aria-describedby={d} aria-invalid={errors.financialYear ? true : undefined} value={fy} onChange={(e) => setFy(e.target.value)} />
          )}
        </Labelled>
        <Labelled id={`${id}-ends`} label={t('budget.field.endsOn')} error={errors.endsOn} hint={t('forms.dateHint')}>
          {(d) => <input id={`${id}-ends`} type="text" aria-describedby={d} aria-invalid={errors.endsOn ? true : undefined} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-source`} label={t('budget.field.source')} error={errors.source}>
          {(d) => <input id={`${id}-source`} type="text" aria-describedby={d} aria-invalid={errors.source ? true : undefined} value={source} onChange={(e) => setSource(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-source-cy`} label={t('budget.field.sourceCy')} error={errors.sourceCy}>
          {(d) => (
            <input id={`${id}-source-cy`} type="text" lang="cy" aria-describedby={d} aria-invalid={errors.sourceCy ? true : undefined} value={sourceCy} onChange={(e) => setSourceCy(e.target.value)} />
          )}
        </Labelled>
      </div>
    </Dialog>
  );
}

export function OtherCostForm(props: { cost: OtherCostLine | null; onClose: () => void }) {
  const { t } = useDisplay();
  const { money, fromParsed } = useReader();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const id = useId();
  const x = props.cost;
  const lastWeek = view?.data.calendar.weekStarts.length || 38;
  const [kind, setKind] = useState<OtherCostKind>(x?.kind ?? 'bought_in_service');
  const [name, setName] = useState(x?.name ?? '');
  const [nameCy, setNameCy] = useState(x?.nameCy ?? '');
  const [funding, setFunding] = useState<FundingSource>(x?.fundingSource ?? 'aln_budget');
  const [staffId, setStaffId] = useState<number | null>(x?.staffId ?? null);
  const [hoursText, setHours] = useState(x ? formatMinutesAsHours(x.minutesPerWeek) : '0');
  const [quantity, setQuantity] = useState(x ? String(x.quantity) : '1');
  const [unit, setUnit] = useState(x ? poundsForField(x.unitPence) : '0.00');
  const [startWeek, setStartWeek] = useState(x ? String(x.startWeek) : '1');
  const [weeks, setWeeks] = useState(x ? String(x.weeks) : String(lastWeek));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  if (!view) return null;

  const save = async () => {
    const e: Errors = {};
    const m = fromParsed(readHoursAsMinutes(hoursText, { example: '2.5' }));
    if (!m.ok) e.minutesPerWeek = m.message;
    const q = fromParsed(readWholeNumber(quantity, 0, 100_000));
    if (!q.ok) e.quantity = q.message;
    const u = money(unit, MAX_UNIT_PENCE);
    if (!u.ok) e.unitPence = u.message;
    const s = fromParsed(readWeek(startWeek, lastWeek));
    if (!s.ok) e.startWeek = s.message;
    const w = fromParsed(readWholeNumber(weeks, 0, 53));
    if (!w.ok) e.weeks = w.message;
    if (s.ok && w.ok && s.value + w.value - 1 > lastWeek) e.weeks = t('errors.runBeyondYear', { last: lastWeek });
    const n = fromParsed(readText(name, true));
    if (!n.ok) e.name = n.message;
    setErrors(e);
    if (!m.ok || !q.ok || !u.ok || !s.ok || !w.ok || !n.ok || Object.keys(e).length) return;
    const fields = {
      kind,
      name: n.value,
      nameCy: readText(nameCy).value,
      fundingSource: funding,
      staffId,
      minutesPerWeek: m.value,
      quantity: q.value,
      unitPence: u.value,
      startWeek: s.value,
      weeks: w.value,
    };
    setBusy(true);
    const outcome = x ? await mutate('otherCosts.update', { id: x.id, changes: fields }, { fieldErrors: true }) : await mutate('otherCosts.create', fields, { fieldErrors: true });
    setBusy(false);
    if (outcome.ok) props.onClose();
    else setErrors(issuesToErrors(outcome.error));
  };

  const text = (key: string, label: string, value: string, set: (v: string) => void, money = false) => (
    <Labelled id={`${id}-${key}`} label={label} error={errors[key]} className={money ? 'money-field' : undefined}>
      {(d) => <input id={`${id}-${key}`} type="text" inputMode="decimal" aria-describedby={d} aria-invalid={errors[key] ? true : undefined} value={value} onChange={(e) => set(e.target.value)} />}
    </Labelled>
  );

  return (
    <Dialog
      wide
      title={x ? t('budget.otherForm.titleEdit') : t('budget.otherForm.titleNew')}
      onClose={props.onClose}
      onSubmit={() => void save()}
      footer={<FormFooter busy={busy} onCancel={props.onClose} submit />}
    >
      <FormProblem message={errors.form} />
      <div className="form-grid">
        <Labelled id={`${id}-kind`} label={t('budget.field.kind')}>
          {(d) => (
            <select id={`${id}-kind`} aria-describedby={d} value={kind} onChange={(e) => setKind(e.target.value as OtherCostKind)}>
              <SelectOptions values={OTHER_COST_KINDS} label={(k) => t(`enums.otherCostKind.${k}`)} />
            </select>
          )}
        </Labelled>
        <Labelled id={`${id}-name`} label={t('budget.field.name')} error={errors.name}>
          {(d) => <input id={`${id}-name`} type="text" aria-describedby={d} aria-invalid={errors.name ? true : undefined} value={name} onChange={(e) => setName(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-name-cy`} label={t('budget.field.nameCy')} error={errors.nameCy}>
          {(d) => <input id={`${id}-name-cy`} type="text" lang="cy" aria-describedby={d} aria-invalid={errors.nameCy ? true : undefined} value={nameCy} onChange={(e) => setNameCy(e.target.value)} />}
        </Labelled>
        <Labelled id={`${id}-funding`} label={t('budget.field.fundingSource')}>
          {(d) => (
            <select id={`${id}-funding`} aria-describedby={d} value={funding} onChange={(e) => setFunding(e.target.value as FundingSource)}>
              <SelectOptions values={FUNDING_SOURCES} label={(f) => t(`enums.fundingSource.${f}`)} />
            </select>
          )}
        </Labelled>
        <Labelled id={`${id}-staff`} label={t('budget.field.staff')}>
          {(d) => (
            <select id={`${id}-staff`} aria-describedby={d} value={staffId ?? ''} onChange={(e) => setStaffId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('budget.field.noStaff')}</option>
              {view.data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        {text('minutesPerWeek', t('budget.field.hoursPerWeek'), hoursText, setHours)}
        {text('quantity', t('budget.field.quantity'), quantity, setQuantity)}
        {text('unitPence', t('budget.field.unit'), unit, setUnit, true)}
        {text('startWeek', t('budget.field.startWeek'), startWeek, setStartWeek)}
        {text('weeks', t('budget.field.weeks'), weeks, setWeeks)}
      </div>
    </Dialog>
  );
}
