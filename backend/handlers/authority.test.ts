import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';
import { zipEntries } from '../../test/support/returnFiles';

let school: TestBackend;
let dir: string;
let backend: TypedBackend;
let schoolPath: string;

beforeEach(() => {
  const year = testSchoolYear();
  year.learners[0]!.name = 'Zyxqvort Plimsoll';
  year.learners[0]!.ref = 'ZQ-998877';
  school = createTestBackend({ mode: 'cli', school: { name: 'Bryn Derw.mapio', year }, dataSubfolder: 'data' });
  ({ dir, backend, schoolPath } = school);
});

// Disposing the backend closes the authority file too.
afterEach(() => school.close());

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('return.create', () => {
  it('writes the open school’s return atomically, with no learner name or reference in any part', async () => {
    backend.invoke('file.open', { path: schoolPath });
    const written = await backend.invoke('return.create', { path: nodePath.join(dir, 'return') });
    expect(written).toMatchObject({ path: nodePath.join(dir, 'return.xlsx'), schoolName: 'Ysgol Gynradd Bryn Derw', academicYear: '2026-27' });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const text = [...zipEntries(fs.readFileSync(written.path)).values()].map((b) => b.toString('utf8')).join('\n');
    expect(text).toContain('Ysgol Gynradd Bryn Derw');
    expect(text).not.toContain('Zyxqvort');
    expect(text).not.toContain('ZQ-998877');
  });

  it('refuses when a line is named after a learner, naming the line, and writes nothing', async () => {
    backend.invoke('file.open', { path: schoolPath });
    const line = backend.invoke('year.get', {}).data.lines[0]!;
    backend.invoke('lines.update', { id: line.id, changes: { name: 'Reading with Zyxqvort Plimsoll' } });
    const error = await apiError(backend.call('return.create', { path: nodePath.join(dir, 'leak.xlsx') }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/lines\.0\.name \(“Reading with Zyxqvort Plimsoll”\)/);
    expect(fs.existsSync(nodePath.join(dir, 'leak.xlsx'))).toBe(false);
  });

  it('needs an open school file', async () => {
    expect((await apiError(backend.call('return.create', { path: nodePath.join(dir, 'x.xlsx') }))).code).toBe('no_file');
  });
});

describe('authority operations', () => {
  it('create, import one return at a time (base64), compare, set an allocation, and refuse a duplicate', async () => {
    backend.invoke('file.open', { path: schoolPath });
    const written = await backend.invoke('return.create', { path: nodePath.join(dir, 'bryn-derw.xlsx') });
    const created = backend.invoke('authority.create', { path: nodePath.join(dir, 'Neath Port Talbot') });
    expect(created.file.name).toBe('Neath Port Talbot.mapio-la');
    expect(created.comparison.schools).toEqual([]);
    const contentBase64 = fs.readFileSync(written.path).toString('base64');
    const first = await backend.invoke('authority.importReturn', { fileName: 'bryn-derw.xlsx', contentBase64 });
    expect(first).toEqual({
      imported: [
        { fileName: 'bryn-derw.xlsx', school: { schoolKey: 'neath-port-talbot/ysgol-gynradd-bryn-derw', name: 'Ysgol Gynradd Bryn Derw', nameCy: '', academicYear: '2026-27' }, replaced: false },
      ],
      rejected: [],
    });
    const second = await backend.invoke('authority.importReturn', { fileName: 'again.xlsx', contentBase64 });
    expect(second.rejected[0]?.reason).toMatch(/^duplicate of bryn-derw\.xlsx imported on \d{4}-\d{2}-\d{2}/);
    const replaced = await backend.invoke('authority.importReturn', { fileName: 'again.xlsx', contentBase64, replace: true });
    expect(replaced.imported[0]?.replaced).toBe(true);

    const view = backend.invoke('authority.setPublishedAllocation', {
      schoolKey: 'neath-port-talbot/ysgol-gynradd-bryn-derw',
      academicYear: '2026-27',
      amountPence: 5_400_000,
      source: 'Section 52, 2026-27',
    });
    expect(view.returns.map((r) => r.fileName)).toEqual(['again.xlsx']);
    const row = view.comparison.schools[0]!;
    expect(row.publishedAllocationPence).toBe(5_400_000);
    const costed = backend.invoke('year.get', {}).costed;
    expect(row.committedPence).toBe(costed.totals.chargedPence);
    expect(row.budgetPositionPence).toBe(costed.budget.positionPence);

    const reopened = backend.invoke('authority.open', { path: nodePath.join(dir, 'Neath Port Talbot.mapio-la') });
    expect(reopened.returns).toHaveLength(1);
  });

  it('validates at the door and needs an open authority file', async () => {
    expect((await apiError(backend.call('authority.comparison', {}))).code).toBe('no_file');
    const bad = await apiError(backend.call('authority.importReturn', { fileName: '', contentBase64: 'abc' }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toMatch(/^fileName: this is required/);
    const money = await apiError(backend.call('authority.setPublishedAllocation', { schoolKey: 'x', academicYear: '2026-27', amountPence: 12.5 }));
    expect(money.message).toMatch(/^amountPence: money must be whole pence/);
    backend.invoke('authority.create', { path: nodePath.join(dir, 'la.mapio-la') });
    const notFound = await apiError(backend.call('authority.removeSchool', { schoolKey: 'nobody' }));
    expect(notFound.code).toBe('not_found');
    const junk = await backend.invoke('authority.importReturn', { fileName: 'notes.xlsx', contentBase64: Buffer.from('hello').toString('base64') });
    expect(junk.rejected).toEqual([{ fileName: 'notes.xlsx', code: 'not_xlsx', params: {}, reason: 'not a Mapio return: it is not an Excel .xlsx file' }]);
  });

  it('refuses to open a school file as an authority file, leaving it as it was', async () => {
    const before = fs.readFileSync(schoolPath);
    const error = await apiError(backend.call('authority.open', { path: schoolPath }));
    expect(error.code).toBe('file_not_mapio');
    expect(fs.readFileSync(schoolPath).equals(before)).toBe(true);
  });

  it('mapio return FILE OUT writes the return', async () => {
    const { runCli } = await import('../cli/main');
    const out: string[] = [];
    const code = await runCli(['return', schoolPath, nodePath.join(dir, 'cli-return.xlsx')], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Wrote the authority return for Ysgol Gynradd Bryn Derw \(2026-27\)/);
    expect(fs.existsSync(nodePath.join(dir, 'cli-return.xlsx'))).toBe(true);
  });
});
