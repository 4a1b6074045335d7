/** The governors' workbook's Checks sheet: each warning in words, a learner named only when names were asked for. */
import type ExcelJS from 'exceljs';
import type { Check } from '../../../shared/engine';
import { checkKeys } from '../../../shared/i18n';
import { headerRow, titleRows, printSetup, fitRowHeights } from '../sheetLayout';
import { dateText } from '../exportLabels';
import { checkMessageText } from '../../../shared/i18n/checkWords';
import { recordName } from '../../../shared/i18n/recordNames';
import type { SheetContext } from './sheetContext';
import { typedText } from './cellRoles';
/** Who a check is about, as the export may show them: a learner by name only when names were asked for. */
function learnerShown(ctx: SheetContext, learnerId: number): string {
  const l = ctx.data.learners.find((x) => x.id === learnerId);
  if (!l) return ctx.t('common.unknownName');
  if (ctx.options.learners === 'named') return l.name;
  const code = ctx.pseudonyms.get(learnerId);
  // Never the MIS reference: a code made for this workbook, or, with no learners, nobody in particular.
  return code ? ctx.t('export.checks.learnerRef', { ref: code }) : ctx.t('export.checks.aLearner');
}

export function checkMessageForExport(check: Check, ctx: Pick<SheetContext, 't' | 'lang' | 'data' | 'options'>): string {
  const { t, data } = ctx;
  const lineName = (id: number) => data.lines.find((l) => l.id === id)?.name ?? t('common.unknownName');
  let name: string;
  switch (check.subject.kind) {
    case 'learner':
      name = learnerShown(ctx as SheetContext, check.subject.id);
      break;
    case 'line':
      name = lineName(check.subject.id);
      break;
    case 'staff': {
      const id = check.subject.id;
      name = data.staff.find((s) => s.id === id)?.name ?? t('common.unknownName');
      break;
    }
    case 'enrolment': {
      const id = check.subject.id;
      const e = data.enrolments.find((x) => x.id === id);
      name = e ? learnerShown(ctx as SheetContext, e.learnerId) : t('common.unknownName');
      break;
    }
    case 'income': {
      const id = check.subject.id;
      const income = data.income.find((x) => x.id === id);
      name = income ? recordName(income, ctx.lang) : t('common.unknownName');
      break;
    }
  }
  const message = checkMessageText(check, name, { t, date: (iso) => dateText(iso, ctx.lang), lineName });
  // With no learner to name, the message begins "a learner …": a sentence begins with a capital.
  const generic = t('export.checks.aLearner');
  return message.startsWith(generic) ? message.charAt(0).toLocaleUpperCase(ctx.lang === 'cy' ? 'cy-GB' : 'en-GB') + message.slice(1) : message;
}

export function writeChecks(ws: ExcelJS.Worksheet, ctx: SheetContext): void {
  const { t, data, costed } = ctx;
  titleRows(ws, t('export.checks.title', { school: data.school.name, year: data.school.academicYear }), t('export.checks.note'));
  headerRow(ws, 3, [t('export.col.check'), t('export.col.about'), t('export.col.message')]);
  let r = 4;
  for (const check of costed.checks) {
    const row = ws.getRow(r);
    row.getCell(1).value = t(checkKeys(check.code).title);
    row.getCell(2).value = t(`checks.subject.${check.subject.kind}`);
    typedText(row.getCell(3), checkMessageForExport(check, ctx));
    for (let c = 1; c <= 3; c++) row.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  if (costed.checks.length === 0) {
    ws.getCell('A4').value = t('export.checks.none');
    r++;
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(4, r - 1), column: 3 } };
  printSetup(ws, ctx, 3);
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 110;
  fitRowHeights(ws, 3);
}
