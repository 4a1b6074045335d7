/**
 * The authority's list of schools with a Welsh-name column (docs/authority-return.md, "The authority's
 * lists"), on a real authority file: a listed school that never returned is named, for a Welsh reader, by
 * the Welsh name the list gives, on the screen's comparison, in the Welsh comparison workbook and from the
 * command line; the list's Welsh name wins over the one a return of another year gave; a school the list
 * gives no Welsh name is named as before; a Welsh name a name cannot be is left out, never its school: the
 * school is imported, listed as not yet returned by its English name, and the result says, in English and
 * Welsh, which row's Welsh name was left out and why. Importing a list without the column again leaves the
 * list's Welsh names behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { createBackend, type TypedBackend } from '../backend';
import { runCli } from '../cli/main';
import { namedReturnOf } from '../../test/support/returnFiles';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/**
 * The list, its Welsh column before the English name's (so the English name's heading, "name", must not
 * take it). 6602002 returned last year as "Ysgol Gynradd Afon", but the list says "Ysgol Afon"; 6602003
 * never returned; 6602004 and 6602005 have no Welsh name on the list; rows 7 and 8 (6602006 and 6602007,
 * which never returned) have Welsh names a name cannot be (201 characters; a line break inside).
 */
const LIST_WITH_WELSH = [
  'Official number,Enw Cymraeg,School name,Phase,Language medium',
  '6602001,Ysgol Gynradd Bryn,Bryn Primary,Primary,English',
  '6602002,Ysgol Afon,Afon Primary,Primary,English',
  '6602003,Ysgol Llanfair,Llanfair Primary,Primary,Welsh',
  '6602004,,Cwm Primary,Primary,English',
  '6602005,,Lon Wen Primary,Primary,English',
  `6602006,${'Ysgol Hir '.repeat(20)}X,Long Primary,Primary,English`,
  '6602007,"Ysgol\nNewydd",Newydd Primary,Primary,English',
].join('\r\n');

const LIST_WITHOUT_WELSH = [
  'Official number,School name,Phase,Language medium',
  '6602001,Bryn Primary,Primary,English',
  '6602002,Afon Primary,Primary,English',
  '6602003,Llanfair Primary,Primary,Welsh',
  '6602004,Cwm Primary,Primary,English',
  '6602005,Lon Wen Primary,Primary,English',
].join('\r\n');

let dir: string;
let backend: TypedBackend;
const returnFiles: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-list-welsh-'));
  backend = createBackend({ mode: 'cli', dataDir: nodePath.join(dir, 'data'), openOnStart: false });
  backend.invoke('authority.create', { path: nodePath.join(dir, 'Sir Prawf') });
  // This year: one school. Last year: two schools that gave Welsh names and have not returned this year.
  for (const [file, bytes] of [
    ['6602001.xlsx', await namedReturnOf('6602001', 'Bryn Primary', 'Ysgol Gynradd Bryn', '2026-27')],
    ['6602002-last-year.xlsx', await namedReturnOf('6602002', 'Afon Primary', 'Ysgol Gynradd Afon', '2025-26')],
    ['6602005-last-year.xlsx', await namedReturnOf('6602005', 'Lon Wen Primary', 'Ysgol Lôn Wen', '2025-26')],
  ] as const) {
    returnFiles[file] = nodePath.join(dir, file);
    fs.writeFileSync(returnFiles[file], bytes);
    const outcome = await backend.invoke('authority.importReturn', { fileName: file, contentBase64: base64(bytes) });
    expect(outcome.rejected).toEqual([]);
  }
}, 60_000);

