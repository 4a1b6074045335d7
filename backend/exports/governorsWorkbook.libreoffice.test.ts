/**
 * Proof: each exported workbook, opened in LibreOffice headless with a profile that always
 * recalculates on load, computes every line cost, subtotal and total to exactly the engine's figure.
 *
 * Two of the files carry deliberately wrong cached results in every formula cell (£123,456.78), so the
 * figures read back can only be right if LibreOffice recalculated them: trusting the cache would fail.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc`). Skipped, with a message, only when soffice is
 * absent and CI is not set; in CI it must run.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { writeWorkbook } from './exportFile';
import { buildGovernorsWorkbookWithFigures, type CheckedFigure } from './governorsWorkbook';
import { convertWithLibreOffice, findSoffice } from './libreOfficeRecalculation';
import { variedSchoolYear, viewOf } from '../../test/support/variedSchools';

const soffice = findSoffice();
const skip = soffice === null && !process.env.CI;
if (skip) console.warn('governorsWorkbook.libreoffice.test.ts skipped: LibreOffice (soffice) is not installed. Install libreoffice-calc to run the proof.');

const WRONG = 123456.78;

describe.skipIf(skip)('the governors’ workbook recalculated by LibreOffice', () => {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-proof-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('computes every line, subtotal and total to the engine’s figure, to the penny', async () => {
    const schools = [
      { name: 'demo', year: demoSchoolYear(), lang: 'en' as const },
      { name: 'demo-cy', year: demoSchoolYear(), lang: 'cy' as const },
      ...[11, 12, 13, 14].map((seed) => ({ name: `varied-${seed}`, year: variedSchoolYear(seed, seed === 14 ? { lines: 120, learners: 300 } : {}), lang: 'en' as const })),
    ];
    const inputs: Array<{ path: string; figures: CheckedFigure[]; wrongCache: boolean }> = [];
    for (const school of schools) {
      for (const wrongCache of [false, true]) {
        if (wrongCache && !['demo', 'varied-11'].includes(school.name)) continue;
        const { workbook, figures } = buildGovernorsWorkbookWithFigures(viewOf(school.year), { learners: 'pseudonymised', lang: school.lang, generatedOn: '2026-11-24' });
        if (wrongCache) {
          // Poison every cached formula result: only a real recalculation can bring the right figures back.
          workbook.eachSheet((ws) =>
            ws.eachRow((row) =>
              row.eachCell((cell) => {
                const v = cell.value;
                if (v !== null && typeof v === 'object' && 'formula' in v) cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula, result: WRONG };
              }),
            ),
          );
          const first = figures[0] as CheckedFigure;
          expect((workbook.getWorksheet(first.sheet)?.getCell(first.cell).value as ExcelJS.CellFormulaValue).result).toBe(WRONG);
        }
        const path = nodePath.join(folder, `${school.name}${wrongCache ? '-wrong-cache' : ''}.xlsx`);
        await writeWorkbook(workbook, path);
        inputs.push({ path, figures, wrongCache });
      }
    }

    // One soffice run for every file (it is slow to start).
    const outputs = convertWithLibreOffice(
      inputs.map((i) => i.path),
      'xlsx',
      nodePath.join(folder, 'recalculated'),
    );

    let checked = 0;
    for (const [i, input] of inputs.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[i] as string);
      expect(input.figures.length).toBeGreaterThan(10);
      for (const f of input.figures) {
        const cell = wb.getWorksheet(f.sheet)?.getCell(f.cell);
        const v = cell?.value;
        // exceljs drops a formula's result when it is 0, so a formula cell without one read 0.
        const value = v !== null && typeof v === 'object' && 'formula' in (v as object) ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v;
        const where = `${nodePath.basename(input.path)} ${f.sheet}!${f.cell} (${f.what})`;
        expect(typeof value, `${where}: ${JSON.stringify(v)}`).toBe('number');
        expect(Math.abs((value as number) * 100 - f.pence), where).toBeLessThan(1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  }, 240_000);
});
