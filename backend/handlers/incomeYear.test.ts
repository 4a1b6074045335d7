/**
 * An income line names one of the two financial years its school year runs across, or none
 * (docs/costing-rules.md, "Budget position"): another year is refused at the door beside the field,
 * naming the years it may be, in English and Welsh, and nothing is saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { createI18n } from '../../shared/i18n';
import { issueWords } from '../../shared/i18n/apiErrors';
import type { IncomeLine } from '../../shared/domain';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';

let school: TestBackend;
let backend: TypedBackend;
beforeEach(() => {
  // The demo school's year is 2026-27: its teaching weeks run from September 2026 to July 2027.
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
});
afterEach(() => school.close());

const welsh = createI18n('cy').t;
const english = createI18n('en').t;

const grant: Omit<IncomeLine, 'id'> = {
  kind: 'aln_grant',
  name: 'Old grant',
  nameCy: '',
  amountPence: 100_000,
  financialYear: 2019,
  endsOn: '2035-03-31',
  source: '',
  sourceCy: '',
};

const yearNow = () => backend.invoke('year.get', {}).data;

async function refusal(name: string, input: unknown): Promise<{ path: string; message: string; welsh: string; unchanged: boolean }> {
  const before = JSON.stringify(yearNow());
  const error = await backend.call(name, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${name} was accepted`).toBeInstanceOf(ApiError);
  const issue = (error as ApiError).issues?.[0];
  expect(issue).toBeDefined();
  return {
    path: issue?.path ?? '',
    message: issue ? issueWords(issue, english, 'en') : '',
    welsh: issue ? issueWords(issue, welsh, 'cy') : '',
    unchanged: JSON.stringify(yearNow()) === before,
  };
}

const REFUSED = {
  path: 'financialYear',
  message: 'must be 2026-27 or 2027-28, the financial years this school year runs across, or left empty for the whole school year',
  welsh: 'rhaid iddi fod yn 2026-27 neu’n 2027-28, y blynyddoedd ariannol y mae’r flwyddyn ysgol hon yn rhedeg ar eu traws, neu’n wag ar gyfer y flwyddyn ysgol gyfan',
  unchanged: true,
};

describe('an income line’s financial year at the door', () => {
  it('a new line for 2019-20 is refused, naming 2026-27 and 2027-28, and nothing is saved', async () => {
    expect(await refusal('income.create', grant)).toEqual(REFUSED);
    expect(await refusal('income.create', { ...grant, financialYear: 2028 })).toEqual(REFUSED);
    expect(await refusal('income.create', { ...grant, financialYear: 2025 })).toEqual(REFUSED);
  });

  it('changing a line to 2019-20 is refused the same way; the line keeps its year', async () => {
    const line = yearNow().income.find((i) => i.financialYear === 2026)!;
    expect(await refusal('income.update', { id: line.id, changes: { financialYear: 2019 } })).toEqual(REFUSED);
    expect(yearNow().income.find((i) => i.id === line.id)?.financialYear).toBe(2026);
  });

  it('2026-27, 2027-28 and the whole school year are accepted', async () => {
    for (const financialYear of [2026, 2027, null]) {
      await backend.call('income.create', { ...grant, name: `Grant ${String(financialYear)}`, financialYear });
      expect(yearNow().income.find((i) => i.name === `Grant ${String(financialYear)}`)?.financialYear).toBe(financialYear);
    }
    const line = yearNow().income.find((i) => i.financialYear === 2026)!;
    await backend.call('income.update', { id: line.id, changes: { financialYear: 2027 } });
    expect(yearNow().income.find((i) => i.id === line.id)?.financialYear).toBe(2027);
  });
});