afterAll(() => {
  backend.session.closeAuthorityFile();
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function notReturnedSheet(lang: 'en' | 'cy', name: string): Promise<string[][]> {
  const path = nodePath.join(dir, name);
  await backend.invoke('authority.exportComparison', { path, academicYear: '2026-27', lang });
  return sheetRows(path, lang);
}

async function sheetRows(path: string, lang: 'en' | 'cy'): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(createI18n(lang).t('compareBook.sheet.notReturned'))!;
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push([sheet.getRow(r).getCell(1).text, sheet.getRow(r).getCell(2).text]);
  return rows;
}

describe('a list of schools with a Welsh-name column', () => {
  it('imports each school’s Welsh name, leaving out (never the school) a Welsh name a name cannot be, with its row and reason, and names the schools not yet returned by it', async () => {
    const { outcome, view } = await backend.invoke('authority.importSchoolList', { fileName: 'schools.csv', contentBase64: base64(LIST_WITH_WELSH) });
    expect(outcome.imported).toBe(7);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.welshNamesLeftOut).toEqual([
      { rowNumber: 7, code: 'welsh_name_too_long', params: { number: '6602006', length: 201, max: 200 } },
      { rowNumber: 8, code: 'welsh_name_control_character', params: { number: '6602007' } },
    ]);
    const words = (lang: 'en' | 'cy') => outcome.welshNamesLeftOut!.map((n) => createI18n(lang).t(`authority.welshNameLeftOut.${n.code}`, { row: n.rowNumber, ...n.params }));
    expect(words('en')).toEqual([
      'Row 7: school 6602006 was imported without its Welsh name: it has 201 characters; a name may have at most 200.',
      'Row 8: school 6602007 was imported without its Welsh name: it holds a line break or another control character, which a name cannot hold.',
    ]);
    expect(words('cy')).toEqual([
      'Rhes 7: mewnforiwyd ysgol 6602006 heb ei henw yn Gymraeg: mae 201 nod ynddo; dim mwy na 200 nod a all fod mewn enw.',
      'Rhes 8: mewnforiwyd ysgol 6602007 heb ei henw yn Gymraeg: mae’n cynnwys toriad llinell neu nod rheoli arall, na all fod mewn enw.',
    ]);
    expect(view.listedSchools).toBe(7);

    // The screen's data: the list's Welsh name, over the one last year's return gave; else the return's; else none.
    expect(view.comparison.notReturned.map((s) => [s.officialNumber, s.name, s.nameCy])).toEqual([
      ['6602002', 'Afon Primary', 'Ysgol Afon'],
      ['6602003', 'Llanfair Primary', 'Ysgol Llanfair'],
      ['6602004', 'Cwm Primary', ''],
      ['6602005', 'Lon Wen Primary', 'Ysgol Lôn Wen'],
      ['6602006', 'Long Primary', ''],
      ['6602007', 'Newydd Primary', ''],
    ]);
  });

  it('names them in the Welsh workbook by those names, in Welsh alphabetical order (ll after l); the English workbook keeps the list’s names', async () => {
    expect(await notReturnedSheet('cy', 'with-welsh-cy.xlsx')).toEqual([
      ['Cwm Primary', '6602004'],
      ['Long Primary', '6602006'],
      ['Newydd Primary', '6602007'],
      ['Ysgol Afon', '6602002'],
      ['Ysgol Lôn Wen', '6602005'],
      ['Ysgol Llanfair', '6602003'],
    ]);
    expect(await notReturnedSheet('en', 'with-welsh-en.xlsx')).toEqual([
      ['Afon Primary', '6602002'],
      ['Llanfair Primary', '6602003'],
      ['Cwm Primary', '6602004'],
      ['Lon Wen Primary', '6602005'],
      ['Long Primary', '6602006'],
      ['Newydd Primary', '6602007'],
    ]);
  });

  it('keeps the Welsh names in the authority file: reopened, the comparison names them the same', () => {
    const path = backend.invoke('authority.comparison', {}).file.path;
    backend.session.closeAuthorityFile();
    const view = backend.invoke('authority.open', { path });
    expect(view.comparison.notReturned.find((s) => s.officialNumber === '6602003')?.nameCy).toBe('Ysgol Llanfair');
  });

  it('drops the list’s Welsh names when a list without the column replaces it: a school that never returned keeps its English name again', async () => {
    const { outcome, view } = await backend.invoke('authority.importSchoolList', { fileName: 'schools-en.csv', contentBase64: base64(LIST_WITHOUT_WELSH) });
    expect(outcome).toEqual({ imported: 5, rejected: [], welshNamesLeftOut: [] });
    expect(view.comparison.notReturned.map((s) => [s.officialNumber, s.nameCy])).toEqual([
      ['6602002', 'Ysgol Gynradd Afon'],
      ['6602003', ''],
      ['6602004', ''],
      ['6602005', 'Ysgol Lôn Wen'],
    ]);
    expect(await notReturnedSheet('cy', 'without-welsh-cy.xlsx')).toEqual([
      ['Cwm Primary', '6602004'],
      ['Llanfair Primary', '6602003'],
      ['Ysgol Gynradd Afon', '6602002'],
      ['Ysgol Lôn Wen', '6602005'],
    ]);
  });

  it('from the command line: `mapio compare … --schools list.csv --lang cy` names a school that never returned by the list’s Welsh name and prints, in Welsh, the rows whose Welsh name was left out', async () => {
    const list = nodePath.join(dir, 'rhestr.csv');
    fs.writeFileSync(list, LIST_WITH_WELSH);
    const target = nodePath.join(dir, 'cli-cymhariaeth.xlsx');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['compare', returnFiles['6602001.xlsx']!, '--schools', list, '--out', target, '--lang', 'cy'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(err).toEqual([
      'Rhes 7: mewnforiwyd ysgol 6602006 heb ei henw yn Gymraeg: mae 201 nod ynddo; dim mwy na 200 nod a all fod mewn enw.',
      'Rhes 8: mewnforiwyd ysgol 6602007 heb ei henw yn Gymraeg: mae’n cynnwys toriad llinell neu nod rheoli arall, na all fod mewn enw.',
    ]);
    // Only this year's return is in the command's own authority file: the list alone names the others in Welsh.
    expect(await sheetRows(target, 'cy')).toEqual([
      ['Cwm Primary', '6602004'],
      // Welsh order: "ng" is one letter, before "n".
      ['Long Primary', '6602006'],
      ['Lon Wen Primary', '6602005'],
      ['Newydd Primary', '6602007'],
      ['Ysgol Afon', '6602002'],
      ['Ysgol Llanfair', '6602003'],
    ]);
  });
});
