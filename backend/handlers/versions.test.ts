import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday } from '../../shared/localToday';
import { parseInput } from '../../shared/api/contract';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';
import { apiErrorFrom as refusal, rejectionOf } from '../../test/support/refusals';

let school: TestBackend;
let dir: string;
let backend: TypedBackend;
beforeEach(() => {
  school = createTestBackend({ mode: 'cli', today: '2027-03-10', school: { name: 'Ysgol Cwm Glas.mapio', template: 'demo' } });
  ({ dir, backend } = school);
});
afterEach(() => school.close());

const read = (file: string) => new Uint8Array(fs.readFileSync(file));

/** Raise the first staff member's hourly cost by £5: a change every total feels. */
function raiseAStaffRate(): void {
  const staff = backend.invoke('year.get', {}).data.staff[0]!;
  backend.invoke('staff.update', { id: staff.id, changes: { hourlyCostPence: staff.hourlyCostPence + 500 } });
}

describe('a version presented to governors', () => {
  it('is the same workbook, byte for byte, after the map is edited, and keeps the old figures', async () => {
    backend.invoke('scenario.create', { name: 'Grant ends', from: 'baseline' });
    const first = path.join(dir, 'governors.xlsx');
    const exported = await backend.invoke('export.governorsWorkbook', { path: first, lang: 'cy', version: { name: 'As presented to governors', presentedOn: '2027-03-12' } });
    expect(exported.version).toMatchObject({ name: 'As presented to governors', presentedOn: '2027-03-12', options: { lang: 'cy', learners: 'none' }, workbookBytes: exported.bytes });
    const id = exported.version!.id;
    const before = backend.invoke('year.get', {}).costed;

    raiseAStaffRate();
    const after = backend.invoke('year.get', {}).costed;
    expect(after.totals.costPence).toBeGreaterThan(before.totals.costPence);

    const again = backend.invoke('versions.export', { id, path: path.join(dir, 'again') });
    expect(again.path).toBe(path.join(dir, 'again.xlsx'));
    expect(again.sheets).toEqual(exported.sheets);
    expect(read(again.path)).toEqual(read(first));
    // Still a workbook every reader opens, dated the day it was generated.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(again.path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(exported.sheets);
    expect(workbook.created.toISOString().slice(0, 10)).toBe(localToday());

    const opened = backend.invoke('versions.open', { id });
    expect(opened.costed.totals).toEqual(before.totals);
    expect(opened.data.staff[0]!.hourlyCostPence).toBe(backend.invoke('year.get', {}).data.staff[0]!.hourlyCostPence - 500);
    expect(backend.invoke('versions.list', {}).map((v) => v.name)).toEqual(['As presented to governors']);
  });

  it('is compared with the map as it is now, the difference from the engine', async () => {
    const { version } = await backend.invoke('versions.save', { name: 'Autumn meeting', presentedOn: '2026-11-20' });
    raiseAStaffRate();
    const comparison = backend.invoke('versions.compare', { id: version.id });
    expect(comparison.baseline.name).toBe('Ysgol Cwm Glas');
    expect(comparison.scenarios[0]!.name).toBe('Autumn meeting');
    expect(comparison.baseline.totalCostPence).toBe(backend.invoke('year.get', {}).costed.totals.costPence);
    expect(comparison.scenarios[0]!.difference.totalCostPence).toBeLessThan(0);
  });

  it('written twice from the same map on the same day gives identical files', async () => {
    const a = await backend.invoke('export.governorsWorkbook', { path: path.join(dir, 'a.xlsx') });
    const b = await backend.invoke('export.governorsWorkbook', { path: path.join(dir, 'b.xlsx') });
    expect(read(b.path)).toEqual(read(a.path));
  });

  it('is deleted, and then cannot be opened', async () => {
    const { version } = await backend.invoke('versions.save', { name: 'Spring', presentedOn: '2027-03-12' });
    expect(backend.invoke('versions.delete', { id: version.id })).toEqual([]);
    expect(refusal(() => backend.invoke('versions.open', { id: version.id })).code).toBe('not_found');
  });

  it('is refused while a scenario is open, and nothing is written', async () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'Two fewer TAs', from: 'baseline' });
    backend.invoke('scenario.enter', { id: scenario.id });
    const target = path.join(dir, 'refused.xlsx');
    const error = await rejectionOf(backend.call('export.governorsWorkbook', { path: target, version: { name: 'Spring', presentedOn: '2027-03-12' } }));
    expect(error.code).toBe('conflict');
    expect(fs.existsSync(target)).toBe(false);
    backend.invoke('scenario.leave', {});
    expect(backend.invoke('versions.list', {})).toEqual([]);
  });
});

describe('what a version request must be', () => {
  it('a name, at most 120 characters, on one line', () => {
    expect(refusal(() => parseInput('versions.save', { name: '  ', presentedOn: '2027-03-12' })).issues?.[0]).toMatchObject({ path: 'name' });
    expect(refusal(() => parseInput('versions.save', { name: 'x'.repeat(121), presentedOn: '2027-03-12' })).issues?.[0]).toMatchObject({ path: 'name' });
    expect(refusal(() => parseInput('versions.save', { name: 'a\nb', presentedOn: '2027-03-12' })).issues?.[0]).toMatchObject({ path: 'name' });
  });

  it('a real date it was presented on', () => {
    for (const presentedOn of ['12 March 2027', '2027-02-30', '']) {
      expect(refusal(() => parseInput('versions.save', { name: 'Spring', presentedOn })).issues?.[0]).toMatchObject({ path: 'presentedOn' });
    }
    expect(refusal(() => parseInput('export.governorsWorkbook', { path: 'x.xlsx', version: { name: 'Spring' } })).issues?.[0]).toMatchObject({ path: 'version.presentedOn' });
  });

  it('an id and a path to export to; nothing else', () => {
    expect(refusal(() => parseInput('versions.export', { id: 0, path: 'x.xlsx' })).code).toBe('invalid_input');
    expect(refusal(() => parseInput('versions.export', { id: 1 })).issues?.[0]).toMatchObject({ path: 'path' });
    expect(refusal(() => parseInput('versions.compare', { id: 1, extra: true })).code).toBe('invalid_input');
    expect(parseInput('versions.save', { name: ' Spring ', presentedOn: '2027-03-12' })).toEqual({ name: 'Spring', presentedOn: '2027-03-12', learners: 'none', lang: 'en' });
  });
});
