/**
 * The governors' workbook's Scenarios sheet (issue 11): the plan beside each scenario, with the
 * difference (scenario − plan) after each. Rows come from `scenarioSheetRows`, so every figure is the
 * engine's; learner references appear only when the workbook names learners.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../shared/i18n';
import { scenarioSheetHeader, scenarioSheetRows, type ScenarioComparison } from '../../shared/engine/scenarioComparison';
import { fitColumns, fitRowHeights, GROUP_FILL, headerRow, money, printSetup, styleRow, titleRows, type SheetFrame } from './sheetLayout';

export function writeScenariosSheet(ws: ExcelJS.Worksheet, frame: SheetFrame & { lang: Lang }, comparison: ScenarioComparison, showLearnerRefs: boolean): void {
  const { t, data, lang } = frame;
  titleRows(ws, t('export.scenarios.title', { school: data.school.name }), t('export.scenarios.note'));
  const header = scenarioSheetHeader(comparison, lang);
  headerRow(ws, 3, header);
  let r = 4;
  for (const line of scenarioSheetRows(comparison, lang, { showLearnerRefs })) {
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
      cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: line.format === 'text' };
    });
  }
  printSetup(ws, frame, 3);
  fitColumns(ws, 3, header.length, 12, 44);
  fitRowHeights(ws, 3);
}
