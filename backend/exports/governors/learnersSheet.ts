/** The governors' workbook's Learners sheet (optional): each learner's share of the cost, pseudonymised unless names were asked for. */
import type ExcelJS from 'exceljs';
import { hasIdp } from '../../../shared/domain';
import { duration, HOURS_FORMAT, TOTAL_FILL, THIN_TOP, money, moneyFormula, headerRow, titleRows, styleRow, printSetup, fitRowHeights, fitColumns } from '../sheetLayout';
import { areaLabel } from '../exportLabels';
import type { SheetContext } from './sheetContext';
import { L } from './provisionMapSheet';
import { keepTogether } from '../sheetPrint';
import { markMapioValue, writeCellKey } from './cellRoles';
export function writeLearners(ws: ExcelJS.Worksheet, ctx: SheetContext): void {
  const { t, data, costed, options } = ctx;
  const named = options.learners === 'named';
  titleRows(ws, t('export.learners.title', { school: data.school.name, year: data.school.academicYear }), named ? t('export.learners.named') : t('export.learners.pseudonymised'));
  ws.getCell('A2').font = { bold: true, color: { argb: named ? 'FFC00000' : 'FF1F4E79' } };
  const cols = [
    named ? t('export.col.ref') : t('export.col.pseudonym'),
    ...(named ? [t('export.col.learnerName')] : []),
    t('export.col.yearGroup'),
    t('export.col.alnStatus'),
    t('export.col.areas'),
    t('export.col.welshAlp'),
    t('export.col.idpHours'),
    t('export.col.alpHours'),
    t('export.col.lineCount'),
    t('export.col.learnerCost'),
  ];
  headerRow(ws, 3, cols);
  const costByLearner = new Map(costed.learners.map((l) => [l.learnerId, l]));
  const areaById = new Map(data.areas.map((a) => [a.id, a]));
  const yearGroup = (n: number) => (n === -1 ? t('enums.yearGroup.nursery') : n === 0 ? t('enums.yearGroup.reception') : t('enums.yearGroup.year', { n }));
  const costCol = cols.length;
  let r = 4;
  const code = (id: number) => ctx.pseudonyms.get(id) ?? '';
  const ordered = named ? [...data.learners].sort((a, b) => a.ref.localeCompare(b.ref)) : [...data.learners].sort((a, b) => code(a.id).localeCompare(code(b.id)));
  for (const learner of ordered) {
    const c = costByLearner.get(learner.id);
    const values: ExcelJS.CellValue[] = [
      named ? learner.ref : code(learner.id),
      ...(named ? [learner.name] : []),
      yearGroup(learner.yearGroup),
      t(`enums.alnStatus.${learner.alnStatus}`),
      learner.areaIds
        .map((id) => {
          const a = areaById.get(id);
          return a ? areaLabel(a, ctx.lang) : id;
        })
        .join('; '),
      hasIdp(learner.alnStatus) ? (learner.welshAlp ? t('export.learners.yes') : t('export.learners.no')) : null,
      learner.idpAlpMinutesPerWeek === null ? null : duration(learner.idpAlpMinutesPerWeek),
      duration(c?.alpMinutesPerWeek ?? 0),
      c?.lineIds.length ?? 0,
    ];
    const row = ws.getRow(r);
    values.forEach((v, i) => (row.getCell(i + 1).value = v));
    row.getCell(costCol - 3).numFmt = HOURS_FORMAT;
    row.getCell(costCol - 2).numFmt = HOURS_FORMAT;
    money(row.getCell(costCol), c?.costPence ?? 0);
    // Mapio's figures: the hours come from the IDP and the lines, and each learner's share of their lines'
    // cost from the engine's split by enrolled weeks, which no formula here repeats; they stay as exported.
    for (let col = costCol - 3; col <= costCol; col++) markMapioValue(row.getCell(col));
    r++;
  }
  const last = r - 1;
  // A school with no learners yet says so, as its other sheets do, rather than a total under bare headings.
  if (data.learners.length === 0) {
    ws.getRow(r).getCell(1).value = t('learners.noLearners');
    ws.getRow(r).getCell(1).font = { italic: true };
    r++;
  }
  const total = costed.learners.reduce((s, l) => s + l.costPence, 0);
  const row = ws.getRow(r);
  row.getCell(1).value = t('export.learners.total');
  const col = L(costCol);
  if (last >= 4) moneyFormula(ws, ctx, `${col}${r}`, `SUM(${col}4:${col}${last})`, total, 'learners: total shared to learners');
  else money(row.getCell(costCol), 0);
  styleRow(row, cols.length, { bold: true, fill: TOTAL_FILL, border: THIN_TOP });
  // The total sums Mapio's shares, so it too stays as exported: grey italics, bold as a total.
  markMapioValue(row.getCell(costCol));
  // The total with the row above it and the key below it: neither alone at the top of a page.
  keepTogether(ws, r - 1, writeCellKey(ws, ctx, r + 2) - 1);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, last), column: cols.length } };
  printSetup(ws, ctx, 3);
  fitColumns(ws, 4, cols.length, 10, 40);
  fitRowHeights(ws, 3);
}

// ── Checks ───────────────────────────────────────────────────────────────────────────────────────
