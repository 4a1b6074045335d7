import { lazy, memo, startTransition, Suspense, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CostedLineFigures } from '../../../shared/engine';
import { DELIVERY_LANGUAGES, type AreaOfNeed, type DeliveryLanguage, type InterventionLine, type Pence, type StaffMember, type Tier } from '../../../shared/domain';
import { namesOf, useDisplay } from '../../display';
import { useMapio, useYearAndFigures } from '../../state/store';
import { formatHundredths } from '../../forms/parse';
import { divideRoundedToNumber } from '../../../shared/money';
import { MapImpactPanel } from '../impact/ImpactPanels';
import { filterLines, groupByTier, isFiltering, NO_FILTER, type MapFilter } from './mapFilters';
import { TableHead, type ColumnHeading } from '../../components/TableHead';
import { Loading } from '../../components/Loading';
import { afterFirstRowsPainted, FIRST_ROWS_MARK } from './afterFirstRowsPainted';

// The line editor and the new-line dialog load when first opened: the map paints without them. They are
// fetched once every row is on screen, so opening a line rarely waits.
const loadLineEditor = () => import('./LineEditor');
const loadAddLineDialog = () => import('./AddLineDialog');
const LineEditor = lazy(() => loadLineEditor().then((m) => ({ default: m.LineEditor })));
const AddLineDialog = lazy(() => loadAddLineDialog().then((m) => ({ default: m.AddLineDialog })));

/**
 * Rows rendered in the map's first pass at most: more than a screen holds (a row is 52–95 px tall; a
 * 2560×1440 window shows 19 below the filters, a 1440×900 one 7). A map with more lines paints with
 * the rows its window can show (`rowsTheWindowShows`, and this many whenever those leave the window's
 * foot empty), and every other row (and the impact panel below the map) follows once those are painted,
 * in a transition React renders in slices between frames, so a large secondary's map (150 lines) is on
 * screen before all its rows are built (docs/performance.md). Every row is in the page once the second pass has run, so
 * finding, printing and reading the map are as before; a map of up to this many lines is rendered whole at once.
 */
export const FIRST_PASS_ROWS = 20;
/** The rest of a large map follows its first rows' paint, or this long after them in a window that paints nothing. */
const REST_OF_THE_MAP_AT_MOST_MS = 1000;
/** The least a row is tall: its sessions cell is always two lines. */
const ROW_MIN_PX = 52;
/** Less than what stands above the map's first row in any window: the shell's bars, the screen's heading, the filters and the tier's heading (≈ 400 px at 1440×900). */
const ABOVE_FIRST_ROW_PX = 300;
/** A tier's heading, its table's column headings and its total row, at their least. */
const TIER_FRAME_PX = 120;

/**
 * The rows the window can show below the map's heading and filters, and one more: fewer rows to build,
 * lay out and paint before the map's first frame (docs/performance.md, "Round 9").
 */
function rowsTheWindowShows(): number {
  const height = typeof window === 'undefined' ? Number.POSITIVE_INFINITY : window.innerHeight;
  return Math.max(4, Math.min(FIRST_PASS_ROWS, Math.ceil((height - ABOVE_FIRST_ROW_PX) / ROW_MIN_PX) + 1));
}

