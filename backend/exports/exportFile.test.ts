import fs from 'node:fs';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { sha256, testFolder } from '../../test/support/testFolder';
import { createBackend } from '../backend';
import { writeWorkbook } from './exportFile';

const folders: string[] = [];
function folder(): string {
  const f = testFolder();
  folders.push(f);
  return f;
}
afterEach(() => {
  for (const f of folders.splice(0)) {
    fs.chmodSync(f, 0o755);
    for (const name of fs.readdirSync(f)) fs.chmodSync(nodePath.join(f, name), 0o644);
    fs.rmSync(f, { recursive: true, force: true });
  }
});

function smallWorkbook(text: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Summary').getCell('A1').value = text;
  return wb;
}

async function refused(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('writeWorkbook', () => {
  it('writes the workbook whole and leaves no temporary file behind', async () => {
    const dir = folder();
    const target = nodePath.join(dir, 'governors.xlsx');
    const bytes = await writeWorkbook(smallWorkbook('first'), target);
    expect(fs.statSync(target).size).toBe(bytes);
    await writeWorkbook(smallWorkbook('second'), target);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(target);
    expect(back.getWorksheet('Summary')?.getCell('A1').value).toBe('second');
    expect(fs.readdirSync(dir)).toEqual(['governors.xlsx']);
  });

  it('refuses a read-only earlier export with a sentence saying what to do, leaving it untouched', async () => {
    const dir = folder();
    const target = nodePath.join(dir, 'governors.xlsx');
    await writeWorkbook(smallWorkbook('earlier'), target);
    fs.chmodSync(target, 0o444);
    const before = sha256(target);
    const error = await refused(writeWorkbook(smallWorkbook('later'), target));
    expect(error.code).toBe('file_io');
    expect(error.message).toBe(`Mapio could not write ${target}: the file is open in another program or read-only. Close it or choose another name.`);
    expect(sha256(target)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['governors.xlsx']);
  });

  it('refuses a read-only folder, leaving the export there untouched', async () => {
    const dir = folder();
    const target = nodePath.join(dir, 'governors.xlsx');
    await writeWorkbook(smallWorkbook('earlier'), target);
    const before = sha256(target);
    fs.chmodSync(dir, 0o555);
    const error = await refused(writeWorkbook(smallWorkbook('later'), target));
    expect(error.code).toBe('file_io');
    expect(error.message).toContain('the file is open in another program or read-only. Close it or choose another name.');
    fs.chmodSync(dir, 0o755);
    expect(sha256(target)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['governors.xlsx']);
  });

  it('says so when the folder does not exist, and adds .xlsx to a name without it', async () => {
    const dir = folder();
    const missing = await refused(writeWorkbook(smallWorkbook('x'), nodePath.join(dir, 'no-such-folder', 'g.xlsx')));
    expect(missing.code).toBe('file_io');
    expect(missing.message).toMatch(/the folder .*no-such-folder does not exist/);
    await writeWorkbook(smallWorkbook('x'), nodePath.join(dir, 'g.csv'));
    expect(fs.readdirSync(dir)).toContain('g.csv.xlsx');
    expect(fs.existsSync(nodePath.join(dir, 'g.csv'))).toBe(false);
  });
});

describe('the export operations', () => {
  function backendWithDemo() {
    const dir = folder();
    const backend = createBackend({ mode: 'cli', dataDir: dir, openOnStart: false, today: () => '2026-11-24' });
    const school = nodePath.join(dir, 'school.mapio');
    backend.invoke('file.create', { path: school, template: 'demo' });
    return { dir, backend, school };
  }

  it('export.governorsWorkbook writes the workbook in English with no learners sheet by default; pseudonymised when asked', async () => {
    const { dir, backend, school } = backendWithDemo();
    try {
      const before = sha256(school);
      const out = nodePath.join(dir, 'governors.xlsx');
      const result = await backend.invoke('export.governorsWorkbook', { path: out });
      expect(result).toEqual({ path: out, sheets: ['Summary', 'Provision map', 'Staffing', 'Checks', 'Impact'], bytes: fs.statSync(out).size });
      const asked = await backend.invoke('export.governorsWorkbook', { path: out, learners: 'pseudonymised' });
      expect(asked.sheets).toEqual(['Summary', 'Provision map', 'Staffing', 'Learners', 'Checks', 'Impact']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.getWorksheet('Learners')?.getCell('A2').text).toMatch(/^Pseudonymised/);
      expect(sha256(school)).toBe(before);
      const cy = await backend.call('export.governorsWorkbook', { path: nodePath.join(dir, 'cy.xlsx'), lang: 'cy', learners: 'none' });
      expect((cy as { sheets: string[] }).sheets).toEqual(['Crynodeb', 'Map darpariaeth', 'Staffio', 'Gwiriadau', 'Effaith']);
    } finally {
      backend.dispose();
    }
  });

  it('over a read-only export fails with file_io and leaves the school file and the earlier export untouched', async () => {
    const { dir, backend, school } = backendWithDemo();
    try {
      const out = nodePath.join(dir, 'governors.xlsx');
      await backend.invoke('export.governorsWorkbook', { path: out });
      fs.chmodSync(out, 0o444);
      const [schoolBefore, exportBefore] = [sha256(school), sha256(out)];
      const error = await refused(backend.call('export.governorsWorkbook', { path: out, learners: 'named' }) as Promise<unknown>);
      expect(error.toBody()).toEqual({ code: 'file_io', message: `Mapio could not write ${out}: the file is open in another program or read-only. Close it or choose another name.` });
      expect(sha256(school)).toBe(schoolBefore);
      expect(sha256(out)).toBe(exportBefore);
      // The statement for parents is refused the same way.
      const html = nodePath.join(dir, 'alp.html');
      backend.invoke('export.alpStatement', { path: html });
      fs.chmodSync(html, 0o444);
      const htmlBefore = sha256(html);
      await expect(backend.call('export.alpStatement', { path: html, lang: 'cy' })).rejects.toMatchObject({ code: 'file_io' });
      expect(sha256(html)).toBe(htmlBefore);
      expect(sha256(school)).toBe(schoolBefore);
    } finally {
      backend.dispose();
    }
  });

  it('never writes over the open school file, and needs a file open', async () => {
    const { backend, school } = backendWithDemo();
    try {
      const before = sha256(school);
      // The school file's own name gets the statement's extension added, so it is never the target.
      await expect(backend.call('export.alpStatement', { path: school })).resolves.toMatchObject({ path: `${school}.html` });
      await expect(backend.call('export.governorsWorkbook', { path: `${school}.xlsx`, learners: 'everyone' })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(sha256(school)).toBe(before);
      backend.invoke('file.close', {});
      await expect(backend.call('export.governorsWorkbook', { path: '/tmp/x.xlsx' })).rejects.toMatchObject({ code: 'no_file' });
    } finally {
      backend.dispose();
    }
  });
});
