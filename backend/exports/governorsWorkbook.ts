/**
 * The costed provision map as an Excel workbook for governors: Summary, Provision map, Staffing, Learners
 * (only when asked for: pseudonymised, or named by a separate choice), Checks, Impact and, when the school has scenarios,
 * Scenarios. Each sheet is written by its own file in governors/; this file assembles them in order.
 *
 * Every figure comes from the engine's CostedMap. Money is written as pounds (pence / 100) with a £
 * format. The workbook stays true when a governor edits it: every figure is either a live formula back to
 * the input cells (shaded and unlocked on protected sheets: staff rates on Staffing, each line's minutes,
 * sessions, weeks, groups and non-staff costs, each income amount, the number on roll) or marked as
 * calculated by Mapio; which is which, and the financial-year split formula, are in docs/costing-rules.md
 * ("The governors' workbook").
 * Each line's cost is a formula from its inputs, its staff cost an hour linked to the Staffing sheet's rates:
 *
 *     staff cost (£) = ROUND(ROUND(G*100,0) * L * (H+I) * ROUND(J*100,0) * K / 6000, 0) / 100
 *
 * i.e. team hourly pence × groups × (contact + planning minutes) × sessions in hundredths × weeks ÷ 6000,
 * rounded once to the penny, as shared/engine/lineCost.ts does. Every factor is an integer, so the product
 * is exact in a double (far below 2^53) and so is the one division when its true value is a half penny:
 * ROUND(…, 0) then rounds half away from zero in Excel and LibreOffice alike, like the engine. Pounds typed
 * in cells are turned back to whole pence with ROUND(x*100, 0) before they are multiplied, so no binary
 * fraction ever reaches a rounding step.
 *
 * Each formula also carries the engine's figure as its cached result, so a reader that does not
 * recalculate still shows the right numbers; the workbook asks Excel to recalculate fully on load.
 */
import type ExcelJS from 'exceljs';
import type { YearView } from '../../shared/api/contract';
import type { IsoDate } from '../../shared/domain';
import { createI18n, type Lang } from '../../shared/i18n';
import { writeImpactSheet } from './governors/impactSheet';
import { writeScenariosSheet } from './governors/scenariosSheet';
import type { ScenarioComparison } from '../../shared/engine';
import { type CheckedFigure } from './sheetLayout';
import type { SheetContext } from './governors/sheetContext';
import { writeProvisionMap } from './governors/provisionMapSheet';
import { writeSummary } from './governors/summarySheet';
import { writeStaffing } from './governors/staffingSheet';
import { writeLearners } from './governors/learnersSheet';
import { measureWordsIn, yearInLanguage } from '../../shared/i18n/schoolWords';
import { learnerPseudonyms } from './governors/learnerPseudonyms';
import { writeChecks } from './governors/checksSheet';
import { protectSheets } from './governors/cellRoles';
import { fitSheetForPrint } from './sheetPrint';
import { withEntriesDated } from './zipEntryDates';
import { newWorkbook, xlsxBytes } from './excelLibrary';

export type LearnersOption = 'none' | 'pseudonymised' | 'named';

export interface GovernorsWorkbookOptions {
  learners: LearnersOption;
  lang: Lang;
  generatedOn: IsoDate;
  /** The school's scenarios compared with the plan, when it has any: adds a Scenarios sheet. */
  scenarios?: ScenarioComparison | null;
}

export interface GovernorsWorkbook {
  workbook: ExcelJS.Workbook;
  /** Sheet names in order, in the export's language. */
  sheets: string[];
  /** Every total, subtotal and line cost written as a formula, with the engine's figure for it. */
  figures: CheckedFigure[];
}

/** Build the workbook, with the list of formula cells and the engine figures they must compute to. */
export async function buildGovernorsWorkbookWithFigures(view: Pick<YearView, 'data' | 'costed'>, options: GovernorsWorkbookOptions): Promise<GovernorsWorkbook> {
  const t = createI18n(options.lang).t;
  // The school's own words (line, income, tier names…) in the workbook's language; figures are unchanged.
  const data = yearInLanguage(view.data, options.lang);
  const { costed } = view;
  const workbook = await newWorkbook();
  workbook.creator = 'Mapio';
  workbook.title = `${t('export.title')}: ${data.school.name}`;
  workbook.created = new Date(`${options.generatedOn}T00:00:00Z`);
  workbook.modified = workbook.created;
  workbook.calcProperties.fullCalcOnLoad = true;

  const names = {
    summary: t('export.sheet.summary'),
    map: t('export.sheet.map'),
    staffing: t('export.sheet.staffing'),
    learners: t('export.sheet.learners'),
    checks: t('export.sheet.checks'),
  };
  const figures: CheckedFigure[] = [];
  const ctx: SheetContext = {
    t,
    lang: options.lang,
    data,
    costed,
    figures,
    names,
    options,
    pseudonyms: learnerPseudonyms(data, costed, options.learners),
    measureWords: measureWordsIn(view.data.enrolments, options.lang),
  };

  // The Summary refers to the Provision map's totals, so the map is laid out first (sheet order is by id).
  const summary = workbook.addWorksheet(names.summary);
  const map = workbook.addWorksheet(names.map);
  const mapCells = writeProvisionMap(map, ctx);
  writeSummary(workbook, summary, ctx, mapCells);
  writeStaffing(workbook.addWorksheet(names.staffing), ctx, mapCells);
  if (options.learners !== 'none') writeLearners(workbook.addWorksheet(names.learners), ctx);
  writeChecks(workbook.addWorksheet(names.checks), ctx);
  writeImpactSheet(workbook.addWorksheet(t('export.sheet.impact')), ctx);
  if (options.scenarios && options.scenarios.scenarios.length > 0) {
    writeScenariosSheet(workbook.addWorksheet(t('export.sheet.scenarios')), ctx, options.scenarios, options.learners === 'named');
  }

  // Last, so every sheet's widths, wrapping and orientation are decided on its finished contents.
  for (const ws of workbook.worksheets) fitSheetForPrint(ws);
  protectSheets(workbook);
  return { workbook, sheets: workbook.worksheets.map((w) => w.name), figures };
}

/** The governors' workbook for the open year (see buildGovernorsWorkbookWithFigures). */
export async function buildGovernorsWorkbook(view: Pick<YearView, 'data' | 'costed'>, options: GovernorsWorkbookOptions): Promise<ExcelJS.Workbook> {
  return (await buildGovernorsWorkbookWithFigures(view, options)).workbook;
}

/**
 * The workbook as the bytes of an .xlsx file. Nothing in it depends on when it is written: its created and
 * modified dates and every zip entry's date are the generated-on date, so the same map and options give the
 * same file, byte for byte (docs/exports.md, "Versions presented to governors").
 */
export async function governorsWorkbookBytes(view: Pick<YearView, 'data' | 'costed'>, options: GovernorsWorkbookOptions): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const { workbook, sheets } = await buildGovernorsWorkbookWithFigures(view, options);
  const written = await xlsxBytes(workbook);
  return { bytes: withEntriesDated(written, options.generatedOn), sheets };
}

export type { CheckedFigure } from './sheetLayout';
