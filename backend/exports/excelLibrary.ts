/**
 * exceljs, loaded the first time a spreadsheet is written or read (docs/performance.md, "Round 13: exceljs
 * on first use"). Loading it at start delayed the data process's first answer by 0.3–0.6 s under tsx and
 * its bundle's evaluation by 60–140 ms, though only the exports, an MIS spreadsheet and the authority's
 * returns use it. Every module that makes a workbook asks here; the rest import its types only
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