export const ProvisionMapScreen = memo(function ProvisionMapScreen() {
  const { t } = useDisplay();
  const { data, costed } = useYearAndFigures();
  const selectedLineId = useMapio((s) => s.selectedLineId);
  const selectLine = useMapio((s) => s.selectLine);
  const [filter, setFilter] = useState<MapFilter>(NO_FILTER);
  const [adding, setAdding] = useState<{ tierId: string | undefined } | null>(null);
  const [everyRow, setEveryRow] = useState(false);
  const [firstPassRows, setFirstPassRows] = useState(rowsTheWindowShows);
  const mapRef = useRef<HTMLDivElement>(null);
  const hasView = data !== null;
  // Before the first pass is painted: if its last row ends above the window's foot (a window whose
  // heading and filters are shorter than thought), render the first pass's most at once, so the first
  // frame never shows a part-empty map. The layout read here is the one the frame would do anyway.
  useLayoutEffect(() => {
    if (everyRow || firstPassRows >= FIRST_PASS_ROWS || !mapRef.current || mapRef.current.dataset.everyRow === 'true') return;
    const rows = mapRef.current.querySelectorAll('.map-table > tbody > tr');
    const last = rows[rows.length - 1];
    if (last && last.getBoundingClientRect().bottom < window.innerHeight) setFirstPassRows(FIRST_PASS_ROWS);
  }, [hasView, everyRow, firstPassRows]);
  useEffect(() => {
    if (hasView && !everyRow) return afterFirstRowsPainted(() => startTransition(() => setEveryRow(true)), REST_OF_THE_MAP_AT_MOST_MS);
    if (everyRow) for (const load of [loadLineEditor, loadAddLineDialog]) void load().catch(() => undefined); // tried again when opened
  }, [hasView, everyRow]);

  const costedById = useMemo(() => new Map((costed?.lines ?? []).map((c) => [c.lineId, c])), [costed?.lines]);
  const tierTotals = useMemo(() => new Map((costed?.totals.byTier ?? []).map((b) => [b.key, b])), [costed?.totals.byTier]);
  // The tables' headings, worded once per language rather than on every edit (one table a tier).
  const columns = useMemo(() => {
    const headings = (perLine: string) => [
      { label: t('map.col.name') },
      { label: t('map.col.areas'), className: 'col-optional' },
      { label: t('map.col.staff') },
      { label: t('map.col.sessions') },
      { label: t('map.col.language'), className: 'col-optional' },
      { label: t('map.col.funding'), className: 'col-optional' },
      { label: t('map.col.places'), className: 'num' },
      { label: t('map.col.cost'), className: 'num' },
      { label: perLine, className: 'num' },
      { label: t('map.col.costPerPlace'), className: 'num' },
    ];
    return { perPupil: headings(t('map.col.costPerPupil')), perLearner: headings(t('map.col.costPerLearner')) };
  }, [t]);
  const learners = data?.learners;
  const yearGroups = useMemo(() => [...new Set((learners ?? []).map((l) => l.yearGroup))].sort((a, b) => a - b), [learners]);
  // Add line opens a form; the line is created only when it is saved.
  const addLine = useCallback((tier?: Tier) => setAdding({ tierId: tier?.id }), []);
  // The same function for the editor's life, so its Escape listener is not taken off and put back on every edit.
  const closeEditor = useCallback(() => selectLine(null), [selectLine]);

  if (!data || !costed) return null;
  const shown = filterLines(data, filter);
  // A map that fits in the first pass is rendered whole at once, as it always was.
  const whole = everyRow || data.lines.length <= FIRST_PASS_ROWS;
  const groups = whole ? groupByTier(data, shown) : firstRowsOf(groupByTier(data, shown), firstPassRows);
  const filtering = isFiltering(filter);
  const selected = selectedLineId !== null ? data.lines.find((l) => l.id === selectedLineId) : undefined;
  const names = namesOf(data);

  return (
    <div className={`map-screen ${selected ? 'with-editor' : ''}`}>
      {/* data-every-row: whether the second pass has put every line's row in the page (tests count rows after it). */}
      <div className="map-main" data-every-row={whole} ref={mapRef}>
        <MapHead onAdd={addLine} />
        <MapFilters filter={filter} onChange={setFilter} areas={data.areas} staff={data.staff} yearGroups={yearGroups} shown={shown.length} total={data.lines.length} />

        {data.lines.length === 0 ? <p className="empty">{t('map.noLines')}</p> : null}

        {groups.map(({ tier, lines }) => (
          <TierGroup
            key={tier.id}
            tier={tier}
            lines={lines}
            costed={lines.map((line) => costedById.get(line.id))}
            subtotal={tierTotals.get(tier.id)}
            areasById={names.areas}
            staffById={names.staff}
            columns={tier.costing === 'whole_school' ? columns.perPupil : columns.perLearner}
            filtering={filtering}
            selectedLineId={selectedLineId}
            onSelect={selectLine}
            onAdd={addLine}
            numberOnRoll={data.school.numberOnRoll}
          />
        ))}
        {whole ? <MapImpactPanel /> : null}
      </div>
      {/* A boundary each: one loading never hides the other (an open modal dialog hidden would leave the page inert). */}
      <Suspense fallback={<Loading />}>{selected ? <LineEditor key={selected.id} line={selected} onClose={closeEditor} /> : null}</Suspense>
      <Suspense fallback={<Loading />}>{adding ? <AddLineDialog tierId={adding.tierId} onClose={() => setAdding(null)} onCreated={selectLine} /> : null}</Suspense>
    </div>
  );
});

/** The map's title, introduction and "Add line": worded once per language, not on every edit. */
const MapHead = memo(function MapHead({ onAdd }: { onAdd: (tier?: Tier) => void }) {
  const { t } = useDisplay();
  return (
    <div className="screen-head">
      <div>
        <h1>{t('map.title')}</h1>
        <p className="intro">{t('map.intro')}</p>
      </div>
      <button type="button" className="primary" data-testid="add-line" onClick={() => onAdd()}>
        + {t('map.addLine')}
      </button>
    </div>
  );
});

