/**
 * Bounded parsing. A 2 MB .xlsx that unpacks to ten million rows once ran the server out of memory in
 * `mis.preview`, and `mapio compare` with it beside a good return crashed and lost the good one. Every
 * spreadsheet is now measured before exceljs builds it (backend/spreadsheetLimits.ts) and every CSV is
 * read record by record: a bomb is refused with its reason, nothing changes, and in a batch the good
 * returns import. Time and memory are printed (the figures are in docs/guarantees.md), not asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { runCli } from '../../../backend/cli/main';
import { MAX_MIS_ROWS } from '../../../backend/mis/misTable';
import { type ReturnImportOutcome, type YearView } from '../../../shared/api/contract';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { manyPartsZip, spreadsheetBomb } from './zipBombs';
import { refusal } from './refusal';

let folder: string;
let backend: TypedBackend;
let schoolPath: string;
const mapping = { ref: 0, surname: null, forename: null, name: 1, yearGroup: 2, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null };

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-bombs-'));
  schoolPath = path.join(folder, 'Bryn Derw.mapio');
  SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
  backend = createBackend({ mode: 'cli', dataDir: path.join(folder, 'data'), openPath: schoolPath, today: () => '2026-11-24' });
});
afterAll(() => {
  backend?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Run `fn`, printing how long it took and how far the process's memory grew. */
async function measured<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  try {
    return await fn();
  } finally {
    console.log(`${what}: ${(performance.now() - started).toFixed(0)} ms, memory +${Math.max(0, Math.round((process.memoryUsage().rss - rss) / 1024 / 1024))} MB`);
  }
}

describe('an MIS spreadsheet that is a zip bomb', () => {
  it('ten million rows in 2 MB: refused from its declared size, before anything is built; nothing changes', async () => {
    const bomb = spreadsheetBomb(10_000_000);
    console.log(`the bomb: ${(bomb.length / 1024 / 1024).toFixed(1)} MB unpacking to ten million rows`);
    const before = (await backend.call('year.get', {})) as YearView;
    for (const operation of ['mis.preview', 'mis.import'] as const) {
      const error = await measured(`${operation} of the bomb refused`, () => refusal(() => backend.call(operation, { fileName: 'pupils.xlsx', contentBase64: bomb.toString('base64'), mapping })));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/^“pupils\.xlsx” would unpack to 4\d\d MB; Mapio reads workbooks of at most 100 MB per part\. Export only the learners/);
    }
    const after = (await backend.call('year.get', {})) as YearView;
    expect(after.data).toEqual(before.data);
    expect(after.history).toEqual(before.history);
  });

  it('one that lies about its size is stopped as soon as it passes what it declared', async () => {
    const liar = spreadsheetBomb(1_000_000, { lie: true });
    const error = await measured('the lying bomb refused', () => refusal(() => backend.call('mis.preview', { fileName: 'liar.xlsx', contentBase64: liar.toString('base64') })));
    expect(error.message).toMatch(/^“liar\.xlsx” is not what it says it is: a part of it unpacks to more than it declares \(a “zip bomb”\)/);
  });

  it('a part that does not unpack to the size it declares is refused, small parts and large alike', async () => {
    // Small parts are inflated at once and large ones as a stream (backend/spreadsheetLimits.ts): both are checked.
    const cases = [
      ['short.xlsx', spreadsheetBomb(100, { declaredSize: 200_000 })],
      ['longer.xlsx', spreadsheetBomb(40_000, { declaredSize: 1_100_000 })],
    ] as const;
    for (const [fileName, bytes] of cases) {
      const error = await refusal(() => backend.call('mis.preview', { fileName, contentBase64: bytes.toString('base64') }));
      expect(error.message).toContain(`“${fileName}” is not what it says it is: a part of it unpacks to more than it declares`);
    }
  });

  it('one inside the size limits but with too many rows is refused while its rows are counted', async () => {
    const rows = spreadsheetBomb(400_000);
    const error = await measured('400,000 rows refused while counting', () => refusal(() => backend.call('mis.preview', { fileName: 'rows.xlsx', contentBase64: rows.toString('base64') })));
    expect(error.message).toMatch(/^“rows\.xlsx” has more than 51,000 rows; Mapio reads at most that many/);
  });

  it('one with thousands of parts is refused from its directory', async () => {
    const error = await refusal(() => backend.call('mis.preview', { fileName: 'parts.xlsx', contentBase64: manyPartsZip(5_000).toString('base64') }));
    expect(error.message).toMatch(/^“parts\.xlsx” holds 5,001 files inside it; a workbook Mapio reads has at most 1,000/);
  });
});

