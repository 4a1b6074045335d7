import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';

let school: TestBackend;
let dir: string;
let backend: TypedBackend;
beforeEach(() => {
  school = createTestBackend({ mode: 'cli', today: '2026-11-24', school: { name: 'demo.mapio', template: 'demo' } });
  ({ dir, backend } = school);
});
afterEach(() => school.close());

describe('the governors’ workbook and the school’s scenarios', () => {
  it('carries a Scenarios sheet once the school has a scenario, comparing it with the baseline', async () => {
    const plain = await backend.invoke('export.governorsWorkbook', { path: path.join(dir, 'plain.xlsx') });
    expect(plain.sheets).not.toContain('Scenarios');

    backend.invoke('scenario.create', { name: 'Grant ends', from: 'baseline' });
    const out = path.join(dir, 'with-scenarios.xlsx');
    const result = await backend.invoke('export.governorsWorkbook', { path: out });
    expect(result.sheets.at(-1)).toBe('Scenarios');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Scenarios')?.getRow(3).getCell(3).value).toBe('Grant ends');
  });

  it('is refused while a scenario is open, so what-if figures are never labelled as the school’s plan', async () => {
    const { scenario } = backend.invoke('scenario.create', { name: 'Two fewer TAs', from: 'baseline' });
    backend.invoke('scenario.enter', { id: scenario.id });
    const target = path.join(dir, 'refused.xlsx');
    await expect(backend.call('export.governorsWorkbook', { path: target })).rejects.toThrow(ApiError);
    await expect(backend.call('export.governorsWorkbook', { path: target })).rejects.toThrow(/working in the scenario “Two fewer TAs”/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('learners’ names in the school’s own text', () => {
  const nameALine = () => {
    const { data } = backend.invoke('year.get', {});
    const learner = data.learners[0]!;
    const first = learner.name.split(' ')[0]!;
    const line = data.lines[0]!;
    backend.invoke('lines.update', { id: line.id, changes: { name: `${first}’s speech group`, description: 'Weekly sessions' } });
    return { first, line };
  };

  it('stop the return and the statement, naming each field and what was found, and nothing is written', async () => {
    const { first, line } = nameALine();
    for (const [op, file] of [
      ['return.create', 'return.xlsx'],
      ['export.alpStatement', 'statement.html'],
    ] as const) {
      const target = path.join(dir, file);
      const error = (await backend.call(op, { path: target }).catch((e: unknown) => e)) as ApiError;
      expect(error.code).toBe('names_in_text');
      expect(error.issues).toEqual([{ path: `lines.${line.id}.name`, code: 'mayNameLearner', params: { found: `${first}’s` } }]);
      expect(fs.existsSync(target)).toBe(false);
    }
  });

  it('are written once the person confirms none is a learner', async () => {
    nameALine();
    const written = await backend.invoke('return.create', { path: path.join(dir, 'return.xlsx'), notLearners: true });
    expect(fs.existsSync(written.path)).toBe(true);
    const statement = backend.invoke('export.alpStatement', { path: path.join(dir, 'statement.html'), notLearners: true });
    expect(fs.existsSync(statement.path)).toBe(true);
  });
});
