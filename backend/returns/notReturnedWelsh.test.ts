/**
 * The authority's "not yet returned" list as a Welsh reader meets it: a listed school that sent a return last
 * year (with its Welsh name) but none this year is named in Welsh, on the screen's comparison and in the
 * Welsh comparison workbook, and the list is in Welsh alphabetical order of the names shown; an English
 * reader keeps the list's names and order. A school that never returned keeps the name on the list (this
 * list has no Welsh column; backend/returns/listWelshNames.test.ts has one).
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { createBackend, type TypedBackend } from '../backend';
import { namedReturnOf } from '../../test/support/returnFiles';

/** One school's return for a year, as the import takes it (base64). */
const returnOf = async (officialNumber: string, name: string, nameCy: string, academicYear: string): Promise<string> =>
  Buffer.from(await namedReturnOf(officialNumber, name, nameCy, academicYear)).toString('base64');

let dir: string;
let backend: TypedBackend;

beforeAll(async () => {
  dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-not-returned-'));
  backend = createBackend({ mode: 'cli', dataDir: nodePath.join(dir, 'data'), openOnStart: false });
  backend.invoke('authority.create', { path: nodePath.join(dir, 'Sir Prawf') });
  // This year: one school. Last year: another school, which gave its Welsh name, and has not returned this year.
  for (const [file, content] of [
    ['6602001.xlsx', await returnOf('6602001', 'Bryn Primary', 'Ysgol Gynradd Bryn', '2026-27')],
    ['6602002-last-year.xlsx', await returnOf('6602002', 'Afon Primary', 'Ysgol Gynradd Afon', '2025-26')],
  ] as const) {
    const outcome = await backend.invoke('authority.importReturn', { fileName: file, contentBase64: content });
    expect(outcome.rejected).toEqual([]);
  }
  const list = ['Official number,School name,Phase,Language medium', '6602001,Bryn Primary,Primary,English', '6602002,Afon Primary,Primary,English', '6602003,Ysgol Derw,Primary,Welsh'];
  backend.invoke('authority.importSchoolList', { fileName: 'schools.csv', contentBase64: Buffer.from(list.join('\r\n')).toString('base64') });
}, 60_000);

afterAll(() => {
  backend.session.closeAuthorityFile();
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the listed schools not yet returned, for a Welsh reader', () => {
  it('carries the Welsh name a school’s return of another year gave, and none for a school that never returned', () => {
    const view = backend.invoke('authority.comparison', { academicYear: '2026-27' });
    expect(view.comparison.notReturned.map((s) => [s.officialNumber, s.name, s.nameCy])).toEqual([
      ['6602002', 'Afon Primary', 'Ysgol Gynradd Afon'],
      ['6602003', 'Ysgol Derw', ''],
    ]);
  });

  for (const [lang, rows] of [
    [
      'cy',
      [
        ['Ysgol Derw', '6602003'],
        ['Ysgol Gynradd Afon', '6602002'],
      ],
    ],
    [
      'en',
      [
        ['Afon Primary', '6602002'],
        ['Ysgol Derw', '6602003'],
      ],
    ],
  ] as const) {
    it(`names them in the ${lang} comparison workbook as the reader reads them, in the reader’s alphabetical order`, async () => {
      const path = nodePath.join(dir, `comparison-${lang}.xlsx`);
      await backend.invoke('authority.exportComparison', { path, academicYear: '2026-27', lang });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.getWorksheet(createI18n(lang).t('compareBook.sheet.notReturned'))!;
      const shown = [2, 3].map((r) => [sheet.getRow(r).getCell(1).text, sheet.getRow(r).getCell(2).text]);
      expect(shown).toEqual(rows);
    });
  }
});
