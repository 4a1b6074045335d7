/**
 * exceljs, loaded the first time a spreadsheet is written or read (docs/performance.md, "Round 13: exceljs
 * on first use"). Loading it took ~600 ms of the data process's start under tsx and ~140 ms bundled, paid
 * before the first view could be answered, though only the exports, an MIS spreadsheet and the
 * authority's returns use it. Every module that makes a workbook asks here; the rest import its types only
 * (`import type`), which leave nothing behind at run time.
 *
 * A dynamic import, so esbuild's bundle of the data process evaluates exceljs only when first asked, and
 * tsx and Node load it only then.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** exceljs, loaded once; every later call answers at once with the same module. */
export function excelLibrary(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}

/** A new, empty workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await excelLibrary();
  return new Workbook();
}
