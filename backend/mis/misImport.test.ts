import fs from 'node:fs';
import { englishIssueWording } from '../../shared/i18n/apiErrors';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIS_PREVIEW_ROW_LIMIT, type MisPreview, type MisRejectCode } from '../../shared/api/contract';
import type { MisColumnMapping } from '../../shared/schemas';
import { openDatabase } from '../../db/connection';
import { SchoolFile } from '../../db/schoolFile';
import { sha256, testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { createBackend, type TypedBackend } from '../backend';
import { rejectionOf as refusal } from '../../test/support/refusals';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let dir: string;
let filePath: string;
let backend: TypedBackend;

function start(): void {
  backend = createBackend({ mode: 'cli', dataDir: dir, openPath: filePath, today: () => '2026-11-24' });
}

beforeEach(() => {
  dir = testFolder();
  filePath = path.join(dir, 'school.mapio');
  SchoolFile.create(filePath, testSchoolYear(), { appVersion: 'test' }).close();
  start();
});
afterEach(() => {
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const preview = (fileName: string, contentBase64: string, mapping?: MisColumnMapping): Promise<MisPreview> =>
  backend.invoke('mis.preview', mapping ? { fileName, contentBase64, mapping } : { fileName, contentBase64 });
const learners = () => backend.invoke('year.get', {}).data.learners;
const byRef = (ref: string) => learners().find((l) => l.ref === ref);

/** Every row of every table (and the schema), read straight from the file: what "nothing was written" means. */
function dumpFile(file: string): Record<string, unknown[]> {
  const db = openDatabase(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const dump: Record<string, unknown[]> = { schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all() };
    for (const t of tables) dump[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    return dump;
  } finally {
    db.close();
  }
}

describe('a SIMS export in Windows-1252', () => {
  const file = 'sims-year-list-windows-1252.csv';

  it('previews every learner as an add, with names, year groups and statuses read correctly, writing nothing', async () => {
    const before = sha256(filePath);
    const p = await preview(file, fixture(file));
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', columns: ['Legal Surname', 'Legal Forename', 'UPN', 'NC Year', 'SEN Status', 'Gender'] });
    expect(p.mapping).toMatchObject({ ref: 2, surname: 0, forename: 1, name: null, yearGroup: 3, alnStatus: 4 });
    expect(p.counts).toEqual({ add: 6, update: 0, unchanged: 0, reject: 0, blank: 0, notInFile: 6 });
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.ref, r.name, r.yearGroup, r.alnStatus])).toEqual([
      [2, 'add', 'W820400126001', 'Siân Jones', -1, 'none'],
      [3, 'add', 'W820400126002', 'Nóra Ó Briain', 0, 'monitored'],
      [4, 'add', 'W820400126003', 'Dafydd Evans-Pritchard', 3, 'idp_school'],
      [5, 'add', 'W820400126004', 'Rhodri Williams, Jr', 6, 'idp_school'],
      [6, 'add', 'W820400126005', 'Gwenllïan Pryce', 6, 'none'],
      [7, 'add', 'W820400126006', 'Siôn Thomas', 10, 'idp_la'],
    ]);
    // How each status word was read: School Action Plus is not ALN; only K (ALN monitoring) is the monitoring register
    expect(p.statusReadings).toEqual([
      { text: 'N', status: 'none', rows: 1 },
      { text: 'K', status: 'monitored', rows: 1 },
      { text: 'E', status: 'idp_school', rows: 1 },
      { text: 'S', status: 'idp_school', rows: 1 },
      { text: 'SA+', status: 'none', rows: 1 },
      { text: 'Statement', status: 'idp_la', rows: 1 },
    ]);
    expect(learners()).toHaveLength(6);
    expect(backend.invoke('year.get', {}).history.canUndo).toBe(false);
    expect(sha256(filePath)).toBe(before);
  });

  it('imports on confirm as one undo step, and re-importing next term updates instead of duplicating', async () => {
    const p = await preview(file, fixture(file));
    const result = await backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: p.mapping });
    expect(result.createdIds).toHaveLength(6);
    expect(result.view.data.learners).toHaveLength(12);
    expect(byRef('W820400126001')).toMatchObject({ name: 'Siân Jones', yearGroup: -1, alnStatus: 'none', areaIds: [], efsm: false });
    expect(result.view.history.undoLabel).toEqual({ step: 'importLearners', params: { file } });

    // The same file again: nothing to do.
    const again = await preview(file, fixture(file));
    expect(again.counts).toMatchObject({ add: 0, update: 0, unchanged: 6, reject: 0, notInFile: 6 });

    // Next term: Siân moves from N2 to reception and gets an IDP; Nóra's record is the same.
    const nextTerm = Buffer.from(fixture(file), 'base64').toString('latin1').replace('Jones,Siân,W820400126001,N2,N', 'Jones,Siân,W820400126001,R,E');
    const nextTermBase64 = Buffer.from(nextTerm, 'latin1').toString('base64');
    const term2 = await preview('spring.csv', nextTermBase64);
    expect(term2.counts).toMatchObject({ add: 0, update: 1, unchanged: 5 });
    const updated = term2.rows.find((r) => r.action === 'update')!;
    expect(updated).toMatchObject({ rowNumber: 2, ref: 'W820400126001', learnerId: byRef('W820400126001')!.id });
    expect(updated.changes).toEqual([
      { field: 'yearGroup', from: -1, to: 0 },
      { field: 'alnStatus', from: 'none', to: 'idp_school' },
    ]);
    const imported = await backend.invoke('mis.import', { fileName: 'spring.csv', contentBase64: nextTermBase64, mapping: term2.mapping });
    expect(imported.view.data.learners).toHaveLength(12);
    expect(byRef('W820400126001')).toMatchObject({ yearGroup: 0, alnStatus: 'idp_school' });

    // Undo takes back the whole second import, then the whole first.
    backend.invoke('history.undo', {});
    expect(byRef('W820400126001')).toMatchObject({ yearGroup: -1, alnStatus: 'none' });
    backend.invoke('history.undo', {});
    expect(learners()).toHaveLength(6);
  });

  it('a blank status keeps what Mapio has, and a user’s mapping replaces the guess', async () => {
    await backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: (await preview(file, fixture(file))).mapping });
    const guessed = (await preview(file, fixture(file))).mapping;
    const withoutStatus = await preview(file, fixture(file), { ...guessed, alnStatus: null });
    expect(withoutStatus.mapping.alnStatus).toBeNull();
    // Without the status column nothing would change: W820400126006 keeps its LA IDP.
    expect(withoutStatus.counts).toMatchObject({ unchanged: 6, update: 0 });
    expect(withoutStatus.rows.find((r) => r.ref === 'W820400126006')!.alnStatus).toBe('idp_la');
  });
});

