/**
 * The governors' workbook's Impact sheet: per intervention and per measure, how many learners
 * were measured, their average progress, how many made the progress expected, and what the places cost
 * per unit of progress. Every figure comes from the engine's ImpactReport (CostedMap.impact); measures
 * are listed separately and never averaged together.
 */
import type ExcelJS from 'exceljs';
import type { CostedFigures } from '../../../shared/engine';
import type { MeasureWords } from '../../../shared/i18n/schoolWords';
import { markMapioValue, typedText, writeCellKey } from './cellRoles';
import { headerRow, money, printSetup, titleRows, fitColumns, fitRowHeights, type SheetFrame } from '../sheetLayout';
import { keepTogether } from '../sheetPrint';

const DECIMAL_FORMAT = '0.0#';
const PERCENT_FORMAT = '0%';

export function writeImpactSheet(ws: ExcelJS.Worksheet, frame: SheetFrame & { costed: CostedFigures; measureWords: MeasureWords }): void {
  const { t, data, costed } = frame;
  titleRows(ws, t('export.impact.title', { school: data.school.name, year: data.school.academicYear }), t('export.impact.note'));
  const cols = [
    t('export.impact.line'),
    t('export.impact.measure'),
    t('export.impact.measured'),
    t('export.impact.notMeasured'),
    t('export.impact.averageProgress'),
    t('export.impact.expected'),
    t('export.impact.madeExpected'),
    t('export.impact.measuredCost'),
    t('export.impact.costPerUnit'),
  ];
  headerRow(ws, 3, cols);
  const lineName = new Map(data.lines.map((l) => [l.id, l.name]));
  let r = 4;
  for (const line of costed.impact.lines) {
    for (const m of line.measures) {
      const row = ws.getRow(r++);
      typedText(row.getCell(1), lineName.get(line.lineId) ?? String(line.lineId));
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      // The measure's name and unit in the workbook's language: the school's Welsh where it gave it.
      const measure = frame.measureWords.name(m.measureName);
      typedText(row.getCell(2), m.measureUnit ? `${measure} (${frame.measureWords.unit(m.measureUnit)})` : measure);
      row.getCell(3).value = m.learnersMeasured;
      row.getCell(4).value = line.notMeasured;
      row.getCell(5).value = m.averageProgress;
      row.getCell(5).numFmt = DECIMAL_FORMAT;
      row.getCell(6).value = m.expectedProgress;
      row.getCell(6).numFmt = DECIMAL_FORMAT;
      if (m.madeExpectedShareBasisPoints !== null) {
        row.getCell(7).value = m.madeExpectedShareBasisPoints / 10_000;
        row.getCell(7).numFmt = PERCENT_FORMAT;
      }
      money(row.getCell(8), m.measuredCostPence);
      money(row.getCell(9), m.costPerUnitOfProgressPence);
      // Measures and the places' cost (from the learners' shares) are Mapio's figures.
      for (let col = 3; col <= 9; col++) markMapioValue(row.getCell(col));
    }
  }
  if (r === 4) ws.getCell('A4').value = t('export.impact.none');
  else keepTogether(ws, r - 1, writeCellKey(ws, frame, r + 1) - 1); // the key with the last row above it
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, r - 1), column: cols.length } };
  printSetup(ws, frame, 3);
  fitColumns(ws, 4, cols.length, 8, 44, { 3: 11, 4: 11, 5: 11, 6: 11, 7: 12 });
  fitRowHeights(ws, 3);
}
