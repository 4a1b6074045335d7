/**
 * Which column of the authority's list of schools is the Welsh name (docs/authority-return.md, "The
 * authority's lists"): a heading in English or Welsh naming both a name and Welsh, wherever it stands, and
 * never taken for the English name, the phase or the language medium; a list without one reads as before.
 * A Welsh name a name cannot be is left out, never the school: the row is imported without it, with a note.
 */
import { describe, expect, it } from 'vitest';
import { readSchoolList, type ListTable } from './authorityLists';

const table = (header: string[], ...rows: string[][]): ListTable => ({ header, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) });

describe('the Welsh-name column of the list of schools', () => {
  for (const [welshHeading, englishHeading] of [
    ['Welsh name', 'Name'],
    ['Name in Welsh', 'School name'],
    ['School name (Welsh)', 'School name (English)'],
    ['Enw Cymraeg', 'Enw'],
    ['Enw yn Gymraeg', 'Enw Saesneg'],
    ['Enw’r ysgol yn Gymraeg', 'Enw’r ysgol'],
  ]) {
    it(`reads “${welshHeading}” as the Welsh name beside “${englishHeading}”, before or after it`, () => {
      const expected = [{ officialNumber: '6602001', name: 'Bryn Primary', nameCy: 'Ysgol Gynradd Bryn', phase: 'primary', languageMedium: 'english' }];
      const before = readSchoolList(table(['Official number', welshHeading!, englishHeading!, 'Phase', 'Language medium'], ['6602001', 'Ysgol Gynradd Bryn', 'Bryn Primary', 'Primary', 'English']));
      const after = readSchoolList(table(['Official number', englishHeading!, 'Phase', 'Language medium', welshHeading!], ['6602001', 'Bryn Primary', 'Primary', 'English', 'Ysgol Gynradd Bryn']));
      expect(before).toEqual({ schools: expected, rejected: [], welshNamesLeftOut: [] });
      expect(after).toEqual({ schools: expected, rejected: [], welshNamesLeftOut: [] });
    });
  }

  it('reads a heading naming both languages as the school’s name, not its Welsh name', () => {
    const bilingual = readSchoolList(table(['Official number', 'School name (English/Welsh)', 'Phase', 'Language medium'], ['6602001', 'Bryn Primary / Ysgol Gynradd Bryn', 'Primary', 'English']));
    expect(bilingual).toEqual({
      schools: [{ officialNumber: '6602001', name: 'Bryn Primary / Ysgol Gynradd Bryn', nameCy: '', phase: 'primary', languageMedium: 'english' }],
      rejected: [],
      welshNamesLeftOut: [],
    });
    const beside = readSchoolList(
      table(['Official number', 'Enw’r ysgol (Saesneg a Chymraeg)', 'Enw Cymraeg', 'Cyfnod', 'Cyfrwng iaith'], ['6602001', 'Bryn Primary', 'Ysgol Gynradd Bryn', 'Cynradd', 'Saesneg']),
    );
    expect(beside.schools).toEqual([{ officialNumber: '6602001', name: 'Bryn Primary', nameCy: 'Ysgol Gynradd Bryn', phase: 'primary', languageMedium: 'english' }]);
  });

  it('is never the language medium, even when its heading says “language”', () => {
    const list = readSchoolList(table(['Official number', 'Name', 'Name in the Welsh language', 'Phase', 'Language medium'], ['6602001', 'Bryn Primary', 'Ysgol Gynradd Bryn', 'Primary', 'Welsh']));
    expect(list.schools).toEqual([{ officialNumber: '6602001', name: 'Bryn Primary', nameCy: 'Ysgol Gynradd Bryn', phase: 'primary', languageMedium: 'welsh' }]);
  });

  it('leaves every Welsh name empty for a list without the column', () => {
    const list = readSchoolList(table(['Official number', 'School name', 'Phase', 'Language medium'], ['6602001', 'Bryn Primary', 'Primary', 'Welsh-medium']));
    expect(list).toEqual({ schools: [{ officialNumber: '6602001', name: 'Bryn Primary', nameCy: '', phase: 'primary', languageMedium: 'welsh' }], rejected: [], welshNamesLeftOut: [] });
  });

  it('takes a Welsh name of exactly 200 characters; at 201 it imports the school without it, and says so with the row, the length and the limit', () => {
    const header = ['Official number', 'Name', 'Welsh name', 'Phase', 'Medium'];
    const list = readSchoolList(table(header, ['6602001', 'Bryn Primary', 'y'.repeat(200), 'Primary', 'English'], ['6602002', 'Afon Primary', 'y'.repeat(201), 'Primary', 'Welsh']));
    expect(list.schools.map((s) => [s.officialNumber, s.nameCy.length])).toEqual([
      ['6602001', 200],
      ['6602002', 0],
    ]);
    expect(list.schools[1]).toEqual({ officialNumber: '6602002', name: 'Afon Primary', nameCy: '', phase: 'primary', languageMedium: 'welsh' });
    expect(list.rejected).toEqual([]);
    expect(list.welshNamesLeftOut).toEqual([{ rowNumber: 3, code: 'welsh_name_too_long', params: { number: '6602002', length: 201, max: 200 } }]);
  });

  it('imports a school whose Welsh name holds a line break without it, and says so with the row', () => {
    const list = readSchoolList(table(['Official number', 'Name', 'Welsh name', 'Phase', 'Medium'], ['6602001', 'Bryn Primary', 'Ysgol\nBryn', 'Primary', 'English']));
    expect(list.schools).toEqual([{ officialNumber: '6602001', name: 'Bryn Primary', nameCy: '', phase: 'primary', languageMedium: 'english' }]);
    expect(list.rejected).toEqual([]);
    expect(list.welshNamesLeftOut).toEqual([{ rowNumber: 2, code: 'welsh_name_control_character', params: { number: '6602001' } }]);
  });

  it('still rejects a row for its other faults, bad Welsh name or not, and notes no Welsh name for a row it rejects', () => {
    const long = 'y'.repeat(201);
    const list = readSchoolList(
      table(
        ['Official number', 'Name', 'Welsh name', 'Phase', 'Medium'],
        ['66020', 'Bad Number Primary', long, 'Primary', 'English'],
        ['6602002', '', long, 'Primary', 'English'],
        ['6602003', 'Odd Phase School', long, 'College', 'English'],
        ['6602004', 'Odd Medium School', long, 'Primary', 'French'],
        ['6602005', 'Cwm Primary', 'Ysgol Cwm', 'Primary', 'English'],
        ['6602005', 'Cwm Again Primary', long, 'Primary', 'English'],
      ),
    );
    expect(list.schools.map((s) => s.officialNumber)).toEqual(['6602005']);
    expect(list.rejected.map((r) => [r.rowNumber, r.code])).toEqual([
      [2, 'official_number_invalid'],
      [3, 'name_missing'],
      [4, 'phase_unknown'],
      [5, 'medium_unknown'],
      [7, 'duplicate_number'],
    ]);
    expect(list.welshNamesLeftOut).toEqual([]);
  });
});