describe('a large CSV', () => {
  it('is read record by record and refused at the first row past the limit', async () => {
    const lines = ['UPN,Name,Year'];
    for (let i = 0; i < 300_000; i++) lines.push(`Z${i},Learner ${i},Y4`);
    const csv = Buffer.from(lines.join('\n'));
    console.log(`the CSV: ${(csv.length / 1024 / 1024).toFixed(1)} MB, 300,000 rows`);
    const error = await measured('300,000-row CSV refused', () => refusal(() => backend.call('mis.preview', { fileName: 'everyone.csv', contentBase64: csv.toString('base64') })));
    expect(error.message).toBe(`“everyone.csv” has more than ${MAX_MIS_ROWS.toLocaleString('en-GB')} rows; Mapio imports at most ${MAX_MIS_ROWS.toLocaleString('en-GB')} at a time.`);
  });
});

describe('authority returns: a bomb in a batch', () => {
  let returnsFolder: string;
  beforeAll(async () => {
    returnsFolder = path.join(folder, 'returns');
    fs.mkdirSync(returnsFolder);
    await backend.call('return.create', { path: path.join(returnsFolder, 'a-bryn-derw.xlsx') });
    // A second school: the same year under another name.
    const other = path.join(folder, 'Ysgol Arall.mapio');
    const year = testSchoolYear();
    year.school.name = 'Ysgol Arall';
    SchoolFile.create(other, year, { appVersion: 'test' }).close();
    const second = createBackend({ mode: 'cli', dataDir: path.join(folder, 'data2'), openPath: other, today: () => '2026-11-24' });
    await second.call('return.create', { path: path.join(returnsFolder, 'c-ysgol-arall.xlsx') });
    second.dispose();
    fs.writeFileSync(path.join(returnsFolder, 'b-bomb.xlsx'), spreadsheetBomb(10_000_000));
  });

  it('importing the folder imports the good returns and rejects the bomb with its reason', async () => {
    await backend.call('authority.create', { path: path.join(folder, 'Authority.mapio-la') });
    const outcome = (await measured('a folder with the bomb imported', () => backend.call('authority.importFolder', { path: returnsFolder }))) as ReturnImportOutcome;
    expect(outcome.imported.map((r) => r.fileName)).toEqual(['a-bryn-derw.xlsx', 'c-ysgol-arall.xlsx']);
    expect(outcome.rejected).toEqual([{ fileName: 'b-bomb.xlsx', code: 'too_big', params: {}, reason: expect.stringMatching(/^not a Mapio return: it would unpack to 4\d\d MB/) }]);
    // One at a time through the door, as the window sends them.
    const one = (await backend.call('authority.importReturn', {
      fileName: 'b-bomb.xlsx',
      contentBase64: fs.readFileSync(path.join(returnsFolder, 'b-bomb.xlsx')).toString('base64'),
    })) as ReturnImportOutcome;
    expect(one.imported).toEqual([]);
    expect(one.rejected[0]?.reason).toMatch(/would unpack to/);
    await backend.call('authority.close', {});
  });

  it('`mapio compare` with the bomb between two good returns imports both and says why the bomb was rejected', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const files = ['a-bryn-derw.xlsx', 'b-bomb.xlsx', 'c-ysgol-arall.xlsx'].map((f) => path.join(returnsFolder, f));
    const code = await runCli(['compare', ...files, '--out', path.join(folder, 'comparison.xlsx')], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^Imported 2 of 3 returns; wrote the comparison to /);
    expect(err.join('\n')).toMatch(/Rejected b-bomb\.xlsx: not a Mapio return: it is far larger than any return/);
    expect(fs.existsSync(path.join(folder, 'comparison.xlsx'))).toBe(true);
  });
});