describe('a Windows-1252 export whose names lost ŵ and ŷ', () => {
  // Windows-1252 holds â but not ŵ or ŷ: an MIS saving in it writes "?" for them.
  const latin1 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
  const content = latin1('UPN,Legal Surname,Legal Forename,NC Year,SEN Status\r\nW1,Jones,Siân,Y3,N\r\nW2,ap Ll?r,?yn,Y4,N\r\nW3,Ll?n,Dafydd,Y5,N\r\n');

  it('flags each name with "?" for a letter, never replaces a name that differs only there, and never claims ŵ was kept', async () => {
    const base = learners()[0]!;
    const { id: _id, ...fields } = base;
    backend.invoke('learners.create', { ...fields, ref: 'W2', name: 'Ŵyn ap Llŷr', yearGroup: 4, alnStatus: 'none', areaIds: [] });
    const p = await preview('sims-1252.csv', content);
    expect(p.encoding).toBe('windows-1252');
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.name, r.lostLetters])).toEqual([
      [2, 'add', 'Siân Jones', false],
      [3, 'unchanged', '?yn ap Ll?r', true],
      [4, 'add', 'Dafydd Ll?n', true],
    ]);
    await backend.invoke('mis.import', { fileName: 'sims-1252.csv', contentBase64: content, mapping: p.mapping });
    expect(byRef('W2')?.name).toBe('Ŵyn ap Llŷr');
    expect(byRef('W1')?.name).toBe('Siân Jones');
  });

  it('words every refusal from its code and specifics, in English and in Welsh: the value, and the other rows whether earlier or later', async () => {
    const p = await preview('dupes.csv', base64('UPN,Legal Surname,Legal Forename,NC Year,SEN Status\r\nD1,A,B,Y3,N\r\nD1,C,D,Y20,N\r\nD1,E,F,Y3,N\r\n'));
    const first = p.rows.find((r) => r.rowNumber === 2)!;
    expect(first).toMatchObject({ rejectCode: 'duplicate_ref', rejectParams: { value: '“D1”', rows: '3, 4', count: 2 } });
    const { createI18n } = await import('../../shared/i18n');
    expect(createI18n('cy').t('mis.reject.duplicate_ref', first.rejectParams)).toBe(
      'Mae’r cyfeirnod “D1” hefyd ar y rhesi 3, 4. Rhaid i bob dysgwr ymddangos unwaith: cywirwch y ffeil a’i mewnforio eto.',
    );
    expect(createI18n('en').t('mis.reject.duplicate_ref', p.rows.find((r) => r.rowNumber === 4)!.rejectParams)).toBe(
      'The reference “D1” is also on rows 2, 3. Each learner must appear once: correct the file and import again.',
    );
  });
});

