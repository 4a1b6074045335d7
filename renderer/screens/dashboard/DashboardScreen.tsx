import { useId, useMemo, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ALN_STATUSES } from '../../../shared/domain';
import { namesOf, useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { DecisionsDueCard } from './DecisionsDueCard';
import { hourTicks } from './hourTicks';
import { welshProvisionChart } from './welshProvisionChart';

interface Series {
  key: string;
  label: string;
  /** Solid or striped: the two series differ by pattern as well as colour. */
  pattern: 'solid' | 'stripes';
}

interface ChartRow {
  name: string;
  [series: string]: string | number;
}

const SOLID = '#1d4e89';
const STRIPE = '#b35c00';

/** A chart with a text title and a "Show as table" toggle giving the same numbers. */
function ChartCard(props: {
  title: string;
  rows: ChartRow[];
  series: Series[];
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  layout?: 'horizontal' | 'vertical';
  /** Counts of children or staff: whole-number ticks only (never 0.25 of a learner). */
  wholeNumbers?: boolean;
  /** Minutes a week: the value axis ticks at even whole hours (hourTicks), not recharts' even minutes. */
  hourAxis?: boolean;
  /** Said instead of drawing bars that are all 0: there is nothing to draw yet, and why. */
  allZero?: string;
  testId: string;
}) {
  const { t } = useDisplay();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const vertical = props.layout === 'vertical';
  const height = vertical ? Math.max(220, props.rows.length * (28 * props.series.length + 14) + 60) : 280;
  let body: ReactNode;
  const nothingToDraw = props.rows.every((r) => props.series.every((s) => Number(r[s.key] ?? 0) === 0));
  const ticks = props.hourAxis ? hourTicks(Math.max(0, ...props.rows.flatMap((r) => props.series.map((s) => Number(r[s.key] ?? 0))))) : null;
  const valueAxis = ticks ? { ticks, domain: [0, ticks.at(-1) ?? 0], interval: 0 as const } : {};
  if (props.rows.length === 0) body = <p className="muted">{t('dashboard.empty')}</p>;
  else if (nothingToDraw && !asTable)
    body = (
      <p className="muted" data-testid={`${props.testId}-nothing`}>
        {props.allZero ?? t('dashboard.allZero')}
      </p>
    );
  else if (asTable)
    body = (
      <table className="data-table compact" data-testid={`${props.testId}-table`}>
        <caption className="visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.item')}</th>
            {props.series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {props.series.map((s) => (
                <td key={s.key} className="num money">
                  {props.format(Number(r[s.key] ?? 0))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  else
    body = (
      <div className="chart-box" style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={props.rows} layout={vertical ? 'vertical' : 'horizontal'} margin={{ top: 22, right: vertical ? 90 : 16, left: 8, bottom: 8 }} accessibilityLayer={false}>
            <defs>
              <pattern id={`${id}-stripes`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#fff" />
                <rect width="4" height="8" fill={STRIPE} />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" stroke="#d5dbe3" />
            {vertical ? (
              <>
                <XAxis type="number" {...valueAxis} allowDecimals={!props.wholeNumbers} tickFormatter={props.axisFormat ?? props.format} tick={{ fill: '#333', fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={150} tick={{ fill: '#333', fontSize: 12 }} />
              </>
            ) : (
              <>
                <XAxis dataKey="name" tick={{ fill: '#333', fontSize: 12 }} interval={0} />
                <YAxis {...valueAxis} allowDecimals={!props.wholeNumbers} tickFormatter={props.axisFormat ?? props.format} width={80} tick={{ fill: '#333', fontSize: 12 }} />
              </>
            )}
            <Tooltip formatter={(v) => props.format(Number(v))} separator=": " />
            {/* Our own legend, in the series' order and the reader's language: recharts' own names each icon
                "<series> legend icon", in English whatever the language. */}
            {props.series.length > 1 ? (
              <Legend
                content={() => (
                  <ul className="chart-legend">
                    {props.series.map((s) => (
                      <li key={s.key}>
                        <svg width="14" height="14" aria-hidden="true" focusable="false">
                          <rect x="0.5" y="0.5" width="13" height="13" fill={s.pattern === 'stripes' ? `url(#${id}-stripes)` : SOLID} stroke={s.pattern === 'stripes' ? STRIPE : SOLID} />
                        </svg>
                        {s.label}
                      </li>
                    ))}
                  </ul>
                )}
              />
            ) : null}
            {props.series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.pattern === 'stripes' ? `url(#${id}-stripes)` : SOLID}
                stroke={s.pattern === 'stripes' ? STRIPE : SOLID}
                isAnimationActive={false}
              >
                <LabelList dataKey={s.key} position={vertical ? 'right' : 'top'} formatter={(v: unknown) => props.format(Number(v))} style={{ fill: '#1b2430', fontSize: 12 }} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    );

  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`} data-testid={props.testId}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{props.title}</h2>
        <button type="button" className="small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? t('common.showAsChart') : t('common.showAsTable')}
        </button>
      </div>
      {body}
    </section>
  );
}

export function DashboardScreen() {
  const { t, pounds, hours, groupLabel } = useDisplay();
  const view = useMapio((s) => s.view);
  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  if (!view || !data || !names) return null;
  const { totals, budget } = view.costed;
  const wholePounds = (p: number) => pounds(p).replace(/\.\d\d$/, '');
  const count = (n: number) => String(n);

  const budgetRows: ChartRow[] = [
    { name: t('dashboard.series.income'), value: budget.incomePence },
    { name: t('dashboard.series.charged'), value: budget.chargedPence },
    { name: t('dashboard.series.committed'), value: totals.costPence },
  ];
  const costSeries: Series[] = [
    { key: 'cost', label: t('dashboard.series.cost'), pattern: 'solid' },
    { key: 'charged', label: t('dashboard.series.charged'), pattern: 'stripes' },
  ];
  const tierRows = totals.byTier.map((b) => ({ name: groupLabel(b.key, names.tiers), cost: b.costPence, charged: b.chargedPence }));
  const areaRows = totals.byArea.map((b) => ({ name: groupLabel(b.key, names.areas), cost: b.costPence, charged: b.chargedPence }));
  const statusRows = ALN_STATUSES.map((s) => ({ name: t(`enums.alnStatus.${s}`), learners: data.learners.filter((l) => l.alnStatus === s).length }));
  const welsh = welshProvisionChart(view, t);
  const staffRows = view.costed.staff.map((s) => ({
    name: names.staff.get(s.staffId)?.name ?? String(s.staffId),
    contracted: s.contractedMinutesPerWeek,
    allocated: s.peakAllocatedMinutesPerWeek,
  }));

  return (
    <div className="dashboard-screen">
      <h1>{t('dashboard.title')}</h1>
      <p className="intro">{t('dashboard.intro')}</p>
      <DecisionsDueCard />
      <div className="cards">
        <ChartCard
          title={t('dashboard.budgetVsSpend')}
          rows={budgetRows}
          series={[{ key: 'value', label: t('budget.col.amount'), pattern: 'solid' }]}
          format={pounds}
          axisFormat={wholePounds}
          layout="vertical"
          testId="chart-budget"
        />
        <ChartCard title={t('dashboard.spendByTier')} rows={tierRows} series={costSeries} format={pounds} axisFormat={wholePounds} layout="vertical" testId="chart-tier" />
        <ChartCard title={t('dashboard.spendByArea')} rows={areaRows} series={costSeries} format={pounds} axisFormat={wholePounds} layout="vertical" testId="chart-area" />
        <ChartCard
          title={t('dashboard.learnersByStatus')}
          rows={statusRows}
          series={[{ key: 'learners', label: t('dashboard.series.learners'), pattern: 'solid' }]}
          format={count}
          layout="vertical"
          wholeNumbers
          allZero={t('dashboard.nothingToDraw.status')}
          testId="chart-status"
        />
        <ChartCard
          title={t('dashboard.staffAllocation')}
          rows={staffRows}
          series={[
            { key: 'contracted', label: t('dashboard.series.contracted'), pattern: 'solid' },
            { key: 'allocated', label: t('dashboard.series.allocated'), pattern: 'stripes' },
          ]}
          format={hours}
          layout="vertical"
          hourAxis
          testId="chart-staff"
        />
        <ChartCard
          title={welsh.title}
          rows={welsh.rows}
          series={[{ key: 'minutes', label: welsh.seriesLabel, pattern: 'solid' }]}
          format={hours}
          layout="vertical"
          hourAxis
          allZero={t('dashboard.nothingToDraw.welsh')}
          testId="chart-welsh"
        />
      </div>
    </div>
  );
}
