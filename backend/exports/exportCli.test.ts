import fs from 'node:fs';
import nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../../test/support/testFolder';
import { runCli } from '../cli/main';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('mapio export-xlsx and alp-statement', () => {
  it('export the demo school: no learners sheet by default, pseudonymised with --pseudonymised, named with --names, Welsh with --lang cy', async () => {
    const dir = testFolder();
    const school = nodePath.join(dir, 'demo.mapio');
    expect(await runCli(['demo', school], io().io)).toBe(0);

    const a = io();
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'g.xlsx')], a.io)).toBe(0);
    expect(a.out[0]).toContain('learners not included');
    const p = io();
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'p.xlsx'), '--pseudonymised'], p.io)).toBe(0);
    expect(p.out[0]).toContain('Learners, Checks, Impact; learners pseudonymised');
    const both = io();
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'b.xlsx'), '--pseudonymised', '--names'], both.io)).toBe(2);
    const b = io();
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'g-cy.xlsx'), '--names', '--lang', 'cy'], b.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(nodePath.join(dir, 'g-cy.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Crynodeb', 'Map darpariaeth', 'Staffio', 'Dysgwyr', 'Gwiriadau', 'Effaith']);
    expect(wb.getWorksheet('Dysgwyr')?.getCell('A2').text).toMatch(/^Gydag enwau/);

    const c = io();
    expect(await runCli(['alp-statement', school, nodePath.join(dir, 'alp.html'), '--lang=cy'], c.io)).toBe(0);
    expect(fs.readFileSync(nodePath.join(dir, 'alp.html'), 'utf8')).toContain('<html lang="cy">');

    const bad = io();
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'x.xlsx'), '--lang', 'fr'], bad.io)).toBe(2);
    expect(bad.err[0]).toContain('--lang must be en or cy, not "fr"');
    const readOnly = io();
    fs.chmodSync(nodePath.join(dir, 'g.xlsx'), 0o444);
    expect(await runCli(['export-xlsx', school, nodePath.join(dir, 'g.xlsx')], readOnly.io)).toBe(1);
    expect(readOnly.err[0]).toContain('the file is open in another program or read-only. Close it or choose another name.');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
