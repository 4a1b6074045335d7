/**
 * Limits that fit real schools (docs/limits.md): every refused value is refused at the door with a
 * message that names the allowed range, in English and (through the catalogue) in Welsh, and nothing in
 * the file changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { createI18n } from '../../shared/i18n';
import { errorWords, issueWords } from '../../shared/i18n/apiErrors';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';

let school: TestBackend;
let backend: TypedBackend;
beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
});
afterEach(() => school.close());

const welsh = createI18n('cy').t;
const english = createI18n('en').t;

/** The refusal of `input` to `name`: its first issue's path and message, the message in Welsh, and whether the year moved. */
async function refusal(name: string, input: unknown): Promise<{ path: string; message: string; welsh: string; unchanged: boolean }> {
  const before = backend.invoke('year.get', {}).data;
  let error: unknown;
  try {
    await backend.call(name, input);
  } catch (e) {
    error = e;
  }
  expect(error, `${name} was accepted`).toBeInstanceOf(ApiError);
  const refusal = error as ApiError;
  const issue = refusal.issues?.[0];
  return {
    path: issue?.path ?? '',
    message: issue ? issueWords(issue, english, 'en') : refusal.message,
    welsh: issue ? issueWords(issue, welsh, 'cy') : errorWords(refusal.toBody(), welsh, 'cy'),
    unchanged: JSON.stringify(backend.invoke('year.get', {}).data) === JSON.stringify(before),
  };
}

const firstLine = () => backend.invoke('year.get', {}).data.lines[0]!;

