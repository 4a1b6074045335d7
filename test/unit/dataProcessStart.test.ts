/**
 * The data process starts without exceljs: every start and every restart after Stop answers the first view
 * before any spreadsheet library is loaded (0.3–0.6 s under tsx, 60–140 ms bundled), and exceljs is loaded
 * when a workbook is first written (docs/performance.md, "Round 13: exceljs on first use"). The data
 * process's own code runs in a child Node process (dataProcessStartWorker.ts), which reports the exceljs
 * files Node has loaded; the export at the end shows the report sees exceljs once it is there.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { SchoolFile } from '../../db/schoolFile';
import { testFolder } from '../support/testFolder';
import { testSchoolYear } from '../support/testSchoolYear';

const here = path.dirname(fileURLToPath(import.meta.url));
const worker = path.join(here, 'dataProcessStartWorker.ts');
const folder = testFolder();
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

it('answers the year and an edit without loading exceljs, and loads it to write the governors’ workbook', async () => {
  const school = path.join(folder, 'School.mapio');
  SchoolFile.create(school, testSchoolYear(), { appVersion: 'test' }).close();
  const exportPath = path.join(folder, 'Governors.xlsx');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', worker, school, path.join(folder, 'data'), exportPath], { cwd: path.resolve(here, '..', '..') });
  const report = JSON.parse(stdout.trim().split('\n').pop()!) as { atStart: string[]; afterEdit: string[]; afterExport: string[]; sheets: string[] };
  expect(report.atStart).toEqual([]);
  expect(report.afterEdit).toEqual([]);
  expect(report.afterExport.length).toBeGreaterThan(0);
  expect(report.sheets).toContain('Summary');
  expect(fs.statSync(exportPath).size).toBeGreaterThan(0);
});
