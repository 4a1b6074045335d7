/**
 * An import belongs to the file it started in. Reproduced as it was found: school A open, an MIS import
 * of 30,000 learners started, school B opened while the file was still being read; all 30,000 were
 * written into B. Now the import is refused with a sentence naming both files, and neither file changes.
 * The same for returns imported into an authority file while another authority file is opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { ApiError, type AuthorityView, type YearView } from '../../../shared/api/contract';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';

let folder: string;
let backend: TypedBackend;
let schoolA: string;
let schoolB: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-race-'));
  schoolA = path.join(folder, 'School A.mapio');
  schoolB = path.join(folder, 'School B.mapio');
  SchoolFile.create(schoolA, testSchoolYear(), { appVersion: 'test' }).close();
  const b = testSchoolYear();
  b.school.name = 'Ysgol B';
  SchoolFile.create(schoolB, b, { appVersion: 'test' }).close();
  // Browser mode: backups on, as in the app (the backup before an import is another wait).
  backend = createBackend({ mode: 'browser', dataDir: path.join(folder, 'data'), openPath: schoolA, today: () => '2026-11-24' });
});
afterAll(() => {
  backend?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
});

function thirtyThousandLearners(): string {
  const lines = ['UPN,Name,Year'];
  for (let i = 0; i < 30_000; i++) lines.push(`R${i},Learner ${i},Y4`);
  return Buffer.from(lines.join('\n')).toString('base64');
}
const mapping = { ref: 0, surname: null, forename: null, name: 1, yearGroup: 2, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null };

async function settled(promise: Promise<unknown>): Promise<ApiError | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

const learnerCount = async (file: string): Promise<number> => {
  const opened = SchoolFile.open(file);
  try {
    return opened.readYear().learners.length;
  } finally {
    opened.close();
  }
};

describe('an import is refused if the open file changed meanwhile', () => {
  it('MIS import into A, B opened while it reads: refused, naming both; neither file gains a learner', async () => {
    await backend.call('file.open', { path: schoolA });
    const importing = settled(backend.call('mis.import', { fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping }));
    const opened = (await backend.call('file.open', { path: schoolB })) as YearView;
    expect(opened.file.name).toBe('School B.mapio');
    const outcome = await importing;
    expect(outcome).toBeInstanceOf(ApiError);
    const error = outcome as ApiError;
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'The open file changed while “everyone.csv” was being read: the import was started in “School A.mapio” and “School B.mapio” is open now, so nothing was imported. Open “School A.mapio” again and import once more.',
    );
    expect(((await backend.call('year.get', {})) as YearView).data.learners).toHaveLength(6);
    backend.session.close();
    expect(await learnerCount(schoolB)).toBe(6);
    expect(await learnerCount(schoolA)).toBe(6);
  });

  it('the preview is refused the same way (it described A, not B)', async () => {
    await backend.call('file.open', { path: schoolA });
    const previewing = settled(backend.call('mis.preview', { fileName: 'everyone.csv', contentBase64: thirtyThousandLearners() }));
    await backend.call('file.open', { path: schoolB });
    expect(((await previewing) as ApiError).code).toBe('conflict');
  });

  it('with nothing opened meanwhile the same import goes into A', async () => {
    await backend.call('file.open', { path: schoolA });
    await backend.call('mis.import', { fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping });
    expect(((await backend.call('year.get', {})) as YearView).data.learners).toHaveLength(30_006);
  });

  it('returns imported into one authority file while another is opened: stopped, nothing lands in the other', async () => {
    const returns = path.join(folder, 'returns');
    fs.mkdirSync(returns);
    await backend.call('file.open', { path: schoolB });
    await backend.call('return.create', { path: path.join(returns, 'b.xlsx') });
    const first = path.join(folder, 'First.mapio-la');
    const second = path.join(folder, 'Second.mapio-la');
    await backend.call('authority.create', { path: second });
    await backend.call('authority.create', { path: first });
    const importing = settled(backend.call('authority.importFolder', { path: returns }));
    await backend.call('authority.open', { path: second });
    const outcome = await importing;
    expect((outcome as ApiError).code).toBe('conflict');
    expect((outcome as ApiError).message).toMatch(/^Another authority file was opened while returns were being imported into “First\.mapio-la”, so the import stopped; nothing was imported\./);
    expect(((await backend.call('authority.comparison', {})) as AuthorityView).returns).toEqual([]);
    await backend.call('authority.open', { path: first });
    expect(((await backend.call('authority.comparison', {})) as AuthorityView).returns).toEqual([]);
    await backend.call('authority.close', {});
  });
});