describe('values a real school never has are refused with the range, and nothing is saved', () => {
  it.each([
    ['places per group above 3,000', { groupCapacity: 3001 }, 'changes.groupCapacity', 'must be between 1 and 3,000', 'rhaid iddo fod rhwng 1 a 3,000'],
    ['no places', { groupCapacity: 0 }, 'changes.groupCapacity', 'must be between 1 and 3,000', 'rhaid iddo fod rhwng 1 a 3,000'],
    ['a session longer than a school day', { minutesPerSession: 421 }, 'changes.minutesPerSession', 'must be between 0 and 420', 'rhaid iddo fod rhwng 0 a 420'],
    ['planning longer than a school day', { planningMinutesPerSession: 500 }, 'changes.planningMinutesPerSession', 'must be between 0 and 420', 'rhaid iddo fod rhwng 0 a 420'],
    ['more than 50 sessions a week', { sessionsPerWeekHundredths: 5001 }, 'changes.sessionsPerWeekHundredths', 'must be between 0 and 50', 'rhaid iddo fod rhwng 0 a 50'],
    ['a line of no weeks', { weeks: 0 }, 'changes.weeks', 'must be between 1 and 53', 'rhaid iddo fod rhwng 1 a 53'],
  ])('%s', async (_what, changes, field, english, cymraeg) => {
    const r = await refusal('lines.update', { id: firstLine().id, changes });
    expect(r).toEqual({ path: field, message: english, welsh: cymraeg, unchanged: true });
  });

  it('more sessions than a school week holds, said for the field that changed', async () => {
    const line = firstLine();
    await backend.call('lines.update', { id: line.id, changes: { minutesPerSession: 300, sessionsPerWeekHundredths: 500 } });
    const sessions = await refusal('lines.update', { id: line.id, changes: { sessionsPerWeekHundredths: 800 } });
    expect(sessions).toEqual({
      path: 'sessionsPerWeekHundredths',
      message: 'must be at most 7 when each session is 300 minutes: a school week holds 2,100 minutes',
      welsh: 'ni all fod yn fwy na 7 pan fo pob sesiwn yn 300 munud: mae wythnos ysgol yn dal 2,100 munud',
      unchanged: true,
    });
    await backend.call('lines.update', { id: line.id, changes: { minutesPerSession: 200, sessionsPerWeekHundredths: 1000 } });
    const minutes = await refusal('lines.update', { id: line.id, changes: { minutesPerSession: 300 } });
    expect(minutes).toEqual({
      path: 'minutesPerSession',
      message: 'must be at most 210 with 10 sessions a week: a school week holds 2,100 minutes',
      welsh: 'ni all fod yn fwy na 210 gyda 10 sesiwn yr wythnos: mae wythnos ysgol yn dal 2,100 munud',
      unchanged: true,
    });
  });

  it('a new line whose sessions do not fit a school week', async () => {
    const { id: _id, ...fields } = firstLine();
    const r = await refusal('lines.create', { ...fields, expectedProgress: null, minutesPerSession: 390, sessionsPerWeekHundredths: 600 });
    expect(r).toEqual({
      path: 'sessionsPerWeekHundredths',
      message: 'must be at most 5 when each session is 390 minutes: a school week holds 2,100 minutes',
      welsh: 'ni all fod yn fwy na 5 pan fo pob sesiwn yn 390 munud: mae wythnos ysgol yn dal 2,100 munud',
      unchanged: true,
    });
  });

  it('more than 52 paid weeks in the hourly-cost calculator', async () => {
    const person = backend.invoke('year.get', {}).data.staff[0]!;
    const r = await refusal('staff.update', {
      id: person.id,
      changes: { hourlyCostPence: 1923, hourlyCostBasis: { annualSalaryPence: 3_000_000, onCostBasisPoints: 0, paidWeeksHundredths: 6000, paidMinutesPerWeek: 1950 } },
    });
    expect(r).toEqual({ path: 'changes.hourlyCostBasis.paidWeeksHundredths', message: 'must be between 1 and 52', welsh: 'rhaid iddo fod rhwng 1 a 52', unchanged: true });
  });

  it('a roll above 10,000 and an eFSM share above 100%', async () => {
    expect(await refusal('school.update', { changes: { numberOnRoll: 10_001 } })).toEqual({
      path: 'changes.numberOnRoll',
      message: 'must be between 0 and 10,000',
      welsh: 'rhaid iddo fod rhwng 0 a 10,000',
      unchanged: true,
    });
    expect((await refusal('school.update', { changes: { efsmBasisPoints: 10_001 } })).message).toBe('must be between 0 and 10,000');
  });

  it('an official number that is not 7 digits, or belongs to another authority', async () => {
    expect(await refusal('school.update', { changes: { officialNumber: '661234' } })).toMatchObject({
      path: 'changes.officialNumber',
      message: 'must be 7 digits: the authority’s 3-digit code then the school’s 4-digit number',
      unchanged: true,
    });
    await backend.call('school.update', { changes: { localAuthorityCode: '663', localAuthority: 'Denbighshire' } });
    expect(await refusal('school.update', { changes: { officialNumber: '6614012' } })).toEqual({
      path: 'officialNumber',
      message: 'must start with 663, the code of the local authority chosen',
      welsh: 'rhaid iddo ddechrau gyda 663, cod yr awdurdod lleol a ddewiswyd',
      unchanged: true,
    });
    await backend.call('school.update', { changes: { officialNumber: '6634012' } });
    expect(backend.invoke('year.get', {}).data.school.officialNumber).toBe('6634012');
    // Choosing another authority now would contradict the number: refused, naming it.
    expect(await refusal('school.update', { changes: { localAuthorityCode: '661', localAuthority: 'Gwynedd' } })).toMatchObject({ path: 'localAuthorityCode', unchanged: true });
    expect(await refusal('school.update', { changes: { localAuthorityCode: '999' } })).toMatchObject({
      message: 'must be the code of one of the 22 Welsh local authorities (660 to 681)',
      welsh: 'rhaid iddo fod yn god un o 22 awdurdod lleol Cymru (660 i 681)',
      unchanged: true,
    });
  });

  it('a calendar that would leave lines running past its last week names them', async () => {
    const year = backend.invoke('year.get', {}).data;
    const error = (await backend
      .call('calendar.set', { weekStarts: year.calendar.weekStarts.slice(0, 30), terms: year.calendar.terms, closedDays: year.calendar.closedDays })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /^With 30 teaching weeks, 14 lines \(“In-class support, Reception and Year 1”, .*, …\) would run past week 30\. Lines keep their week numbers: shorten them first; nothing was changed\.$/,
    );
    expect(backend.invoke('year.get', {}).data.calendar).toEqual(year.calendar);
  });

  it('a term date outside the school year is refused beside that date, naming the year’s first and last day', async () => {
    const year = backend.invoke('year.get', {}).data;
    expect(year.school.academicYear).toBe('2026-27');
    const terms = year.calendar.terms.map((t, i) => (i === 0 ? { ...t, startsOn: '2030-09-07' } : t));
    expect(await refusal('calendar.set', { ...year.calendar, terms })).toEqual({
      path: 'terms.0.startsOn',
      message: 'must be a date in the school year, between 1/8/2026 and 31/7/2027',
      welsh: 'rhaid iddo fod yn ddyddiad ym mlwyddyn yr ysgol, rhwng 1/8/2026 a 31/7/2027',
      unchanged: true,
    });
    const late = year.calendar.terms.map((t, i, all) => (i === all.length - 1 ? { ...t, endsOn: '2027-08-02' } : t));
    expect(await refusal('calendar.set', { ...year.calendar, terms: late })).toMatchObject({ path: `terms.${late.length - 1}.endsOn`, unchanged: true });
  });

  it('an empty MIS file says what a file needs: a header row naming the columns, then a row for each learner', async () => {
    expect(await refusal('mis.preview', { fileName: 'learners.csv', contentBase64: '' })).toEqual({
      path: 'contentBase64',
      message: 'the file is empty: an MIS export needs a header row naming its columns, then one row for each learner',
      welsh: 'mae’r ffeil yn wag: mae angen rhes pennawd yn enwi’r colofnau ar allforiad MIS, yna un rhes i bob dysgwr',
      unchanged: true,
    });
  });

  it('a contract of more than 48 hours a week is refused with the range; 48 is kept', async () => {
    const staff = backend.invoke('year.get', {}).data.staff[0]!;
    expect(await refusal('staff.update', { id: staff.id, changes: { contractedMinutesPerWeek: 99 * 60 } })).toEqual({
      path: 'changes.contractedMinutesPerWeek',
      message: 'must be between 0 and 48 hours a week',
      welsh: 'rhaid iddo fod rhwng 0 a 48 awr yr wythnos',
      unchanged: true,
    });
    await backend.call('staff.update', { id: staff.id, changes: { contractedMinutesPerWeek: 48 * 60 } });
    expect(backend.invoke('year.get', {}).data.staff[0]!.contractedMinutesPerWeek).toBe(48 * 60);
  });

  it('an IDP review dated after today is refused, naming the latest date allowed; today is kept', async () => {
    const learner = backend.invoke('year.get', {}).data.learners[0]!;
    expect(await refusal('learners.update', { id: learner.id, changes: { idpLastReviewed: '2030-01-01' } })).toEqual({
      path: 'idpLastReviewed',
      message: 'must be today or earlier: the latest date allowed is 24/11/2026',
      welsh: 'rhaid iddo fod heddiw neu’n gynt: 24/11/2026 yw’r dyddiad diweddaraf a ganiateir',
      unchanged: true,
    });
    await backend.call('learners.update', { id: learner.id, changes: { idpLastReviewed: '2026-11-24' } });
    expect(backend.invoke('year.get', {}).data.learners[0]!.idpLastReviewed).toBe('2026-11-24');
  });

  it('a tier’s description for parents longer than 1,000 characters, in either language, naming the tier’s field; 1,000 is kept', async () => {
    const tiers = backend.invoke('year.get', {}).data.tiers;
    const long = (field: 'description' | 'descriptionCy', chars: number) => tiers.map((t, i) => (i === 1 ? { ...t, [field]: 'a'.repeat(chars) } : t));
    let error: unknown;
    try {
      await backend.call('tiers.set', { tiers: long('description', 1001) });
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).toBody()).toMatchObject({ code: 'invalid_input', issues: [{ path: 'tiers.1.description', code: 'maxChars', params: { max: 1000 } }] });
    expect(await refusal('tiers.set', { tiers: long('description', 1001) })).toEqual({
      path: 'tiers.1.description',
      message: english('apiError.issue.maxChars', { max: 1000 }),
      welsh: welsh('apiError.issue.maxChars', { max: 1000 }),
      unchanged: true,
    });
    expect(await refusal('tiers.set', { tiers: long('descriptionCy', 1001) })).toMatchObject({ path: 'tiers.1.descriptionCy', unchanged: true });
    await backend.call('tiers.set', { tiers: long('descriptionCy', 1000) });
    expect(backend.invoke('year.get', {}).data.tiers[1]!.descriptionCy).toHaveLength(1000);
  });

  it('an authority’s Welsh name longer than its English name may be (200 characters), naming the field; 200 is kept, and undone in one step', async () => {
    await backend.call('school.update', { changes: { localAuthorityCode: '', localAuthority: 'Example County Borough Council' } });
    let error: unknown;
    try {
      await backend.call('school.update', { changes: { localAuthorityCy: 'a'.repeat(201) } });
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).toBody()).toMatchObject({ code: 'invalid_input', issues: [{ path: 'changes.localAuthorityCy', code: 'maxChars', params: { max: 200 } }] });
    expect(await refusal('school.update', { changes: { localAuthorityCy: 'a'.repeat(201) } })).toEqual({
      path: 'changes.localAuthorityCy',
      message: english('apiError.issue.maxChars', { max: 200 }),
      welsh: welsh('apiError.issue.maxChars', { max: 200 }),
      unchanged: true,
    });
    await backend.call('school.update', { changes: { localAuthorityCy: 'a'.repeat(200) } });
    expect(backend.invoke('year.get', {}).data.school.localAuthorityCy).toHaveLength(200);
    await backend.call('school.update', { changes: { localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft' } });
    expect(backend.invoke('year.get', {}).data.school).toMatchObject({ localAuthority: 'Example County Borough Council', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft' });
    backend.invoke('history.undo', {});
    expect(backend.invoke('year.get', {}).data.school.localAuthorityCy).toHaveLength(200);
  });

  it('a tier list with no ALP tier', async () => {
    const tiers = backend.invoke('year.get', {}).data.tiers.map((t) => ({ ...t, isAlp: false }));
    expect(await refusal('tiers.set', { tiers })).toEqual({ path: 'tiers', message: 'at least one tier must be marked ALP', welsh: 'rhaid i o leiaf un haen gael ei marcio’n DDY', unchanged: true });
  });
});
