/**
 * A return must not say two things: the figures an officer reads on its visible sheets must be the figures
 * in the data Mapio imports. The visible sheets are drawn again from the data (in the return's language)
 * and compared cell by cell; each cell that differs is named with its sheet, address, what it shows and
 * what the data says (docs/authority-return.md, "Refusing a return that says two things").
 */
import type ExcelJS from 'exceljs';
import type { CellDifference } from '../../shared/api/authority';
import type { AuthorityReturn } from '../../shared/authority/returnFormat';
import { translatorFor, type Lang } from '../../shared/i18n';
import { readableSheets } from './returnWorkbook';
import type { SheetCells } from '../workbookCells';

const POUNDS_FORMAT = /£/;

/** The value a cell holds, as the figure it is: a formula's result, rich text as its text, blank as null. */
function cellValue(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellValue({ value: v.result ?? null, numFmt: cell.numFmt } as ExcelJS.Cell);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v as unknown);
}

/** How the cell reads: money as "£1,234.56", other numbers and text as they are. */
function shown(value: string | number | boolean | null, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number' && numFmt && POUNDS_FORMAT.test(numFmt)) {
    const abs = Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${value < 0 ? '-' : ''}£${abs}`;
  }
  return String(value);
}

const visibleSheets = (workbook: ExcelJS.Workbook) => workbook.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');

/** The sheets `loaded` shows beside the ones `expected` draws, cell by cell; a sheet missing from either is one difference. */
function differencesFrom(expected: ExcelJS.Workbook, loaded: readonly SheetCells[]): CellDifference[] {
  const out: CellDifference[] = [];
  const loadedVisible = loaded.filter((s) => !s.hidden);
  const drawn = visibleSheets(expected);
  for (const want of drawn) {
    const got = loadedVisible.find((s) => s.name === want.name);
    if (!got) {
      out.push({ sheet: want.name, cell: '', shows: '', data: want.name });
      continue;
    }
    const rows = Math.max(want.rowCount, got.rowCount);
    const cols = Math.max(want.columnCount, got.columnCount);
    for (let r = 1; r <= rows; r += 1) {
      for (let c = 1; c <= cols; c += 1) {
        const a = got.cell(r, c);
        // findCell, not getCell: getCell makes every empty cell it is asked for, most of the check's time.
        const b = want.findCell(r, c);
        const va = a?.value ?? null;
        const vb = b ? cellValue(b) : null;
        if (va === vb) continue;
        out.push({ sheet: want.name, cell: want.getCell(r, c).address, shows: shown(va, a?.numFmt), data: shown(vb, b?.numFmt) });
      }
    }
  }
  for (const extra of loadedVisible.filter((s) => !drawn.some((w) => w.name === s.name))) {
    out.push({ sheet: extra.name, cell: '', shows: extra.name, data: '' });
  }
  return out;
}

/**
 * Every visible cell of the `loaded` sheets that differs from what `ret` draws. The return's language is
 * the one whose sheet names it carries (English when neither matches); its sheets are drawn as its
 * `version` drew them.
 */
export async function visibleCellDifferences(loaded: readonly SheetCells[], ret: AuthorityReturn, version: number): Promise<CellDifference[]> {
  const names = loaded.filter((s) => !s.hidden).map((s) => s.name);
  const lang: Lang = names.includes(translatorFor('cy')('returnBook.sheet.main')) ? 'cy' : 'en';
  return differencesFrom(await readableSheets(ret, lang, version), loaded);
}
