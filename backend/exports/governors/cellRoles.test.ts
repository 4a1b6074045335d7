/**
 * The governors' workbook shows what a governor may change: inputs shaded and unlocked, every sheet
 * protected with no password, Mapio's own figures in grey italics, a key on the sheets and a note on the
 * Summary in the workbook's language.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../../shared/demo/demoSchool';
import { createI18n } from '../../../shared/i18n';
import { buildGovernorsWorkbookWithFigures } from '../governorsWorkbook';
import { viewOf } from '../../../test/support/variedSchools';
import { INPUT_FILL, MAPIO_FONT } from './cellRoles';
import { compareScenarios, costSchoolYear } from '../../../shared/engine';

async function written(lang: 'en' | 'cy'): Promise<{ wb: ExcelJS.Workbook; sheets: string[] }> {
  const built = await buildGovernorsWorkbookWithFigures(viewOf(demoSchoolYear()), { learners: 'pseudonymised', lang, generatedOn: '2026-11-24' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await built.workbook.xlsx.writeBuffer());
  return { wb, sheets: built.sheets };
}

const texts = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  return out;
};

describe('inputs, protection and Mapio’s figures in the governors’ workbook', () => {
  it('protects every sheet without a password and leaves only the shaded inputs unlocked', async () => {
    const { wb, sheets } = await written('en');
    for (const name of sheets) {
      const protection = (wb.getWorksheet(name) as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect(protection, name).toMatchObject({ sheet: true });
      expect(protection?.hashValue, name).toBeUndefined();
    }
    const staffing = wb.getWorksheet('Staffing') as ExcelJS.Worksheet;
    expect(staffing.getCell('C4').protection?.locked).toBe(false);
    expect(staffing.getCell('C4').fill).toEqual(INPUT_FILL);
    expect(staffing.getCell('I4').protection?.locked).not.toBe(false);
    const map = wb.getWorksheet('Provision map') as ExcelJS.Worksheet;
    let inputs = 0;
    map.eachRow((row) =>
      row.eachCell((cell) => {
        const unlocked = cell.protection?.locked === false;
        if (unlocked) inputs++;
        // An unlocked cell is always a shaded input holding a value, never a formula.
        if (unlocked) {
          expect(cell.fill, cell.address).toEqual(INPUT_FILL);
          expect(typeof cell.value, cell.address).toBe('number');
        }
      }),
    );
    expect(inputs).toBeGreaterThan(20);
    // Learners enrolled are Mapio's figure: grey italics.
    const learnersCol = map.getRow(3).values as unknown[];
    const col = learnersCol.indexOf('Learners enrolled');
    expect(map.getCell(5, col).font?.italic).toBe(true);
  });

  it('says on the Summary, in English and in Welsh, which cells are inputs, with a key on the sheets', async () => {
    for (const lang of ['en', 'cy'] as const) {
      const t = createI18n(lang).t;
      const { wb, sheets } = await written(lang);
      expect(texts(wb.getWorksheet(sheets[0] as string) as ExcelJS.Worksheet)).toContain(t('export.inputsNote'));
      for (const name of [sheets[1], sheets[2]]) expect(texts(wb.getWorksheet(name as string) as ExcelJS.Worksheet)).toEqual(expect.arrayContaining([t('export.key.input'), t('export.key.mapio')]));
    }
  });

  it('leaves no figure that an edit cannot move unmarked: every number on every sheet is an input, a formula or Mapio’s, in grey italics', async () => {
    const plan = demoSchoolYear();
    const grantEnds = demoSchoolYear();
    grantEnds.income = grantEnds.income.filter((i) => i.kind !== 'aln_grant');
    const scenarios = compareScenarios({ id: null, name: 'Plan', year: plan, costed: costSchoolYear(plan) }, [{ id: 1, name: 'Grant ends', year: grantEnds, costed: costSchoolYear(grantEnds) }]);
    for (const learners of ['pseudonymised', 'named'] as const) {
      for (const lang of ['en', 'cy'] as const) {
        const { t } = createI18n(lang);
        const { workbook, sheets } = await buildGovernorsWorkbookWithFigures(viewOf(plan), { learners, lang, generatedOn: '2026-11-24', scenarios });
        expect(sheets).toHaveLength(7);
        const unmarked: string[] = [];
        workbook.eachSheet((ws) => {
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cell.value;
              if (typeof v !== 'number') return;
              const input = cell.protection?.locked === false && JSON.stringify(cell.fill) === JSON.stringify(INPUT_FILL);
              const mapio = cell.font?.italic === MAPIO_FONT.italic && cell.font?.color?.argb === MAPIO_FONT.color?.argb;
              if (!input && !mapio) unmarked.push(`${ws.name}!${cell.address} (${v})`);
            }),
          );
          // A sheet with Mapio's figures says what they are: in its key, or the Summary in its note on inputs.
          let marked = false;
          ws.eachRow((row) => row.eachCell((cell) => (marked ||= typeof cell.value === 'number' && cell.font?.italic === true)));
          if (marked) expect(texts(ws), `${lang} ${ws.name}`).toContain(ws.name === sheets[0] ? t('export.inputsNote') : t('export.key.mapio'));
        });
        expect(unmarked, `${learners} ${lang}`).toEqual([]);
      }
    }
  });
});
