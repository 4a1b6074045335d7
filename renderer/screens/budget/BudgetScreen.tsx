import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { IncomeLine, OtherCostLine } from '../../../shared/domain';
import type { Breakdown } from '../../../shared/engine';
import { ConfirmDialog } from '../../components/Dialog';
import { RowActionButton } from '../../components/RowActionButton';
import { DraftField, SelectField, useReader, type Commit } from '../../components/fields';
import { namesOf, useDisplay } from '../../display';
import { formatMinutesAsHours, readHoursAsMinutes, readWholeNumber } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { IncomeForm, OtherCostForm } from './BudgetForms';
import { TableHead } from '../../components/TableHead';
import { DataTable } from '../../components/DataTable';
import { AsAtWeekPicker } from '../../components/AsAtWeekPicker';

/** The ALNCo's statutory tasks: how many of each, and the hours each one takes. */
const WORKLOAD_TASKS = [
  { count: 'idpsToPrepare', countLabel: 'budget.workload.idpsToPrepare', minutes: 'minutesPerIdp', minutesLabel: 'budget.workload.hoursPerIdp' },
  { count: 'idpReviews', countLabel: 'budget.workload.idpReviews', minutes: 'minutesPerReview', minutesLabel: 'budget.workload.hoursPerReview' },
] as const;
const fyName = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;

