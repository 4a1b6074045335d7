/**
 * The authority's comparison workbook as its reader sees it (docs/authority-return.md, "Printing"): an
 * empty table says so in the reader's language, dates read as words, and the notes on how each figure is
 * made wrap in rows tall enough that they never print over one another. Read from a real file with ExcelJS.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { costSchoolYear } from '../../shared/engine';
import { createI18n, type Lang } from '../../shared/i18n';
import { emptySchoolYear } from '../../shared/schoolDefaults';
import { testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { wrappedLines } from '../exports/sheetPrintLayout';
import { writeComparisonWorkbook } from './comparisonWorkbook';

/** A school with lines and its ALP definition (in English and Welsh) dated 1 September 2025, beside a blank school; no list of schools. */
function twoSchools() {
  const year = testSchoolYear();
  year.school = { ...year.school, alpDefinitionSource: 'Example County ILP guidance', alpDefinitionSourceCy: 'Canllawiau CDU Sir Enghraifft', alpDefinitionDate: '2025-09-01' };
  const blank = emptySchoolYear(2026, 'en');
  return compareReturns(
    [
      { schoolKey: 'a', ret: buildAuthorityReturn(year, costSchoolYear(year)) },
      { schoolKey: 'b', ret: buildAuthorityReturn(blank, costSchoolYear(blank)) },
    ],
    {},
  );
}

async function writtenAndRead(lang: Lang): Promise<ExcelJS.Workbook> {
  const file = nodePath.join(testFolder(), `comparison-${lang}.xlsx`);
  fs.writeFileSync(file, await writeComparisonWorkbook(twoSchools(), undefined, lang));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('the comparison workbook, as its reader sees it', () => {
  for (const [lang, notReturned, noDifferences, noOutliers, dated] of [
    [
      'en',
      'None: no school on the authority’s list is without a return.',
      'No intervention is classed as ALP at one school and not ALP at another.',
      'No school lies outside the fences on any measure.',
      '1 September 2025',
    ],
    [
      'cy',
      'Dim: nid oes ysgol ar restr yr awdurdod heb ffurflen.',
      'Nid oes unrhyw ymyrraeth wedi’i dosbarthu’n DDY mewn un ysgol ac nid yn DDY mewn un arall.',
      'Nid oes unrhyw ysgol y tu allan i’r ffensys ar unrhyw fesur.',
      '1 Medi 2025',
    ],
  ] as const) {
    it(`says so in ${lang === 'en' ? 'English' : 'Welsh'} where a table is empty, rather than print headings over nothing`, async () => {
      const { t } = createI18n(lang);
      const workbook = await writtenAndRead(lang);
      expect(workbook.getWorksheet(t('compareBook.sheet.notReturned'))!.getCell('A2').text).toBe(notReturned);
      expect(workbook.getWorksheet(t('compareBook.sheet.differences'))!.getCell('A2').text).toBe(noDifferences);
      expect(workbook.getWorksheet(t('compareBook.sheet.outliers'))!.getCell('A2').text).toBe(noOutliers);
      // Each such sentence (and why outliers were not looked for) reads across the table, on one line
      // where it fits, not wrapped down the narrow first column.
      for (const name of ['notReturned', 'differences', 'outliers']) {
        const sheet = workbook.getWorksheet(t(`compareBook.sheet.${name}`))!;
        expect(sheet.getRow(2).getCell(sheet.columnCount).master.address, name).toBe('A2');
        expect(sheet.getRow(2).height, name).toBeLessThan(2 * 13);
      }
      const outliers = workbook.getWorksheet(t('compareBook.sheet.outliers'))!;
      const tooFew = outliers.getRow(outliers.rowCount);
      expect(tooFew.getCell(1).text).toMatch(lang === 'en' ? /^Outliers in “/ : /^Ni chwilir am werthoedd eithriadol yn “/);
      expect(tooFew.getCell(outliers.columnCount).master.address).toBe(`A${outliers.rowCount}`);
    });

    it(`gives the date of the ALP definition a school applied in ${lang === 'en' ? 'English' : 'Welsh'} words, not as an ISO date`, async () => {
      const { t } = createI18n(lang);
      const schools = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.schools'))!;
      const header = (schools.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      expect(schools.getRow(2).getCell(header.indexOf(t('compareBook.col.definitionDate'))).text).toBe(dated);
    });

    it(`names whose ALP definition a school applied in ${lang === 'en' ? 'English' : 'the Welsh the school gave'}`, async () => {
      const { t } = createI18n(lang);
      const schools = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.schools'))!;
      const header = (schools.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      expect(schools.getRow(2).getCell(header.indexOf(t('compareBook.col.definition'))).text).toBe(lang === 'en' ? 'Example County ILP guidance' : 'Canllawiau CDU Sir Enghraifft');
    });

    it(`prints its notes on how each figure is made in ${lang === 'en' ? 'English' : 'Welsh'} in rows tall enough for their wrapped lines, so none prints over the next`, async () => {
      const { t } = createI18n(lang);
      const about = (await writtenAndRead(lang)).getWorksheet(t('compareBook.sheet.about'))!;
      const width = about.getColumn(2).width ?? 9;
      let wrapped = 0;
      for (let r = 3; r <= about.rowCount; r += 1) {
        const note = about.getRow(r).getCell(2);
        const lines = wrappedLines(note.text, width, 0.95);
        if (lines > 1) wrapped += 1;
        expect(note.alignment?.wrapText, `row ${r}`).toBe(true);
        expect(about.getRow(r).height ?? 15, `row ${r}: “${note.text}”`).toBeGreaterThanOrEqual(lines * 13);
      }
      // The outliers rule and the small-numbers note are long: the check above is not only of one-line rows.
      expect(wrapped).toBeGreaterThanOrEqual(2);
      expect(about.getCell('A2').isMerged).toBe(true);
    });
  }
});
