/**
 * Outliers against the median of schools of the same phase (on per-head figures and shares only), as questions to ask (worded in the reader's language with the school's context),
 * never a ranking: schools stay in name order on the chart. One measure at a time: each school a bar,
 * the median a solid line, the fences dashed lines; an outlier's bar is striped and labelled "outlier",
 * so nothing depends on colour alone. "Show as table" gives the same figures as text. Where a phase has
 * too few schools for fences, it says so, with the count and the minimum.
 */
import { useId, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useDisplay } from '../../display';
import { OUTLIER_MEASURES, measureValue, type AuthorityComparison, type MeasureKey, type PhaseMeasureSummary } from '../../../shared/authority/comparison';
import { PHASES, type Phase } from '../../../shared/domain';
import { comparisonWords, shownSchoolName } from '../../../shared/authority/comparisonWords';
import { orderSchools, percent } from './authorityFigures';
import { DataTable } from '../../components/DataTable';

const BAR = '#1d4e89';
const OUTLIER = '#b35c00';
const MEDIAN = '#1b2430';
const FENCE = '#6b3fa0';

export function OutlierSection(props: { comparison: AuthorityComparison }) {
  const { t, lang } = useDisplay();
  const words = comparisonWords(t, lang);
  const rowByKey = new Map(props.comparison.schools.map((r) => [r.schoolKey, r]));
  const id = useId();
  const { outliers, phaseMeasures, schools } = props.comparison;
  const firstWithOutlier = OUTLIER_MEASURES.find((m) => outliers.some((o) => o.measure === m));
  const [measure, setMeasure] = useState<MeasureKey>(firstWithOutlier ?? 'spendPerLearnerWithAlnPence');
  const phases = PHASES.filter((p) => schools.some((r) => r.context.phase === p));
  const [chosenPhase, setPhase] = useState<Phase | null>(outliers[0]?.phase ?? null);
  const phase = chosenPhase && phases.includes(chosenPhase) ? chosenPhase : (phases[0] ?? null);
  const summary = phaseMeasures.find((m) => m.measure.key === measure && m.phase === phase);
  const tooFew = phaseMeasures.filter((m) => m.lowerFence === null);
  // The chart shows the schools the fences were drawn from: the phase's, and for the Welsh-medium share not the Welsh-medium schools.
  const inPhase: AuthorityComparison = {
    ...props.comparison,
    schools: schools.filter((r) => r.context.phase === phase && !(measure === 'welshMediumShareOfAlpCost' && r.context.languageMedium === 'welsh')),
    outliers: outliers.filter((o) => o.phase === phase),
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="outliers-section">
      <h2 id={`${id}-title`}>{t('authority.outliers.title')}</h2>
      <p className="intro">{t('authority.outliers.intro')}</p>
      <p className="field-hint">{words.rule()}</p>
      {outliers.length === 0 ? (
        <p className="empty">{words.noOutliers(phaseMeasures)}</p>
      ) : (
        <>
          <h3>{t('authority.outliers.questionsTitle', { count: outliers.length })}</h3>
          <ul className="question-list" data-testid="outlier-questions">
            {outliers.map((o) => (
              <li key={`${o.schoolKey}-${o.measure}`}>
                <span className="pill pill-warn">{t(`authority.outliers.${o.direction}`)}</span> <span>{words.question(o, rowByKey.get(o.schoolKey))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {tooFew.length > 0 ? (
        <>
          <h3>{t('compareBook.outliers.tooFewTitle')}</h3>
          <ul data-testid="outliers-too-few">
            {tooFew.map((m) => (
              <li key={`${m.phase}-${m.measure.key}`}>{words.tooFew(m)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {phases.length > 1 ? (
        <label className="filter">
          <span>{t('authority.filters.phase')}</span>
          <select value={phase ?? ''} onChange={(e) => setPhase(e.target.value as Phase)} data-testid="outlier-phase">
            {phases.map((p) => (
              <option key={p} value={p}>
                {t(`authority.phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {summary ? <MeasureChart comparison={inPhase} summary={summary} measure={measure} onMeasure={setMeasure} /> : null}
    </section>
  );
}

function MeasureChart(props: { comparison: AuthorityComparison; summary: PhaseMeasureSummary; measure: MeasureKey; onMeasure: (m: MeasureKey) => void }) {
  const { t, lang, pounds } = useDisplay();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const { summary, measure } = props;
  const money = summary.measure.unit === 'pence';
  const format = (v: number) => (money ? pounds(v) : percent(v));
  const axisFormat = (v: number) => (money ? pounds(v).replace(/\.\d\d$/, '') : `${Math.round(v / 100)}%`);
  const outlierOf = useMemo(() => new Map(props.comparison.outliers.filter((o) => o.measure === measure).map((o) => [o.schoolKey, o])), [props.comparison.outliers, measure]);
  // Ordered by the name the reader reads (as the schools table is), and labelled with it.
  const rows = orderSchools(props.comparison.schools, 'name', lang).map((r) => ({
    key: r.schoolKey,
    name: shownSchoolName(r.context, lang),
    value: measureValue(r, measure),
  }));
  const plotted = rows.filter((r): r is { key: string; name: string; value: number } => r.value !== null);
  const missing = rows.filter((r) => r.value === null);
  const height = Math.max(200, plotted.length * 26 + 70);
  const stripes = `${id}-stripes`.replace(/:/g, '');
  // Without fences (too few schools with a figure) nothing is within or outside them: the legend and the
  // table say what the bars are, and nothing about fences.
  const fenced = summary.lowerFence !== null && summary.upperFence !== null;
  const standing = (key: string) => {
    const o = outlierOf.get(key);
    return o ? t(`authority.outliers.${o.direction}`) : t('authority.outliers.within');
  };

  return (
    <div className="chart-card measure-chart" data-testid="outlier-chart">
      <div className="chart-head">
        <label className="filter">
          <span>{t('authority.outliers.measureLabel')}</span>
          <select value={measure} onChange={(e) => props.onMeasure(e.target.value as MeasureKey)} data-testid="outlier-measure">
            {OUTLIER_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`authority.measure.${m}`)}
                {props.comparison.outliers.some((o) => o.measure === m) ? ` (${t('authority.outliers.hasOutliers')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid="outlier-table-toggle">
          {asTable ? t('common.showAsChart') : t('common.showAsTable')}
        </button>
      </div>
      <p className="chart-caption" data-testid="outlier-caption">
        {summary.median === null
          ? t('authority.outliers.noValues')
          : summary.lowerFence === null || summary.upperFence === null
            ? // Once: the list above names the phase and measure not looked for, and the measure is chosen just above.
              t('authority.outliers.tooFew', { median: format(summary.median), count: summary.schools })
            : t('authority.outliers.caption', {
                median: format(summary.median),
                lower: format(summary.lowerFence),
                upper: format(summary.upperFence),
                schools: summary.schools,
              })}
      </p>
      {plotted.length > 0 && !asTable ? (
        <ul className="chart-legend" aria-hidden="true">
          <li>
            <svg width="28" height="12">
              <line x1="0" y1="6" x2="28" y2="6" stroke={MEDIAN} strokeWidth="2" />
            </svg>
            {t('authority.outliers.medianLine')}
          </li>
          {fenced ? (
            <li>
              <svg width="28" height="12">
                <line x1="0" y1="6" x2="28" y2="6" stroke={FENCE} strokeWidth="2" strokeDasharray="6 4" />
              </svg>
              {t('authority.outliers.fenceLines')}
            </li>
          ) : null}
          <li>
            <svg width="20" height="12">
              <rect width="20" height="12" fill={BAR} />
            </svg>
            {fenced ? t('authority.outliers.withinBar') : t('authority.outliers.schoolBar')}
          </li>
          {fenced ? (
            <li>
              <svg width="20" height="12">
                <rect width="20" height="12" fill={`url(#${stripes})`} stroke={OUTLIER} />
              </svg>
              {t('authority.outliers.outlierBar')}
            </li>
          ) : null}
        </ul>
      ) : null}
      {plotted.length === 0 ? null : asTable ? (
        <DataTable
          className="compact"
          testId="outlier-table"
          caption={t(`authority.measure.${measure}`)}
          columns={[{ label: t('authority.col.school') }, { label: t(`authority.measure.${measure}`), className: 'num' }, ...(fenced ? [{ label: t('authority.outliers.againstFences') }] : [])]}
          wrap={false}
        >
          {plotted.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num money">{format(r.value)}</td>
              {fenced ? <td>{standing(r.key)}</td> : null}
            </tr>
          ))}
        </DataTable>
      ) : (
        <div className="chart-box" style={{ height }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={plotted} layout="vertical" margin={{ top: 8, right: 200, left: 8, bottom: 8 }} accessibilityLayer={false}>
              <defs>
                <pattern id={stripes} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                  <rect width="8" height="8" fill="#fff" />
                  <rect width="4" height="8" fill={OUTLIER} />
                </pattern>
              </defs>
              <CartesianGrid strokeDasharray="3 3" stroke="#d5dbe3" />
              <XAxis type="number" tickFormatter={axisFormat} tick={{ fill: '#333', fontSize: 12 }} />
              <YAxis type="category" dataKey="name" width={190} interval={0} tick={{ fill: '#333', fontSize: 12 }} />
              <Bar dataKey="value" isAnimationActive={false}>
                {plotted.map((r) => (
                  <Cell key={r.key} fill={outlierOf.has(r.key) ? `url(#${stripes})` : BAR} stroke={outlierOf.has(r.key) ? OUTLIER : BAR} />
                ))}
                <LabelList
                  dataKey="value"
                  position="right"
                  content={(p) => {
                    const { x, y, width, height: h, index } = p as { x: number; y: number; width: number; height: number; index: number };
                    const row = plotted[index];
                    if (!row) return null;
                    const o = outlierOf.get(row.key);
                    return (
                      <text x={Number(x) + Math.max(Number(width), 0) + 6} y={Number(y) + Number(h) / 2} dominantBaseline="middle" fontSize={12} fill="#1b2430" fontWeight={o ? 700 : 400}>
                        {format(row.value)}
                        {o ? ` ⚑ ${t(`authority.outliers.${o.direction}Short`)}` : ''}
                      </text>
                    );
                  }}
                />
              </Bar>
              {summary.median !== null ? <ReferenceLine x={summary.median} ifOverflow="extendDomain" stroke={MEDIAN} strokeWidth={2} /> : null}
              {summary.lowerFence !== null ? <ReferenceLine x={summary.lowerFence} ifOverflow={summary.lowerFence >= 0 ? 'extendDomain' : 'discard'} stroke={FENCE} strokeDasharray="6 4" /> : null}
              {summary.upperFence !== null ? <ReferenceLine x={summary.upperFence} ifOverflow="extendDomain" stroke={FENCE} strokeDasharray="6 4" /> : null}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {missing.length > 0 ? <p className="field-hint">{t('authority.outliers.missing', { names: missing.map((m) => m.name).join(', ') })}</p> : null}
    </div>
  );
}
