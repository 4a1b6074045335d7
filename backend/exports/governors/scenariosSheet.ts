/**
 * The governors' workbook's Scenarios sheet: the baseline beside each scenario, with the
 * difference (scenario − baseline) after each. Every figure comes from the comparison, so from the
 * engine; words come from the i18n catalogue (`export.scenarios.*`), and each tier and area is named in
 * the workbook's language, as the school named it (`spendGroupName`). Learner references appear only
 * when the workbook names learners; otherwise the sheet carries counts only.
 */
import type ExcelJS from 'exceljs';
import type { GroupDifference, ScenarioComparison, ScenarioFigures, SpendGroup } from '../../../shared/engine';
import type { Lang, TFunction } from '../../../shared/i18n';
import { spendGroupName } from '../../../shared/i18n/spendGroupNames';
import { fitColumns, fitRowHeights, GROUP_FILL, headerRow, money, printSetup, styleRow, titleRows, type SheetFrame } from '../sheetLayout';
import { TEXT_FORMAT, markMapioValue, writeCellKey } from './cellRoles';
import { keepTogether } from '../sheetPrint';

/**
 * One row of the sheet. Columns after the label: baseline, then for each scenario its figure and its
 * difference. Money is integer pence, counts whole numbers, text as is; a heading row has no values.
 */
export interface ScenarioSheetRow {
  format: 'heading' | 'money' | 'count' | 'text';
  label: string;
  values: Array<number | string | null>;
}

/** The header row: label column, baseline, then each scenario's name and its difference. */
export function scenarioSheetHeader(comparison: ScenarioComparison, t: TFunction): string[] {
  return [
    t('export.scenarios.figure'),
    `${t('export.scenarios.baseline')}: ${comparison.baseline.name}`,
    ...comparison.scenarios.flatMap((s) => [s.name, `${t('export.scenarios.difference')}: ${s.name}`]),
  ];
}

export function scenarioSheetRows(comparison: ScenarioComparison, t: TFunction, lang: Lang, options: { showLearnerRefs?: boolean } = {}): ScenarioSheetRow[] {
  const label = (key: string) => t(`export.scenarios.${key}`);
  const { baseline, scenarios } = comparison;
  const rows: ScenarioSheetRow[] = [];
  const heading = (text: string) => rows.push({ format: 'heading', label: text, values: [] });
  const row = (format: 'money' | 'count', text: string, pick: (f: ScenarioFigures) => number | null, diff: (s: (typeof scenarios)[number]) => number | null) =>
    rows.push({ format, label: text, values: [pick(baseline), ...scenarios.flatMap((s) => [pick(s), diff(s)])] });

  rows.push({ format: 'text', label: label('academicYear'), values: [baseline.academicYear, ...scenarios.flatMap((s) => [s.academicYear, null])] });
  heading(label('budget'));
  row(
    'money',
    label('income'),
    (f) => f.budget.incomePence,
    (s) => s.difference.incomePence,
  );
  row(
    'money',
    label('charged'),
    (f) => f.budget.chargedPence,
    (s) => s.difference.chargedPence,
  );
  row(
    'money',
    label('position'),
    (f) => f.budget.positionPence,
    (s) => s.difference.positionPence,
  );
  const fyYears = [...new Set([baseline, ...scenarios].flatMap((f) => f.budget.financialYears.map((y) => y.year)))].sort((a, b) => a - b);
  for (const y of fyYears) {
    row(
      'money',
      `${label('fyPosition')} ${y}-${String((y + 1) % 100).padStart(2, '0')}`,
      (f) => f.budget.financialYears.find((x) => x.year === y)?.positionPence ?? null,
      (s) => s.difference.financialYears.find((x) => x.year === y)?.positionPence ?? null,
    );
  }
  row(
    'money',
    label('totalCost'),
    (f) => f.totalCostPence,
    (s) => s.difference.totalCostPence,
  );

  const groups = (title: string, list: (f: ScenarioFigures) => SpendGroup[], diffs: (s: (typeof scenarios)[number]) => GroupDifference[]) => {
    heading(title);
    const keys: Array<{ key: string; name: string }> = [];
    for (const f of [baseline, ...scenarios]) for (const g of list(f)) if (!keys.some((k) => k.key === g.key)) keys.push({ key: g.key, name: spendGroupName(g, t, lang) });
    for (const k of keys) {
      row(
        'money',
        k.name,
        (f) => list(f).find((g) => g.key === k.key)?.costPence ?? 0,
        (s) => diffs(s).find((g) => g.key === k.key)?.costPence ?? 0,
      );
    }
  };
  groups(
    label('byTier'),
    (f) => f.byTier,
    (s) => s.difference.byTier,
  );
  groups(
    label('byAlp'),
    (f) => f.byAlp,
    (s) => s.difference.byAlp,
  );
  groups(
    label('byArea'),
    (f) => f.byArea,
    (s) => s.difference.byArea,
  );

  heading(label('risks'));
  row(
    'count',
    label('alpShort'),
    (f) => f.alpShortfall.count,
    (s) => s.difference.alpShortfallCount,
  );
  if (options.showLearnerRefs) {
    rows.push({
      format: 'text',
      label: label('alpShortRefs'),
      values: [baseline.alpShortfall.learners.map((l) => l.ref).join(', '), ...scenarios.flatMap((s) => [s.alpShortfall.learners.map((l) => l.ref).join(', '), null])],
    });
  }
  row(
    'count',
    label('overAllocated'),
    (f) => f.staffOverAllocated.count,
    (s) => s.difference.staffOverAllocatedCount,
  );
  row(
    'count',
    label('welsh'),
    (f) => f.welshAlpShortfall.count,
    (s) => s.difference.welshAlpShortfallCount,
  );
  row(
    'count',
    label('unstaffed'),
    (f) => f.unstaffedLines.count,
    (s) => s.difference.unstaffedLinesCount,
  );
  return rows;
}

