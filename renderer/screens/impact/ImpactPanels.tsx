import { memo, useId, useMemo, useState } from 'react';
import type { LineImpact, MeasureImpact } from '../../../shared/engine';
import type { Enrolment, InterventionLine } from '../../../shared/domain';
import { DraftField } from '../../components/fields';
import { learnerName, namesOf, useDisplay } from '../../display';
import { problemOf, useMapio } from '../../state/store';
import { formatProgress, formatShare, readExpectedProgress, unitAfterPer } from './progressText';
import { measureWordsIn, welshMeasureUnits } from '../../../shared/i18n/schoolWords';
import { DataTable } from '../../components/DataTable';

const NO_ENROLMENTS: readonly Enrolment[] = [];

function useImpactText() {
  const d = useDisplay();
  const { t, locale, pounds, lang } = d;
  const enrolments = useMapio((s) => s.view?.data.enrolments);
  // The measure's name and unit in the reader's language: the school's Welsh where it gave it.
  const words = measureWordsIn(enrolments ?? NO_ENROLMENTS, lang);
  const unitOf = (m: Pick<MeasureImpact, 'measureUnit'>) => (m.measureUnit.trim() ? words.unit(m.measureUnit) : t('impact.noUnit'));
  const measureLabel = (m: Pick<MeasureImpact, 'measureName' | 'measureUnit'>) => {
    const name = words.name(m.measureName);
    return name.trim() ? (m.measureUnit.trim() ? t('impact.measureWithUnit', { name, unit: words.unit(m.measureUnit) }) : name) : t('impact.unnamedMeasure');
  };
  const progress = (value: number, m: Pick<MeasureImpact, 'measureUnit'>) => t('impact.progressValue', { value: formatProgress(value, locale), unit: unitOf(m) });
  const share = (m: MeasureImpact) =>
    m.madeExpectedShareBasisPoints === null || m.madeExpectedProgress === null || m.expectedProgress === null
      ? t('impact.noExpected')
      : t('impact.shareValue', {
          share: formatShare(m.madeExpectedShareBasisPoints, locale),
          made: m.madeExpectedProgress,
          of: m.learnersMeasured,
          expected: formatProgress(m.expectedProgress, locale),
        });
  const welshUnits = welshMeasureUnits(enrolments ?? NO_ENROLMENTS);
  // "£65.82 per month": one of the unit, from the name the school gave it ("months"; in Welsh "mis", as typed).
  const perUnit = (m: MeasureImpact) => {
    if (m.costPerUnitOfProgressPence === null) return t('impact.noPerUnit');
    const amount = pounds(m.costPerUnitOfProgressPence);
    const one = lang === 'cy' ? (welshUnits.get(m.measureUnit.trim()) ?? null) : unitAfterPer(m.measureUnit);
    return one ? t('impact.perNamedUnit', { amount, unit: one }) : t('impact.perUnitValue', { amount, unit: unitOf(m) });
  };
  return { ...d, measureLabel, progress, share, perUnit };
}

/** One line's impact, measure by measure (never averaged together), for the line editor. */
export function LineImpactPanel(props: { line: InterventionLine }) {
  const { t, pounds, measureLabel, progress, share, perUnit } = useImpactText();
  const mutate = useMapio((s) => s.mutate);
  const impact = useMapio((s) => s.view?.costed.impact.lines.find((l) => l.lineId === props.line.id));
  const id = useId();
  const { line } = props;
  const save = async (value: number | null) => problemOf(await mutate('lines.update', { id: line.id, changes: { expectedProgress: value } }, { fieldErrors: true }));

  return (
    <section className="subform impact-panel" aria-labelledby={`${id}-h`} data-testid="line-impact">
      <h3 id={`${id}-h`}>{t('impact.lineHeading')}</h3>
      <DraftField
        label={t('impact.expectedProgress')}
        hint={t('impact.expectedProgressHint')}
        value={line.expectedProgress ?? null}
        format={(v) => (v === null ? '' : String(v))}
        inputMode="decimal"
        read={(s) => {
          const r = readExpectedProgress(s);
          return r.ok ? r : { ok: false, message: t('impact.expectedInvalid') };
        }}
        commit={save}
        testId="line-expected-progress"
      />
      {!impact || impact.enrolments === 0 ? (
        <p className="muted">{t('impact.nobodyEnrolled')}</p>
      ) : (
        <>
          <p className="muted">
            {t('impact.measuredOf', { measured: impact.learnersMeasured, count: impact.enrolments })}
            {impact.notMeasured > 0 ? ` ${t('impact.notMeasured', { count: impact.notMeasured })}` : ''} {t('impact.costPerLearner', { amount: pounds(impact.costPerLearnerPence) })}
          </p>
          {impact.mixedMeasures ? (
            <p className="row-note">
              <span aria-hidden="true">ⓘ </span>
              {t('impact.mixed')}
            </p>
          ) : null}
          {impact.measures.map((m) => (
            <dl key={`${m.measureName}|${m.measureUnit}`} className="figure-list impact-measure" data-testid="impact-measure">
              <div className="wide">
                <dt>{t('impact.measure')}</dt>
                <dd className="strong">{measureLabel(m)}</dd>
              </div>
              <div>
                <dt>{t('impact.learnersMeasured')}</dt>
                <dd>{m.learnersMeasured}</dd>
              </div>
              <div>
                <dt>{t('impact.averageProgress')}</dt>
                <dd>{progress(m.averageProgress, m)}</dd>
              </div>
              <div>
                <dt>{t('impact.madeExpected')}</dt>
                <dd>{share(m)}</dd>
              </div>
              <div>
                <dt>{t('impact.costPerUnit')}</dt>
                <dd className="money">{perUnit(m)}</dd>
              </div>
            </dl>
          ))}
          {impact.measures.length === 0 ? <p className="muted">{t('impact.noMeasures')}</p> : null}
        </>
      )}
    </section>
  );
}