describe('an Arbor export in UTF-8 with a byte-order mark', () => {
  const file = 'arbor-students-utf8-bom.csv';

  it('reads Welsh letters, quoted notes over two lines, and the optional eFSM and looked-after columns', async () => {
    const p = await preview(file, fixture(file));
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.columns[0]).toBe('MIS ID'); // no BOM left on the first header
    expect(p.mapping).toMatchObject({ ref: 0, forename: 1, surname: 2, yearGroup: 3, alnStatus: 4, efsm: 5, lookedAfter: 6, welshAlp: null });
    expect(p.counts).toMatchObject({ add: 4, reject: 0, blank: 0 });
    await backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: p.mapping });
    expect(byRef('ARB-0001')).toMatchObject({ name: 'Llŷr Griffiths', yearGroup: 4, alnStatus: 'idp_school', efsm: true, lookedAfter: false });
    expect(byRef('ARB-0002')).toMatchObject({ name: 'Siân Morgan', yearGroup: 0, alnStatus: 'idp_la', efsm: false, lookedAfter: true });
    expect(byRef('ARB-0003')).toMatchObject({ name: 'Nóra Lewis', yearGroup: -1, alnStatus: 'monitored' });
    expect(byRef('ARB-0004')).toMatchObject({ name: 'Gwenllïan Ŵyn', yearGroup: 11, alnStatus: 'none', efsm: true });
  });

  it('reads the same learners from UTF-8 without a BOM', async () => {
    const withoutBom = Buffer.from(fixture(file), 'base64').subarray(3).toString('base64');
    const p = await preview('arbor.csv', withoutBom);
    expect(p.encoding).toBe('utf-8');
    expect(p.rows.map((r) => r.name)).toEqual(['Llŷr Griffiths', 'Siân Morgan', 'Nóra Lewis', 'Gwenllïan Ŵyn']);
  });
});

describe('an .xlsx with formulas', () => {
  const file = 'year-list-with-formula.xlsx';

  it('reads the first sheet, rejects each row whose mapped cell holds a formula, and counts the blank row', async () => {
    const p = await preview(file, fixture(file));
    expect(p).toMatchObject({ format: 'xlsx', encoding: null, columns: ['UPN', 'Legal Surname', 'Legal Forename', 'NC Year', 'SEN Status'] });
    expect(p.counts).toEqual({ add: 2, update: 0, unchanged: 0, reject: 2, blank: 1, notInFile: 6 });
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.name, r.yearGroup, r.alnStatus, r.rejectCode])).toEqual([
      [2, 'add', 'Siân Hughes', 3, 'none', null],
      [3, 'reject', 'Llŷr Lloyd', null, null, 'formula'],
      [4, 'add', 'Nóra Morgan', 4, 'idp_school', null],
      [6, 'reject', 'Owain Rees', null, null, 'formula'],
    ]);
    expect(p.rows[1]!.reason).toBe('The “NC Year” cell holds a formula (“5”). Formulas are not imported: type the value itself.');
    expect(p.rows[3]!.reason).toMatch(/^The “SEN Status” cell holds a formula/);
    const result = await backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: p.mapping });
    expect(result.createdIds).toHaveLength(2);
    expect(byRef('X820400126102')).toBeUndefined();
  });

  it('refuses a damaged workbook and an old .xls with a sentence saying what to do', async () => {
    const damaged = Buffer.from(fixture(file), 'base64').subarray(0, 400).toString('base64');
    expect((await refusal(preview('broken.xlsx', damaged))).message).toMatch(/could not read “broken.xlsx” as an Excel workbook/);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64');
    expect((await refusal(preview('pupils.xls', xls))).message).toMatch(/old Excel 97–2003 file \(.xls\). Save it as .xlsx or CSV/);
  });
});

