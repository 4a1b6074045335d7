/** What every sheet of the governors' workbook is written from: the year, its costed figures, the words and the options. */
import type { SchoolYear } from '../../../shared/domain';
import type { CostedFigures } from '../../../shared/engine';
import { type Lang, type TFunction } from '../../../shared/i18n';
import type { MeasureWords } from '../../../shared/i18n/schoolWords';
import { type CheckedFigure, type SheetFrame } from '../sheetLayout';
import type { GovernorsWorkbookOptions } from '../governorsWorkbook';

export interface SheetContext extends SheetFrame {
  t: TFunction;
  lang: Lang;
  data: SchoolYear;
  costed: CostedFigures;
  figures: CheckedFigure[];
  names: { summary: string; map: string; staffing: string; learners: string; checks: string };
  options: GovernorsWorkbookOptions;
  /** The code each learner is shown by in a pseudonymised workbook (learnerPseudonyms.ts); empty otherwise. */
  pseudonyms: Map<number, string>;
  /** A measure of progress's name and unit (as the engine gives them: in English) as the workbook shows them: in Welsh where the school gave Welsh. */
  measureWords: MeasureWords;
}

// ── Provision map ────────────────────────────────────────────────────────────────────────────────