/** Income against what the ALN budget carries, every way a governor or an authority asks for it. */
export function BudgetScreen() {
  const { t, pounds, hours, date, groupLabel, nameOf, typedText } = useDisplay();
  const { fromParsed } = useReader();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const [incomeForm, setIncomeForm] = useState<IncomeLine | 'new' | null>(null);
  const [costForm, setCostForm] = useState<OtherCostLine | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ kind: 'income' | 'other'; id: number; name: string } | null>(null);
  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  if (!view || !data || !names) return null;
  const { budget, totals, workload } = view.costed;
  const otherCosted = new Map(view.costed.otherCosts.map((c) => [c.otherCostId, c]));

  const signed = (p: number) => (p > 0 ? `+${pounds(p)}` : pounds(p));
  const positionCell = (p: number) => <td className={`num money ${p < 0 ? 'negative' : p > 0 ? 'positive' : ''}`}>{signed(p)}</td>;

  const breakdown = (title: string, rows: Breakdown[], label: (key: string) => string, testId: string) => (
    <section className="card" aria-labelledby={`bd-${testId}`}>
      <h2 id={`bd-${testId}`}>{title}</h2>
      <table className="data-table compact" data-testid={`breakdown-${testId}`}>
        <TableHead columns={[{ label: t('budget.col.group') }, { label: t('budget.col.cost'), className: 'num' }, { label: t('budget.col.charged'), className: 'num' }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              <td className="num money">{pounds(r.costPence)}</td>
              <td className="num money">{pounds(r.chargedPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  const saveWorkload: Commit<Record<string, number | null>> = async (changes) => problemOf(await mutate('workload.update', { changes }, { fieldErrors: true }));

  return (
    <div className="budget-screen">
      <h1>{t('budget.title')}</h1>
      <p className="intro">{t('budget.intro')}</p>
      <AsAtWeekPicker />

      <div className="cards">
        <section className="card" aria-labelledby="budget-position">
          <h2 id="budget-position">{t('budget.position.title')}</h2>
          <DataTable
            className="compact"
            columns={[
              { label: t('budget.col.group') },
              { label: t('totals.income'), className: 'num' },
              { label: t('totals.charged'), className: 'num' },
              { label: t('budget.col.position'), className: 'num' },
            ]}
            wrap={false}
          >
            <tr>
              <th scope="row">{t('budget.position.total')}</th>
              <td className="num money">{pounds(budget.incomePence)}</td>
              <td className="num money">{pounds(budget.chargedPence)}</td>
              {positionCell(budget.positionPence)}
            </tr>
            {budget.financialYears.map((fy) => (
              <tr key={fy.year}>
                <th scope="row">{t('budget.fyLabel', { start: fy.year, end: fy.year + 1 })}</th>
                <td className="num money">{pounds(fy.incomePence)}</td>
                <td className="num money">{pounds(fy.chargedPence)}</td>
                {positionCell(fy.positionPence)}
              </tr>
            ))}
          </DataTable>
        </section>
        <section className="card" aria-labelledby="budget-totals">
          <h2 id="budget-totals">{t('totals.committed')}</h2>
          <dl className="kv">
            <dt>{t('budget.position.linesCost')}</dt>
            <dd>{pounds(totals.linesCostPence)}</dd>
            <dt>{t('budget.position.otherCostsTotal')}</dt>
            <dd>{pounds(totals.otherCostsPence)}</dd>
            <dt className="strong">{t('totals.committed')}</dt>
            <dd className="strong">{pounds(totals.costPence)}</dd>
            {totals.financialYears.years.map((y, i) => (
              <FyRow key={y} label={fyName(y)} value={pounds(totals.financialYears.pence[i])} />
            ))}
            <dt>{t('budget.position.costToDate', { week: view.costed.asAtWeek })}</dt>
            <dd>{pounds(totals.costToDatePence)}</dd>
            <dt>{t('budget.position.unallocated')}</dt>
            <dd>{pounds(totals.unallocatedPence)}</dd>
            <dt>{t('budget.position.undelivered')}</dt>
            <dd>{pounds(totals.undeliveredPence)}</dd>
            <dt>{t('budget.position.learnersWithAln')}</dt>
            <dd>{totals.learnersWithAln}</dd>
            <dt>{t('budget.position.monitored')}</dt>
            <dd>{totals.learnersMonitored}</dd>
            <dt>{t('budget.position.perLearner')}</dt>
            <dd>{pounds(totals.chargedPerLearnerWithAlnPence)}</dd>
            <dt>{t('budget.position.universalPerPupil')}</dt>
            <dd>{pounds(totals.wholeSchoolPerPupilPence)}</dd>
          </dl>
        </section>
      </div>

      <BudgetLinesCard
        titleId="income-title"
        title={t('budget.income')}
        addLabel={t('budget.addIncome')}
        addTestId="add-income"
        onAdd={() => setIncomeForm('new')}
        empty={data.income.length === 0 ? t('budget.noIncome') : null}
      >
        <TableHead
          columns={[
            { label: t('budget.col.kind') },
            { label: t('budget.col.name') },
            { label: t('budget.col.amount'), className: 'num' },
            { label: t('budget.col.financialYear') },
            { label: t('budget.col.endsOn') },
            { label: t('budget.col.source') },
            { label: t('budget.col.actions'), hidden: true },
          ]}
        />
        <tbody>
          {data.income.map((i) => (
            <tr key={i.id} data-testid={`income-row-${i.id}`}>
              <td>{t(`enums.incomeKind.${i.kind}`)}</td>
              <td>{nameOf(i)}</td>
              <td className="num money">{pounds(i.amountPence)}</td>
              <td>{i.financialYear !== null ? t('budget.fyLabel', { start: i.financialYear, end: i.financialYear + 1 }) : t('budget.wholeYear')}</td>
              <td>{i.endsOn ? date(i.endsOn) : ''}</td>
              <td>{typedText(i.source, i.sourceCy)}</td>
              <td className="actions">
                <RowActionButton label={t('common.edit')} rowName={nameOf(i)} onClick={() => setIncomeForm(i)} />{' '}
                <RowActionButton label={t('common.delete')} rowName={nameOf(i)} tone="danger" onClick={() => setDeleting({ kind: 'income', id: i.id, name: nameOf(i) })} />
              </td>
            </tr>
          ))}
        </tbody>
      </BudgetLinesCard>

      <BudgetLinesCard
        titleId="other-title"
        title={t('budget.otherCosts')}
        addLabel={t('budget.addOtherCost')}
        addTestId="add-other-cost"
        onAdd={() => setCostForm('new')}
        intro={t('budget.otherCostsIntro')}
        empty={data.otherCosts.length === 0 ? t('budget.noOtherCosts') : null}
      >
        <TableHead
          columns={[
            { label: t('budget.col.kind') },
            { label: t('budget.col.name') },
            { label: t('budget.col.funding') },
            { label: t('budget.col.detail') },
            { label: t('budget.col.cost'), className: 'num' },
            { label: t('budget.col.charged') },
            { label: t('budget.col.actions'), hidden: true },
          ]}
        />
        <tbody>
          {data.otherCosts.map((o) => {
            const c = otherCosted.get(o.id);
            const staff = o.staffId !== null ? names.staff.get(o.staffId) : undefined;
            return (
              <tr key={o.id} data-testid={`other-row-${o.id}`}>
                <td>{t(`enums.otherCostKind.${o.kind}`)}</td>
                <td>{nameOf(o)}</td>
                <td>{t(`enums.fundingSource.${o.fundingSource}`)}</td>
                <td>
                  {staff ? t('budget.staffTime', { name: staff.name, hours: hours(o.minutesPerWeek), weeks: o.weeks }) : t('budget.quantityTimes', { quantity: o.quantity, unit: pounds(o.unitPence) })}
                </td>
                <td className="num money">{pounds(c?.costPence)}</td>
                <td>{c?.chargedToAlnBudget ? t('common.yes') : t('common.no')}</td>
                <td className="actions">
                  <RowActionButton label={t('common.edit')} rowName={nameOf(o)} onClick={() => setCostForm(o)} />{' '}
                  <RowActionButton label={t('common.delete')} rowName={nameOf(o)} tone="danger" onClick={() => setDeleting({ kind: 'other', id: o.id, name: nameOf(o) })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </BudgetLinesCard>

      <section className="card" aria-labelledby="workload-title">
        <h2 id="workload-title">{t('budget.workload.title')}</h2>
        <div className="split">
          <div className="form-grid">
            <SelectField
              className="span-2"
              label={t('budget.workload.alnco')}
              value={data.workload.alncoStaffId === null ? '' : String(data.workload.alncoStaffId)}
              options={[{ value: '', label: t('budget.workload.noAlnco') }, ...data.staff.map((s) => ({ value: String(s.id), label: s.name }))]}
              commit={(v) => saveWorkload({ alncoStaffId: v === '' ? null : Number(v) })}
            />
            {WORKLOAD_TASKS.map((task) => (
              <Fragment key={task.count}>
                <DraftField
                  label={t(task.countLabel)}
                  value={data.workload[task.count]}
                  format={String}
                  inputMode="numeric"
                  read={(s) => fromParsed(readWholeNumber(s, 0, 10_000))}
                  commit={(v) => saveWorkload({ [task.count]: v })}
                />
                <DraftField
                  label={t(task.minutesLabel)}
                  value={data.workload[task.minutes]}
                  format={formatMinutesAsHours}
                  inputMode="decimal"
                  read={(s) => fromParsed(readHoursAsMinutes(s, { example: '2.5' }))}
                  commit={(v) => saveWorkload({ [task.minutes]: v })}
                />
              </Fragment>
            ))}
          </div>
          <dl className="kv" data-testid="workload-position">
            <dt>{t('budget.workload.needed')}</dt>
            <dd>{hours(workload.minutesNeeded)}</dd>
            <dt>{t('budget.workload.release')}</dt>
            <dd>{hours(workload.releaseMinutes)}</dd>
            <dt className="strong">{t('budget.col.position')}</dt>
            <dd className={`strong ${workload.balanceMinutes < 0 ? 'negative' : 'positive'}`}>
              <span aria-hidden="true">{workload.balanceMinutes < 0 ? '▼ ' : '▲ '}</span>
              {workload.balanceMinutes < 0
                ? t('budget.workload.balanceShort', { hours: hours(-workload.balanceMinutes) })
                : t('budget.workload.balanceSpare', { hours: hours(workload.balanceMinutes) })}
            </dd>
            {workload.neededCostPence !== null ? (
              <>
                <dt>{t('budget.workload.neededCost')}</dt>
                <dd>{pounds(workload.neededCostPence)}</dd>
                <dt>{t('budget.workload.releaseCost')}</dt>
                <dd>{pounds(workload.releaseCostPence)}</dd>
              </>
            ) : (
              <dd className="muted" style={{ gridColumn: '1 / -1', textAlign: 'left' }}>
                {t('budget.workload.noCost')}
              </dd>
            )}
          </dl>
        </div>
      </section>

      <div className="cards">
        {breakdown(t('budget.position.byTier'), totals.byTier, (k) => groupLabel(k, names.tiers), 'tier')}
        {breakdown(t('budget.position.byAlp'), totals.byAlp, (k) => t(`enums.alp.${k}`), 'alp')}
        {breakdown(t('budget.position.byArea'), totals.byArea, (k) => groupLabel(k, names.areas), 'area')}
        {breakdown(t('budget.position.byFunding'), totals.byFundingSource, (k) => t(`enums.fundingSource.${k}`), 'funding')}
      </div>

      {incomeForm ? <IncomeForm income={incomeForm === 'new' ? null : incomeForm} onClose={() => setIncomeForm(null)} /> : null}
      {costForm ? <OtherCostForm cost={costForm === 'new' ? null : costForm} onClose={() => setCostForm(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          danger
          title={deleting.kind === 'income' ? t('budget.deleteIncomeTitle') : t('budget.deleteOtherTitle')}
          body={<p>{t('budget.deleteBody', { name: deleting.name })}</p>}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const d = deleting;
            setDeleting(null);
            void (d.kind === 'income' ? mutate('income.delete', { id: d.id }) : mutate('otherCosts.delete', { id: d.id }));
          }}
        />
      ) : null}
    </div>
  );
}

function FyRow(props: { label: string; value: string }) {
  return (
    <>
      <dt>· {props.label}</dt>
      <dd>{props.value}</dd>
    </>
  );
}

/**
 * A card listing one kind of budget line (income, other costs): its heading with an Add button, an
 * optional introduction, then the table of lines (the table's head and body are the children), or a
 * sentence saying there are none.
 */
function BudgetLinesCard(props: {
  titleId: string;
  title: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  intro?: string;
  /** What to say when there are no lines, or null when there are. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={props.titleId}>
      <div className="chart-head">
        <h2 id={props.titleId}>{props.title}</h2>
        <button type="button" className="primary small" onClick={props.onAdd} data-testid={props.addTestId}>
          + {props.addLabel}
        </button>
      </div>
      {props.intro !== undefined ? <p className="muted">{props.intro}</p> : null}
      {props.empty !== null ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">{props.children}</table>
        </div>
      )}
    </section>
  );
}