describe('a file with every kind of bad row', () => {
  const file = 'problem-rows.csv';

  it('gives each rejected row its reason, names duplicates to each other, and counts blank rows', async () => {
    const p = await preview(file, fixture(file));
    expect(p.counts).toEqual({ add: 2, update: 0, unchanged: 0, reject: 13, blank: 2, notInFile: 6 });
    const rejected = Object.fromEntries(p.rows.filter((r) => r.action === 'reject').map((r) => [r.rowNumber, [r.rejectCode, r.reason]]));
    const expected: Record<number, [MisRejectCode, string | RegExp]> = {
      3: ['impossible_year_group', '“Y15” is not a year group (use N1, N2 or Nursery, R or Reception, or Year 1 to Year 14).'],
      4: ['missing_year_group', 'No year group in “Year”.'],
      5: ['missing_ref', 'No school reference in “UPN”: every learner needs one so a later import can find them.'],
      6: ['duplicate_ref', 'The reference “W5” is also on row 8. Each learner must appear once: correct the file and import again.'],
      8: ['duplicate_ref', 'The reference “W5” is also on row 6. Each learner must appear once: correct the file and import again.'],
      9: ['formula', /^The “Surname” cell holds a formula \(“=HYPERLINK\("http:\/\/example.com","x"\)”\)\. Formulas are not imported/],
      10: ['impossible_year_group', '“X” is not a year group (use N1, N2 or Nursery, R or Reception, or Year 1 to Year 14).'],
      11: ['unknown_aln_status', '“Maybe” is not an ALN status Mapio knows (e.g. N / None, K / Monitored, E / School IDP, LA IDP).'],
      12: ['name_too_long', 'The name is 214 characters; at most 200 are allowed.'],
      13: ['ref_too_long', /^The reference “W9{39}…” is 51 characters; at most 50 are allowed\.$/],
      14: ['missing_name', 'No name: the learner’s name is required.'],
      16: ['impossible_year_group', '“-3” is not a year group (use N1, N2 or Nursery, R or Reception, or Year 1 to Year 14).'],
      17: ['not_yes_or_no', 'eFSM is “sometimes”; use Y or N (Yes or No).'],
    };
    expect(Object.keys(rejected).map(Number)).toEqual(Object.keys(expected).map(Number));
    for (const [row, [code, reason]] of Object.entries(expected)) {
      expect(rejected[row]![0], `row ${row}`).toBe(code);
      if (typeof reason === 'string') expect(rejected[row]![1], `row ${row}`).toBe(reason);
      else expect(rejected[row]![1], `row ${row}`).toMatch(reason);
    }
    expect(p.rows.filter((r) => r.action === 'add').map((r) => [r.rowNumber, r.ref, r.yearGroup, r.alnStatus])).toEqual([
      [2, 'W1', 3, 'none'],
      [18, 'W14', 0, 'idp_school'],
    ]);

    const result = await backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: p.mapping });
    expect(result.createdIds).toHaveLength(2);
    expect(byRef('W14')).toMatchObject({ name: 'Osian Rowlands', efsm: true });
    expect(byRef('W5')).toBeUndefined();
  });

  it('a file missing required columns: the preview says which, and import is refused', async () => {
    const file2 = 'missing-columns.csv';
    const p = await preview(file2, fixture(file2));
    expect(p.rows).toEqual([]);
    expect(p.columns).toEqual(['Surname', 'Forename', 'Date of Birth', 'Gender']);
    expect(p.mappingProblem).toMatchObject({ code: 'invalid_input', reason: 'misNoColumns', params: { name: 'missing-columns.csv', found: '“Surname”, “Forename”, “Date of Birth”, “Gender”' } });
    expect(p.mappingProblem?.issues?.map((i) => [i.path, englishIssueWording(i)])).toEqual([
      ['mapping.ref', 'mapping › ref: no column for the school reference (UPN, Pupil ID or Admission number)'],
      ['mapping.yearGroup', 'mapping › yearGroup: no column for year group (NC Year)'],
    ]);
    const error = await refusal(backend.invoke('mis.import', { fileName: file2, contentBase64: fixture(file2), mapping: p.mapping }));
    expect(error.code).toBe('invalid_input');
    expect(error.toBody()).toEqual(p.mappingProblem);
    expect(learners()).toHaveLength(6);
  });

  it('refuses a request that is not base64, or an empty file, at the door', async () => {
    expect((await refusal((async () => backend.invoke('mis.preview', { fileName: 'x.csv', contentBase64: 'not base64!' }))())).message).toBe('contentBase64: must be the file’s bytes in base64');
    expect((await refusal(preview('x.csv', base64('\n\n')))).message).toBe('“x.csv” is empty: there is no header row naming the columns.');
  });
});

