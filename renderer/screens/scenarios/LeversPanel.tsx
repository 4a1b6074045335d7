import { useId, useState, type FormEvent } from 'react';
import { problemText } from '../../errors/localisedError';
import type { PayAwardApplied, IncomeScaled, StaffRemoved } from '../../../shared/api/contract';
import { removeStaffMember, type StaffRemoval } from '../../../shared/scenarioLevers';
import { ConfirmDialog } from '../../components/Dialog';
import { useDisplay } from '../../display';
import { asApiError, useMapio } from '../../state/store';
import { readPercentBasisPoints } from './differenceText';
import { FieldMessage } from '../../components/FieldMessage';

type LeverResult = { kind: 'pay'; result: PayAwardApplied; percent: string } | { kind: 'income'; result: IncomeScaled; percent: string } | { kind: 'staff'; result: StaffRemoved };

/** Quick levers on the open scenario: a pay award, an income line scaled, a person removed. Each is one undo step. */
export function LeversPanel(props: { scenarioName: string }) {
  const { t, pounds, nameOf } = useDisplay();
  const view = useMapio((s) => s.view);
  const request = useMapio((s) => s.request);
  const [pay, setPay] = useState('');
  const [incomeId, setIncomeId] = useState('');
  const [incomePercent, setIncomePercent] = useState('');
  const [staffId, setStaffId] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [last, setLast] = useState<LeverResult | null>(null);
  const [busy, setBusy] = useState(false);
  /** The removal being confirmed: what it would do, worked out by the same lever on the scenario on screen. */
  const [confirming, setConfirming] = useState<StaffRemoval | null>(null);
  const id = useId();
  if (!view) return null;
  const income = view.data.income;
  const staff = view.data.staff;
  const chosenIncome = incomeId || String(income[0]?.id ?? '');
  const chosenStaff = staffId || String(staff[0]?.id ?? '');

  const fail = (field: string, message: string) => setErrors((e) => ({ ...e, [field]: message }));
  const clear = (field: string) => setErrors((e) => ({ ...e, [field]: null }));

  const applyPay = async (e: FormEvent) => {
    e.preventDefault();
    const bp = readPercentBasisPoints(pay);
    if (bp === null || bp < -5000 || bp > 5000) return fail('pay', t('scenarios.levers.payInvalid'));
    clear('pay');
    setBusy(true);
    const outcome = await request('scenario.lever.payAward', { percentBasisPoints: bp }, { fieldErrors: true, viewOf: (r) => r.view });
    setBusy(false);
    if (outcome.ok) setLast({ kind: 'pay', result: outcome.result, percent: pay.trim() });
    else fail('pay', problemText(outcome.error, useMapio.getState().lang));
  };
  const applyIncome = async (e: FormEvent) => {
    e.preventDefault();
    const bp = readPercentBasisPoints(incomePercent);
    if (bp === null || bp < -10000 || bp > 100000) return fail('income', t('scenarios.levers.incomeInvalid'));
    clear('income');
    setBusy(true);
    const outcome = await request('scenario.lever.scaleIncome', { incomeId: Number(chosenIncome), percentBasisPoints: bp }, { fieldErrors: true, viewOf: (r) => r.view });
    setBusy(false);
    if (outcome.ok) setLast({ kind: 'income', result: outcome.result, percent: incomePercent.trim() });
    else fail('income', problemText(outcome.error, useMapio.getState().lang));
  };
  const askRemoveStaff = (e: FormEvent) => {
    e.preventDefault();
    try {
      setConfirming(removeStaffMember(view.data, Number(chosenStaff)));
    } catch (err) {
      fail('staff', problemText(asApiError(err), useMapio.getState().lang));
    }
  };
  const removeStaff = async (staffId: number) => {
    setConfirming(null);
    setBusy(true);
    const outcome = await request('scenario.lever.removeStaff', { staffId }, { quiet: true, viewOf: (r) => r.view });
    setBusy(false);
    if (outcome.ok) {
      clear('staff');
      setLast({ kind: 'staff', result: outcome.result });
      setStaffId('');
    } else fail('staff', problemText(outcome.error, useMapio.getState().lang));
  };

  const errorOf = (field: string) =>
    errors[field] ? (
      <FieldMessage id={`${id}-${field}-error`}>
        <span aria-hidden="true">⚠ </span>
        {errors[field]}
      </FieldMessage>
    ) : null;

  return (
    <section className="card levers" aria-labelledby={`${id}-h`} data-testid="levers">
      <h2 id={`${id}-h`}>{t('scenarios.levers.heading', { name: props.scenarioName })}</h2>
      <p className="muted">{t('scenarios.levers.intro')}</p>
      <div className="lever-grid">
        <form onSubmit={(e) => void applyPay(e)} className="lever">
          <div className={`field ${errors.pay ? 'field-error' : ''}`}>
            <label htmlFor={`${id}-pay`}>{t('scenarios.levers.payLabel')}</label>
            <div className="field-control">
              <input
                id={`${id}-pay`}
                type="text"
                inputMode="decimal"
                value={pay}
                onChange={(e) => setPay(e.target.value)}
                aria-invalid={errors.pay ? true : undefined}
                aria-describedby={`${id}-pay-hint${errors.pay ? ` ${id}-pay-error` : ''}`}
                data-testid="lever-pay"
              />
              <span className="field-suffix" aria-hidden="true">
                %
              </span>
            </div>
            <p id={`${id}-pay-hint`} className="field-hint">
              {t('scenarios.levers.payHint')}
            </p>
            {errorOf('pay')}
          </div>
          <button type="submit" disabled={busy}>
            {t('scenarios.levers.payApply')}
          </button>
        </form>

        <form onSubmit={(e) => void applyIncome(e)} className="lever">
          {income.length === 0 ? (
            <p className="muted">{t('scenarios.levers.noIncome')}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`${id}-income`}>{t('scenarios.levers.incomeLabel')}</label>
                <select id={`${id}-income`} value={chosenIncome} onChange={(e) => setIncomeId(e.target.value)} data-testid="lever-income">
                  {income.map((i) => (
                    <option key={i.id} value={String(i.id)}>
                      {nameOf(i)} ({pounds(i.amountPence)})
                    </option>
                  ))}
                </select>
              </div>
              <div className={`field ${errors.income ? 'field-error' : ''}`}>
                <label htmlFor={`${id}-incomePercent`}>{t('scenarios.levers.incomePercentLabel')}</label>
                <div className="field-control">
                  <input
                    id={`${id}-incomePercent`}
                    type="text"
                    inputMode="decimal"
                    value={incomePercent}
                    onChange={(e) => setIncomePercent(e.target.value)}
                    aria-invalid={errors.income ? true : undefined}
                    aria-describedby={`${id}-income-hint${errors.income ? ` ${id}-income-error` : ''}`}
                    data-testid="lever-income-percent"
                  />
                  <span className="field-suffix" aria-hidden="true">
                    %
                  </span>
                </div>
                <p id={`${id}-income-hint`} className="field-hint">
                  {t('scenarios.levers.incomeHint')}
                </p>
                {errorOf('income')}
              </div>
              <button type="submit" disabled={busy}>
                {t('scenarios.levers.incomeApply')}
              </button>
            </>
          )}
        </form>

        <form onSubmit={askRemoveStaff} className="lever">
          {staff.length === 0 ? (
            <p className="muted">{t('scenarios.levers.noStaff')}</p>
          ) : (
            <>
              <div className={`field ${errors.staff ? 'field-error' : ''}`}>
                <label htmlFor={`${id}-staff`}>{t('scenarios.levers.staffLabel')}</label>
                <select id={`${id}-staff`} value={chosenStaff} onChange={(e) => setStaffId(e.target.value)} data-testid="lever-staff" aria-describedby={`${id}-staff-hint`}>
                  {staff.map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <p id={`${id}-staff-hint`} className="field-hint">
                  {t('scenarios.levers.staffHint')}
                </p>
                {errorOf('staff')}
              </div>
              <button type="submit" disabled={busy}>
                {t('scenarios.levers.staffApply')}
              </button>
            </>
          )}
        </form>
      </div>

      <div aria-live="polite" data-testid="lever-result">
        {last?.kind === 'pay' ? <p>{t('scenarios.levers.payDone', { percent: last.percent, count: last.result.changes.length })}</p> : null}
        {last?.kind === 'income' ? (
          <p>{t('scenarios.levers.incomeDone', { name: nameOf(last.result.change), from: pounds(last.result.change.fromPence), to: pounds(last.result.change.toPence) })}</p>
        ) : null}
        {last?.kind === 'staff' ? (
          <div>
            <p>
              {last.result.removal.linesLosingDeliverer.length === 0
                ? t('scenarios.levers.staffDoneNoLines', { name: last.result.removal.name })
                : t('scenarios.levers.staffDone', { name: last.result.removal.name, count: last.result.removal.linesLosingDeliverer.length })}
            </p>
            {last.result.removal.linesLosingDeliverer.length > 0 ? (
              <ul className="plain-list" data-testid="lines-lost-deliverer">
                {last.result.removal.linesLosingDeliverer.map((l) => (
                  <li key={l.lineId}>
                    <strong>{nameOf(l)}</strong> —{' '}
                    {l.nowUnstaffed ? (
                      <span className="warn">
                        <span aria-hidden="true">⚠ </span>
                        {t('scenarios.levers.nowUnstaffed', { count: l.enrolledLearners })}
                      </span>
                    ) : (
                      t('scenarios.levers.stillStaffed', { count: l.staff.length })
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            {last.result.removal.otherCostsWithoutStaff.length > 0 ? (
              <p className="muted">{t('scenarios.levers.otherCosts', { names: last.result.removal.otherCostsWithoutStaff.map((o) => nameOf(o)).join(', ') })}</p>
            ) : null}
            {last.result.removal.alncoCleared ? <p className="muted">{t('scenarios.levers.alncoCleared')}</p> : null}
          </div>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('scenarios.levers.staffConfirmTitle', { name: confirming.name, scenario: props.scenarioName })}
          body={
            <>
              <p data-testid="remove-staff-lines">
                {confirming.linesLosingDeliverer.length === 0
                  ? t('scenarios.levers.staffConfirmNoLines', { name: confirming.name })
                  : t('scenarios.levers.staffConfirmLines', { name: confirming.name, count: confirming.linesLosingDeliverer.length })}
                {unstaffed(confirming) === 0 ? null : unstaffed(confirming) === confirming.linesLosingDeliverer.length ? (
                  <> {t('scenarios.levers.staffConfirmAllUnstaffed', { count: unstaffed(confirming) })}</>
                ) : (
                  <> {t('scenarios.levers.staffConfirmUnstaffed', { count: unstaffed(confirming) })}</>
                )}
              </p>
              <p>{t('scenarios.levers.staffConfirmSafe', { name: confirming.name })}</p>
            </>
          }
          confirmLabel={t('scenarios.levers.staffConfirmButton', { name: confirming.name })}
          danger
          onConfirm={() => void removeStaff(confirming.staffId)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </section>
  );
}

/** Lines that would have no one left to deliver them. */
const unstaffed = (removal: StaffRemoval) => removal.linesLosingDeliverer.filter((l) => l.nowUnstaffed).length;