/**
 * The map's filters and how many lines they show. An edit to a line keeps the areas, staff and learners
 * (a patch keeps the lists it did not change), so the filters and their option lists do not render again.
 */
const MapFilters = memo(function MapFilters(props: {
  filter: MapFilter;
  onChange: (filter: MapFilter) => void;
  areas: AreaOfNeed[];
  staff: StaffMember[];
  yearGroups: number[];
  shown: number;
  total: number;
}) {
  const { t, yearGroup, nameOf } = useDisplay();
  const { filter, onChange: setFilter } = props;
  const filterId = useId();
  return (
    <fieldset className="filters">
      <legend>{t('map.filters')}</legend>
      <div className="filter">
        <label htmlFor={`${filterId}-text`}>{t('map.filterText')}</label>
        <input id={`${filterId}-text`} type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} data-testid="map-search" />
      </div>
      <div className="filter">
        <label htmlFor={`${filterId}-area`}>{t('map.filterArea')}</label>
        <select id={`${filterId}-area`} value={filter.areaId ?? ''} onChange={(e) => setFilter({ ...filter, areaId: e.target.value || null })}>
          <option value="">{t('common.all')}</option>
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {nameOf(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${filterId}-staff`}>{t('map.filterStaff')}</label>
        <select id={`${filterId}-staff`} value={filter.staffId ?? ''} onChange={(e) => setFilter({ ...filter, staffId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('common.all')}</option>
          {props.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${filterId}-lang`}>{t('map.filterLanguage')}</label>
        <select id={`${filterId}-lang`} value={filter.language ?? ''} onChange={(e) => setFilter({ ...filter, language: (e.target.value || null) as DeliveryLanguage | null })}>
          <option value="">{t('common.all')}</option>
          {DELIVERY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`enums.deliveryLanguage.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${filterId}-year`}>{t('map.filterYear')}</label>
        <select id={`${filterId}-year`} value={filter.yearGroup ?? ''} onChange={(e) => setFilter({ ...filter, yearGroup: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">{t('common.all')}</option>
          {props.yearGroups.map((y) => (
            <option key={y} value={y}>
              {yearGroup(y)}
            </option>
          ))}
        </select>
      </div>
      {isFiltering(filter) ? (
        <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
          {t('map.clearFilters')}
        </button>
      ) : null}
      <p className="filter-count" aria-live="polite">
        {t('map.showing', { shown: props.shown, count: props.total })}
      </p>
    </fieldset>
  );
});

interface TierGroupProps {
  tier: Tier;
  /** The tier's lines on show, and each one's figures, place by place. */
  lines: InterventionLine[];
  costed: Array<CostedLineFigures | undefined>;
  subtotal: { costPence: Pence } | undefined;
  areasById: ReadonlyMap<string, AreaOfNeed>;
  staffById: ReadonlyMap<number, StaffMember>;
  columns: readonly ColumnHeading[];
  filtering: boolean;
  selectedLineId: number | null;
  onSelect: (lineId: number) => void;
  onAdd: (tier?: Tier) => void;
  numberOnRoll: number;
}

/**
 * Compared by the lines and figures it shows, place by place: an edit's patch keeps the lines and figures
 * it did not change, so only the edited line's tier renders again (docs/performance.md).
 */
function sameTierGroup(a: TierGroupProps, b: TierGroupProps): boolean {
  return (
    a.tier === b.tier &&
    a.subtotal === b.subtotal &&
    a.areasById === b.areasById &&
    a.staffById === b.staffById &&
    a.columns === b.columns &&
    a.filtering === b.filtering &&
    a.selectedLineId === b.selectedLineId &&
    a.onSelect === b.onSelect &&
    a.onAdd === b.onAdd &&
    a.numberOnRoll === b.numberOnRoll &&
    sameList(a.lines, b.lines) &&
    sameList(a.costed, b.costed)
  );
}

/**
 * A tier's height before it has been laid out (its rows at their least height, and its heading, column
 * headings and total): what the page's scroll height counts for a tier off screen, which the browser
 * skips laying out and painting until it comes near (`content-visibility: auto`, base.css). Once laid out,
 * the tier's real height is remembered instead.
 */
function tierHeightGuess(rows: number): number {
  return TIER_FRAME_PX + Math.max(1, rows) * ROW_MIN_PX;
}

/** One tier's table: its lines' rows and the tier's total. */
const TierGroup = memo(function TierGroup(props: TierGroupProps) {
  const { t, pounds, nameOf } = useDisplay();
  const { tier, lines, subtotal, numberOnRoll, filtering, selectedLineId } = props;
  const headingId = `tier-${tier.id}`;
  const wholeSchool = tier.costing === 'whole_school';
  return (
    <section className="tier-group" aria-labelledby={headingId} data-testid={`tier-${tier.id}`} style={{ containIntrinsicBlockSize: `auto ${tierHeightGuess(lines.length)}px` }}>
      <div className="tier-head">
        <h2 id={headingId}>
          {nameOf(tier)} <span className={`tier-badge ${tier.isAlp ? 'is-alp' : ''}`}>{tier.isAlp ? t('map.tierAlp') : t('map.tierNotAlp')}</span>
        </h2>
        <button type="button" className="small" onClick={() => props.onAdd(tier)}>
          + {t('map.addLine')} <span className="visually-hidden">({nameOf(tier)})</span>
        </button>
      </div>
      <div className="table-wrap">
        <table className="data-table map-table">
          <TableHead columns={props.columns} />
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={10} className="muted">
                  {t('map.noLinesInTier')}
                </td>
              </tr>
            ) : (
              lines.map((line, i) => (
                <LineRow
                  key={line.id}
                  line={line}
                  costed={props.costed[i]}
                  areas={line.areaIds.map((a) => nameOf(props.areasById.get(a), a)).join(', ')}
                  staffNames={line.staff.map((s) => props.staffById.get(s.staffId)?.name ?? null)}
                  selected={line.id === selectedLineId}
                  onSelect={props.onSelect}
                  pounds={pounds}
                  numberOnRoll={numberOnRoll}
                  wholeSchool={wholeSchool}
                />
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{filtering ? t('map.tierTotalFiltered', { tier: nameOf(tier) }) : t('map.tierTotal', { tier: nameOf(tier) })}</th>
              <td className="col-optional" />
              <td />
              <td />
              <td className="col-optional" />
              <td className="col-optional" />
              <td />
              <td className="num money" data-testid={`tier-total-${tier.id}`}>
                {pounds(subtotal?.costPence ?? 0)}
              </td>
              {wholeSchool ? (
                <>
                  {/* The tier's cost ÷ pupils on roll: a display division of the engine's subtotal, rounded as the engine rounds. */}
                  <td className="num money" data-testid={`per-pupil-${tier.id}`} title={t('map.perPupilTotalHint', { roll: numberOnRoll })}>
                    {numberOnRoll > 0 ? pounds(divideRoundedToNumber(subtotal?.costPence ?? 0, numberOnRoll)) : t('common.dash')}
                  </td>
                  <td />
                </>
              ) : (
                <td colSpan={2} />
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}, sameTierGroup);

/**
 * The tiers with no more than `rows` lines between them, in order (the first pass): a tier whose lines
 * all come later is left out until then, never shown as empty.
 */
function firstRowsOf<G extends { lines: InterventionLine[] }>(groups: G[], rows: number): G[] {
  let left = rows;
  return groups.flatMap((group) => {
    if (group.lines.length === 0) return [group];
    const lines = group.lines.slice(0, Math.max(0, left));
    left -= lines.length;
    if (lines.length === 0) return [];
    return [lines.length === group.lines.length ? group : { ...group, lines }];
  });
}

interface LineRowProps {
  line: InterventionLine;
  costed: CostedLineFigures | undefined;
  /** The line's areas of need, named in the reader's language. */
  areas: string;
  /** The name of each staff assignment's person (null when the person is unknown), in the line's order. */
  staffNames: ReadonlyArray<string | null>;
  selected: boolean;
  onSelect: (lineId: number) => void;
  pounds: (p: number | null | undefined) => string;
  numberOnRoll: number;
  /** The line's tier is costed per pupil on roll (docs/costing-rules.md), so the row shows cost per pupil. */
  wholeSchool: boolean;
}

/**
 * An edit's answer is a patch (shared/api/yearPatch.ts): lines and figures it did not change keep their
 * identity, so most rows are the same at a glance. A whole view (a file opened, the year fetched again)
 * brings new objects for every line, so rows are then compared by value. Either way only the edited row,
 * and rows whose figures the edit moved, render again (re-rendering all 150 rows of a large secondary's
 * map was a visible part of an edit's time on screen). The figures compared are the engine's, as shown.
 */
function sameRow(a: LineRowProps, b: LineRowProps): boolean {
  return (
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.pounds === b.pounds &&
    a.numberOnRoll === b.numberOnRoll &&
    a.wholeSchool === b.wholeSchool &&
    a.areas === b.areas &&
    sameList(a.staffNames, b.staffNames) &&
    sameLineAsShown(a.line, b.line) &&
    sameFiguresAsShown(a.costed, b.costed)
  );
}

function sameList<T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameLineAsShown(a: InterventionLine, b: InterventionLine): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.name === b.name &&
      a.tierId === b.tierId &&
      a.deliveryLanguage === b.deliveryLanguage &&
      a.fundingSource === b.fundingSource &&
      a.fundingNote === b.fundingNote &&
      a.fundingNoteCy === b.fundingNoteCy &&
      a.minutesPerSession === b.minutesPerSession &&
      a.sessionsPerWeekHundredths === b.sessionsPerWeekHundredths &&
      a.startWeek === b.startWeek &&
      a.weeks === b.weeks &&
      a.undeliveredWeeks.length === b.undeliveredWeeks.length &&
      sameList(a.areaIds, b.areaIds) &&
      a.staff.length === b.staff.length &&
      a.staff.every((s, i) => s.staffId === b.staff[i]?.staffId && s.count === b.staff[i]?.count))
  );
}

function sameFiguresAsShown(a: CostedLineFigures | undefined, b: CostedLineFigures | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.costPence === b.costPence && a.places === b.places && a.enrolledLearners === b.enrolledLearners && a.costPerLearnerPence === b.costPerLearnerPence && a.costPerPlacePence === b.costPerPlacePence
  );
}

/**
 * Chromium's Element Timing mark on each row's name: the rest of a large map waits for it to be painted
 * (./afterFirstRowsPainted.ts), and the bench's in-page clock reads the map's first paint from it
 * (test/bench/uiScenario.ts, docs/performance.md). Browsers without the API ignore it.
 */
const FIRST_PAINT_MARK = { elementtiming: FIRST_ROWS_MARK } as Record<string, string>;

const LineRow = memo(function LineRow(props: LineRowProps) {
  const { t, nameOf, typedText } = useDisplay();
  const { line, costed, areas, pounds } = props;
  const select = () => props.onSelect(line.id);
  const overCapacity = costed ? costed.enrolledLearners > costed.places : false;
  return (
    <tr
      data-testid={`line-row-${line.id}`}
      className={props.selected ? 'selected' : undefined}
      aria-selected={props.selected ? true : undefined}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        select();
      }}
    >
      <td>
        <button type="button" className="row-title" aria-label={t('map.selectLine', { name: nameOf(line) })} onClick={select} {...FIRST_PAINT_MARK}>
          {nameOf(line)}
        </button>
        {line.undeliveredWeeks.length > 0 ? <div className="row-note warn">{t('map.undelivered', { count: line.undeliveredWeeks.length })}</div> : null}
      </td>
      <td className="col-optional">{areas || <span className="muted">{t('common.dash')}</span>}</td>
      <td>
        {line.staff.length === 0 ? (
          <span className="muted">{t('map.noStaff')}</span>
        ) : (
          <ul className="plain-list">
            {line.staff.map((s, i) => (
              <li key={s.staffId}>{t('map.staffItem', { name: props.staffNames[i] ?? t('common.unknownName'), count: s.count })}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {t('map.sessions', { minutes: line.minutesPerSession, perWeek: formatHundredths(line.sessionsPerWeekHundredths), weeks: line.weeks })}
        <div className="row-note">{t('map.startsWeek', { week: line.startWeek })}</div>
      </td>
      <td className="col-optional">{t(`enums.deliveryLanguage.${line.deliveryLanguage}`)}</td>
      <td className="col-optional">
        {t(`enums.fundingSource.${line.fundingSource}`)}
        {line.fundingNote ? <div className="row-note">{typedText(line.fundingNote, line.fundingNoteCy)}</div> : null}
      </td>
      <td className={`num ${overCapacity ? 'warn' : ''}`}>
        {costed ? t('map.placesValue', { enrolled: costed.enrolledLearners, places: costed.places }) : t('common.dash')}
        {overCapacity ? <span aria-hidden="true"> ⚠</span> : null}
      </td>
      <td className="num money" data-testid={`line-cost-${line.id}`}>
        {pounds(costed?.costPence)}
      </td>
      {props.wholeSchool ? (
        // The line's cost ÷ pupils on roll: a display division of the engine's line cost, rounded as the engine rounds.
        <td className="num money" data-testid={`line-per-pupil-${line.id}`}>
          {costed && props.numberOnRoll > 0 ? pounds(divideRoundedToNumber(costed.costPence, props.numberOnRoll)) : t('common.dash')}
        </td>
      ) : (
        <td className="num money">{pounds(costed?.costPerLearnerPence)}</td>
      )}
      <td className="num money">{pounds(costed?.costPerPlacePence)}</td>
    </tr>
  );
}, sameRow);