describe('a failure half-way', () => {
  it('leaves the school file exactly as it was', async () => {
    // The file's bytes after one open-and-close, to compare with after the failed import's open-and-close.
    backend.dispose();
    const before = dumpFile(filePath);
    start();
    // A fault at the database level on the last row of the file: a TEMP trigger on the open file's own
    // connection (a trigger stored in the file would be refused on opening, db/fileSchema.ts).
    const connection = (backend.session.openFile as unknown as { db: { exec(sql: string): void } }).db;
    connection.exec(`CREATE TEMP TRIGGER refuse_last BEFORE INSERT ON main.learners WHEN NEW.ref = 'W820400126006' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    const file = 'sims-year-list-windows-1252.csv';
    const p = await preview(file, fixture(file));
    expect(p.counts.add).toBe(6);
    const error = await refusal(backend.invoke('mis.import', { fileName: file, contentBase64: fixture(file), mapping: p.mapping }));
    expect(error.message).toMatch(/nothing was changed: injected fault/);
    expect(learners().map((l) => l.ref)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006']);
    expect(backend.invoke('year.get', {}).history.canUndo).toBe(false);
    backend.dispose();
    expect(dumpFile(filePath)).toEqual(before);
    start();
  });
});

describe('10,000 learners', () => {
  it('previews with exact counts and capped rows, and imports in one step', async () => {
    const years = ['N1', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13'];
    const statuses = ['N', 'K', 'E', 'LA IDP'];
    const lines = ['UPN,Legal Surname,Legal Forename,NC Year,SEN Status'];
    for (let i = 0; i < 10_000; i++) lines.push(`Z${String(i).padStart(12, '0')},Surname${i},Forename${i},${years[i % years.length]},${statuses[i % statuses.length]}`);
    lines[5001] = lines[5001]!.replace(/,Y\d+,|,N1,|,R,/, ',Y99,'); // one impossible year half-way down
    const content = base64(`${lines.join('\r\n')}\r\n`);

    const p = await preview('whole-school.csv', content);
    expect(p.counts).toEqual({ add: 9_999, update: 0, unchanged: 0, reject: 1, blank: 0, notInFile: 6 });
    expect(p.rows).toHaveLength(MIS_PREVIEW_ROW_LIMIT + 1);
    expect(p.rowsTruncated).toBe(true);
    expect(p.rows.find((r) => r.action === 'reject')).toMatchObject({ rowNumber: 5002, rejectCode: 'impossible_year_group' });

    const result = await backend.invoke('mis.import', { fileName: 'whole-school.csv', contentBase64: content, mapping: p.mapping });
    expect(result.createdIds).toHaveLength(9_999);
    expect(result.view.data.learners).toHaveLength(10_005);
    const again = await preview('whole-school.csv', content);
    expect(again.counts).toMatchObject({ add: 0, unchanged: 9_999, reject: 1 });
  });
});
