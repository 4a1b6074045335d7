import type { ReactNode } from 'react';
import type { GroupDifference, ScenarioComparison, ScenarioFigures, SpendGroup } from '../../../shared/engine';
import { spendGroupName } from '../../../shared/i18n/spendGroupNames';
import { useDisplay } from '../../display';
import { describeDifference, type DifferenceKind } from './differenceText';

type Compared = ScenarioComparison['scenarios'][number];

/**
 * The plan and the chosen scenarios side by side, every figure from the engine (scenario.compare);
 * each scenario's figure carries its difference from the plan in words and with its sign.
 */
export function ScenarioComparisonTable(props: {
  comparison: ScenarioComparison;
  /** The line under each compared column's name (default: "Scenario, <year>"); a version says when it was presented. */
  comparedDetail?: (figures: ScenarioFigures) => string;
}) {
  const { t, lang, pounds, nameOf } = useDisplay();
  const { baseline, scenarios } = props.comparison;
  const all: ScenarioFigures[] = [baseline, ...scenarios];

  const position = (p: number) => (p > 0 ? t('scenarios.compare.under', { amount: pounds(p) }) : p < 0 ? t('scenarios.compare.over', { amount: pounds(-p) }) : t('scenarios.compare.onBudget'));
  const diff = (kind: DifferenceKind, delta: number | null, money: boolean): ReactNode => {
    if (delta === null) return <span className="diff muted">{t('scenarios.diff.notComparable')}</span>;
    const d = describeDifference(kind, delta);
    const amount = money ? pounds(d.amount) : String(d.amount);
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
    return (
      <span className={`diff diff-${d.tone}`}>
        {d.tone !== 'same' ? `${sign}${amount} ` : ''}
        {t(d.key, { amount, count: d.amount })}
      </span>
    );
  };

  /** A row of money figures with each scenario's difference. */
  const moneyRow = (
    label: string,
    testId: string,
    value: (f: ScenarioFigures) => number | null,
    difference: (s: Compared) => number | null,
    kind: DifferenceKind,
    show: (p: number) => string = pounds,
  ) => (
    <tr key={testId} data-testid={`compare-${testId}`}>
      <th scope="row">{label}</th>
      {all.map((f, i) => {
        const v = value(f);
        const s = i === 0 ? null : scenarios[i - 1];
        return (
          <td key={i} className="num">
            <span className="money">{v === null ? t('common.dash') : show(v)}</span>
            {s ? <br /> : null}
            {s ? diff(kind, v === null ? null : difference(s), true) : null}
          </td>
        );
      })}
    </tr>
  );

  const groupRows = (prefix: string, groups: (f: ScenarioFigures) => SpendGroup[], differences: (s: Compared) => GroupDifference[]) => {
    const keys: Array<{ key: string; name: string }> = [];
    for (const f of all) for (const g of groups(f)) if (!keys.some((k) => k.key === g.key)) keys.push({ key: g.key, name: spendGroupName(g, t, lang) });
    return keys.map((k) =>
      moneyRow(
        k.name,
        `${prefix}-${k.key}`,
        (f) => groups(f).find((g) => g.key === k.key)?.costPence ?? 0,
        (s) => differences(s).find((g) => g.key === k.key)?.costPence ?? 0,
        'cost',
      ),
    );
  };

  const fyYears = [...new Set(all.flatMap((f) => f.budget.financialYears.map((y) => y.year)))].sort((a, b) => a - b);
  const fyName = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;

  const countRow = (label: string, testId: string, count: (f: ScenarioFigures) => number, delta: (s: Compared) => number, detail: (f: ScenarioFigures) => string[]) => (
    <tr key={testId} data-testid={`compare-${testId}`}>
      <th scope="row">{label}</th>
      {all.map((f, i) => {
        const s = i === 0 ? null : scenarios[i - 1];
        const names = detail(f);
        return (
          <td key={i} className="num">
            <span className="strong">{count(f)}</span>
            {s ? <> {diff('problems', delta(s), false)}</> : null}
            {names.length > 0 ? <span className="detail">{names.slice(0, 8).join(', ') + (names.length > 8 ? ` ${t('scenarios.compare.andMore', { count: names.length - 8 })}` : '')}</span> : null}
          </td>
        );
      })}
    </tr>
  );

  const section = (title: string) => (
    <tr className="section-row">
      <th scope="colgroup" colSpan={all.length + 1}>
        {title}
      </th>
    </tr>
  );

  return (
    <div className="table-wrap compare-wrap">
      <table className="data-table compare-table" data-testid="scenario-comparison">
        <caption className="visually-hidden">{t('scenarios.compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scenarios.compare.figure')}</th>
            {all.map((f, i) => (
              <th scope="col" key={i} className="num">
                {i === 0 ? t('scenarios.compare.plan') : f.name}
                <span className="detail">
                  {i === 0 ? t('scenarios.compare.planDetail', { year: f.academicYear }) : (props.comparedDetail?.(f) ?? t('scenarios.compare.scenarioDetail', { year: f.academicYear }))}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section(t('scenarios.compare.budgetSection'))}
          {moneyRow(
            t('scenarios.compare.position'),
            'position',
            (f) => f.budget.positionPence,
            (s) => s.difference.positionPence,
            'gain',
            position,
          )}
          {moneyRow(
            t('scenarios.compare.income'),
            'income',
            (f) => f.budget.incomePence,
            (s) => s.difference.incomePence,
            'gain',
          )}
          {moneyRow(
            t('scenarios.compare.charged'),
            'charged',
            (f) => f.budget.chargedPence,
            (s) => s.difference.chargedPence,
            'cost',
          )}
          {fyYears.map((y) =>
            moneyRow(
              t('scenarios.compare.fyPosition', { year: fyName(y) }),
              `fy-${y}`,
              (f) => f.budget.financialYears.find((x) => x.year === y)?.positionPence ?? null,
              (s) => s.difference.financialYears.find((x) => x.year === y)?.positionPence ?? null,
              'gain',
              position,
            ),
          )}
          {moneyRow(
            t('scenarios.compare.totalCost'),
            'total',
            (f) => f.totalCostPence,
            (s) => s.difference.totalCostPence,
            'cost',
          )}
        </tbody>
        <tbody>
          {section(t('scenarios.compare.byAlpSection'))}
          {groupRows(
            'alp',
            (f) => f.byAlp,
            (s) => s.difference.byAlp,
          )}
        </tbody>
        <tbody>
          {section(t('scenarios.compare.byTierSection'))}
          {groupRows(
            'tier',
            (f) => f.byTier,
            (s) => s.difference.byTier,
          )}
        </tbody>
        <tbody>
          {section(t('scenarios.compare.byAreaSection'))}
          {groupRows(
            'area',
            (f) => f.byArea,
            (s) => s.difference.byArea,
          )}
        </tbody>
        <tbody>
          {section(t('scenarios.compare.learnersSection'))}
          {countRow(
            t('scenarios.compare.alpShort'),
            'alp-short',
            (f) => f.alpShortfall.count,
            (s) => s.difference.alpShortfallCount,
            (f) => f.alpShortfall.learners.map((l) => l.ref),
          )}
          {countRow(
            t('scenarios.compare.welshShort'),
            'welsh-short',
            (f) => f.welshAlpShortfall.count,
            (s) => s.difference.welshAlpShortfallCount,
            (f) => f.welshAlpShortfall.learnerRefs,
          )}
          {countRow(
            t('scenarios.compare.overAllocated'),
            'over-allocated',
            (f) => f.staffOverAllocated.count,
            (s) => s.difference.staffOverAllocatedCount,
            (f) => f.staffOverAllocated.staff.map((s) => s.name),
          )}
          {countRow(
            t('scenarios.compare.unstaffed'),
            'unstaffed',
            (f) => f.unstaffedLines.count,
            (s) => s.difference.unstaffedLinesCount,
            (f) => f.unstaffedLines.lines.map((l) => nameOf(l)),
          )}
        </tbody>
      </table>
      {scenarios.some((s) => s.difference.newlyShortRefs.length > 0) ? (
        <ul className="plain-list compare-notes">
          {scenarios
            .filter((s) => s.difference.newlyShortRefs.length > 0)
            .map((s) => (
              <li key={s.id ?? 0}>{t('scenarios.compare.newlyShort', { name: s.name, refs: s.difference.newlyShortRefs.join(', '), count: s.difference.newlyShortRefs.length })}</li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