/**
 * Every measured line on the map: which interventions earn their cost (one row per line and measure).
 * Below the map, so on screen during every edit: each line's rows are memoised on the line's impact
 * (which keeps its identity when an edit's patch leaves it alone, shared/api/yearPatch.ts) and its name,
 * so an edit to one line renders that line's rows again, not the whole table (docs/performance.md).
 */
export const MapImpactPanel = memo(function MapImpactPanel() {
  const { t, nameOf } = useDisplay();
  const impactLines = useMapio((s) => s.view?.costed.impact.lines);
  const lines = useMapio((s) => s.view?.data.lines);
  const selectLine = useMapio((s) => s.selectLine);
  const [open, setOpen] = useState(true);
  const id = useId();
  const lineNames = useMemo(() => new Map((lines ?? []).map((l) => [l.id, nameOf(l)])), [lines, nameOf]);
  const measured = useMemo(() => (impactLines ?? []).filter((l) => l.measures.length > 0), [impactLines]);
  // The headings, worded once per language: the table's rows render again on an edit, its heading does not.
  const columns = useMemo(
    () => [
      { label: t('impact.col.line') },
      { label: t('impact.measure') },
      { label: t('impact.learnersMeasured'), className: 'num' },
      { label: t('impact.averageProgress'), className: 'num' },
      { label: t('impact.madeExpected') },
      { label: t('impact.col.costPerLearner'), className: 'num' },
      { label: t('impact.costPerUnit'), className: 'num' },
    ],
    [t],
  );
  if (!impactLines || !lines) return null;
  return (
    <section className="card impact-map" aria-labelledby={`${id}-h`} data-testid="map-impact">
      <div className="tier-head">
        <h2 id={`${id}-h`}>{t('impact.mapHeading')}</h2>
        <button type="button" className="small" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {open ? t('impact.hide') : t('impact.show')}
        </button>
      </div>
      {open ? (
        <div id={`${id}-body`}>
          <p className="muted">{t('impact.mapIntro')}</p>
          {measured.length === 0 ? (
            <p className="empty">{t('impact.noneMeasured')}</p>
          ) : (
            <DataTable className="compact" columns={columns}>
              {measured.map((l) => (
                <LineImpactRows key={l.lineId} impact={l} lineName={lineNames.get(l.lineId)} onSelect={selectLine} />
              ))}
            </DataTable>
          )}
        </div>
      ) : null}
    </section>
  );
});

/** One measured line's rows in the map's impact table: one per measure, the line named in the first. */
const LineImpactRows = memo(function LineImpactRows(props: { impact: LineImpact; lineName: string | undefined; onSelect: (lineId: number) => void }) {
  const { t, pounds, measureLabel, progress, share, perUnit } = useImpactText();
  const { impact: l, lineName, onSelect } = props;
  return (
    <>
      {l.measures.map((m, i) => (
        <tr key={i} data-testid={`impact-row-${l.lineId}`}>
          {i === 0 ? (
            <th scope="row" rowSpan={l.measures.length}>
              <button type="button" className="row-title" onClick={() => onSelect(l.lineId)}>
                {lineName ?? t('common.unknownName')}
              </button>
            </th>
          ) : null}
          <td>{measureLabel(m)}</td>
          <td className="num">{m.learnersMeasured}</td>
          <td className="num">{progress(m.averageProgress, m)}</td>
          <td>{share(m)}</td>
          <td className="num money">{pounds(l.costPerLearnerPence)}</td>
          <td className="num money">{perUnit(m)}</td>
        </tr>
      ))}
    </>
  );
});

/** A learner's progress across all their provision, one row per measure. */
export function LearnerProgressPanel(props: { learnerId: number }) {
  const { t, measureLabel, progress, nameOf } = useImpactText();
  const view = useMapio((s) => s.view);
  const id = useId();
  if (!view) return null;
  const names = namesOf(view.data);
  const learner = names.learners.get(props.learnerId);
  const impact = view.costed.impact.learners.find((l) => l.learnerId === props.learnerId);
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="learner-progress">
      <h2 id={`${id}-h`}>{t('impact.learnerHeading', { name: learner ? learnerName(learner) : '' })}</h2>
      {!impact || impact.measures.length === 0 ? (
        <p className="muted">{t('impact.learnerNone')}</p>
      ) : (
        <DataTable
          className="compact"
          columns={[
            { label: t('impact.measure') },
            { label: t('impact.col.enrolmentsMeasured'), className: 'num' },
            { label: t('impact.col.totalProgress'), className: 'num' },
            { label: t('impact.col.lines') },
          ]}
          wrap={false}
        >
          {impact.measures.map((m) => (
            <tr key={`${m.measureName}|${m.measureUnit}`}>
              <td>{measureLabel(m)}</td>
              <td className="num">{m.enrolmentsMeasured}</td>
              <td className="num strong">{progress(m.totalProgress, m)}</td>
              <td>{m.lineIds.map((lid) => nameOf(names.lines.get(lid), t('common.unknownName'))).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