export function writeScenariosSheet(ws: ExcelJS.Worksheet, frame: SheetFrame & { lang: Lang }, comparison: ScenarioComparison, showLearnerRefs: boolean): void {
  const { t, data, lang } = frame;
  titleRows(ws, t('export.scenarios.title', { school: data.school.name }), t('export.scenarios.note'));
  const header = scenarioSheetHeader(comparison, t);
  headerRow(ws, 3, header);
  // The scenario names are the school's: held as text, like every name it typed.
  header.forEach((_, i) => (ws.getRow(3).getCell(i + 1).numFmt = TEXT_FORMAT));
  let r = 4;
  // Each section (a shaded heading and its rows) prints on one page with its heading.
  let sectionAt: number | null = null;
  for (const line of scenarioSheetRows(comparison, t, lang, { showLearnerRefs })) {
    if (line.format === 'heading') {
      if (sectionAt !== null) keepTogether(ws, sectionAt, r - 1);
      sectionAt = r;
    }
    const row = ws.getRow(r++);
    row.getCell(1).value = line.label;
    if (line.format === 'heading') {
      styleRow(row, header.length, { bold: true, fill: GROUP_FILL });
      continue;
    }
    line.values.forEach((value, i) => {
      const cell = row.getCell(i + 2);
      if (line.format === 'money' && typeof value === 'number') money(cell, value);
      else cell.value = value;
      // Each scenario is another copy of the year, costed by Mapio; the baseline is the plan as exported.
      // None of them follows an edit to this workbook's inputs, so all are Mapio's figures.
      if (typeof value === 'number') markMapioValue(cell);
      cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: line.format === 'text' };
    });
  }
  // The last section with what the grey italics mean under it, never the key alone on a page.
  if (sectionAt !== null) keepTogether(ws, sectionAt, writeCellKey(ws, frame, r + 1) - 1);
  printSetup(ws, frame, 3);
  fitColumns(ws, 3, header.length, 12, 44);
  fitRowHeights(ws, 3);
}
