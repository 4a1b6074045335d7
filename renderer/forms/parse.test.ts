import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { MAX_HOURLY_COST_PENCE, MAX_UNIT_PENCE } from '../../shared/limits';
import {
  CONTRACT_HOURS,
  formatHundredths,
  formatMinutesAsHours,
  readHoursAsMinutes,
  readMinutes,
  formatFinancialYear,
  readDate,
  readOptionalDate,
  readOptionalYear,
  readPercentAsBasisPoints,
  readPounds,
  readSessionsPerWeek,
  readText,
  readWeek,
  readWeekList,
} from './parse';

describe('reading what a person types into a field', () => {
  it('keeps typed text without the spaces and blank lines around it, refusing only a required text left empty', () => {
    expect(readText('  Reading recovery  ')).toEqual({ ok: true, value: 'Reading recovery' });
    expect(readText('\n Small groups.\nThree times a week. \n\n')).toEqual({ ok: true, value: 'Small groups.\nThree times a week.' });
    expect(readText('Grŵp darllen\u00a0', true)).toEqual({ ok: true, value: 'Grŵp darllen' });
    // An optional text of only spaces is no text: the contract's empty text.
    expect(readText('   ')).toEqual({ ok: true, value: '' });
    expect(readText('')).toEqual({ ok: true, value: '' });
    expect(readText(' \t ', true)).toEqual({ ok: false, error: 'errors.required' });
    expect(readText('', true)).toEqual({ ok: false, error: 'errors.required' });
  });

  it('refuses a required text with the form’s own words when it has them, by the same rule', () => {
    expect(readText('   ', true, 'scenarios.nameRequired')).toEqual({ ok: false, error: 'scenarios.nameRequired' });
    expect(readText(' Cynllun B ', true, 'scenarios.nameRequired')).toEqual({ ok: true, value: 'Cynllun B' });
  });

  it('reads pounds into pence, refusing with a code and what was typed, worded in the reader’s language', () => {
    expect(readPounds(' £1,234.50 ')).toEqual({ ok: true, value: 123450 });
    const tooLarge = readPounds('2000000000');
    expect(tooLarge).toEqual({ ok: false, error: 'errors.moneyProblem.tooLarge', params: { typed: '2000000000', max: '£1,000,000,000' } });
    expect(readPounds('15.405')).toEqual({ ok: false, error: 'errors.moneyProblem.decimals', params: { typed: '15.405', places: 3 } });
    expect(readPounds('').ok).toBe(false);
    if (tooLarge.ok) return;
    // The allowed range is named in both languages.
    expect(createI18n('en').t(tooLarge.error, tooLarge.params ?? {})).toBe('“2000000000” is too large: type an amount between £0 and £1,000,000,000.');
    expect(createI18n('cy').t(tooLarge.error, tooLarge.params ?? {})).toBe('Mae “2000000000” yn rhy fawr: teipiwch swm rhwng £0 a £1,000,000,000.');
    // Every refusal parsePounds can give has words in both catalogues.
    for (const typed of ['', '£', 'twelve', '1.2.3', '1 234', '12,34', '1.234', '2000000000', '-5']) {
      const r = readPounds(typed);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const lang of ['en', 'cy'] as const) expect(createI18n(lang).t(r.error, r.params ?? {})).not.toContain('moneyProblem');
    }
  });

  it('refuses pounds over the field’s ceiling in the contract as too large, naming that ceiling in both languages', () => {
    expect(readPounds('1000', { max: MAX_HOURLY_COST_PENCE })).toEqual({ ok: true, value: MAX_HOURLY_COST_PENCE });
    const hourly = readPounds('1,000.01', { max: MAX_HOURLY_COST_PENCE });
    expect(hourly).toEqual({ ok: false, error: 'errors.moneyProblem.tooLarge', params: { typed: '1,000.01', max: '£1,000' } });
    if (hourly.ok) return;
    expect(createI18n('en').t(hourly.error, hourly.params ?? {})).toBe('“1,000.01” is too large: type an amount between £0 and £1,000.');
    expect(createI18n('cy').t(hourly.error, hourly.params ?? {})).toBe('Mae “1,000.01” yn rhy fawr: teipiwch swm rhwng £0 a £1,000.');
    // One item of an other cost: up to £1,000,000.
    expect(readPounds('1000000', { max: MAX_UNIT_PENCE }).ok).toBe(true);
    expect(readPounds('1000000.50', { max: MAX_UNIT_PENCE })).toMatchObject({ ok: false, params: { max: '£1,000,000' } });
    // What the field cannot read at all is still said as such, not as too large.
    expect(readPounds('twelve', { max: MAX_HOURLY_COST_PENCE })).toMatchObject({ ok: false, error: 'errors.moneyProblem.notMoney' });
  });

  it('reads sessions per week as hundredths without floating point', () => {
    expect(readSessionsPerWeek('0.5')).toEqual({ ok: true, value: 50 });
    expect(readSessionsPerWeek('3')).toEqual({ ok: true, value: 300 });
    expect(readSessionsPerWeek('1.25')).toEqual({ ok: true, value: 125 });
    expect(readSessionsPerWeek('2.333').ok).toBe(false);
    expect(readSessionsPerWeek('twice').ok).toBe(false);
    expect(readSessionsPerWeek('-1').ok).toBe(false);
    expect(formatHundredths(50)).toBe('0.5');
    expect(formatHundredths(125)).toBe('1.25');
    expect(formatHundredths(300)).toBe('3');
  });

  it('refuses negative or fractional minutes with a reason', () => {
    expect(readMinutes('30')).toEqual({ ok: true, value: 30 });
    expect(readMinutes('-5')).toEqual({ ok: false, error: 'errors.sessionMinutes', params: { min: '0', max: '420' } });
    expect(readMinutes('12.5').ok).toBe(false);
  });

  it('reads hours as whole minutes (32.5 h a week of 1:1 support)', () => {
    expect(readHoursAsMinutes('32.5')).toEqual({ ok: true, value: 1950 });
    expect(formatMinutesAsHours(1950)).toBe('32.5');
    expect(readHoursAsMinutes('abc').ok).toBe(false);
  });

  it('refuses hours outside the range with the range and the field’s own example, in English and Welsh', () => {
    const range = { ok: false, error: 'errors.hoursBetween', params: { max: '168', example: '32.5' } };
    expect(readHoursAsMinutes('-5')).toEqual(range);
    expect(readHoursAsMinutes('200')).toEqual(range);
    expect(readHoursAsMinutes('-2', { example: '2.5' })).toEqual({ ...range, params: { max: '168', example: '2.5' } });
    expect(createI18n('en').t('errors.hoursBetween', range.params)).toBe('Type hours between 0 and 168, with up to two decimals, e.g. 32.5.');
    expect(createI18n('cy').t('errors.hoursBetween', range.params)).toBe('Teipiwch oriau rhwng 0 a 168, gyda hyd at ddau le degol, e.e. 32.5.');
  });

  it('refuses a contract of more than 48 hours a week with that range', () => {
    expect(readHoursAsMinutes('48', CONTRACT_HOURS)).toEqual({ ok: true, value: 2880 });
    expect(readHoursAsMinutes('99', CONTRACT_HOURS)).toEqual({ ok: false, error: 'errors.hoursBetween', params: { max: '48', example: '32.5' } });
  });

  it('refuses a percentage outside 0 to 100 with the range, in English and Welsh', () => {
    const refused = readPercentAsBasisPoints('-3');
    expect(refused).toEqual({ ok: false, error: 'staff.calculator.percentInvalid', params: { min: 0, max: 100 } });
    expect(readPercentAsBasisPoints('100.5')).toEqual(refused);
    expect(createI18n('en').t('staff.calculator.percentInvalid', { min: 0, max: 100 })).toBe('Type a percentage between 0 and 100, e.g. 28.5.');
    expect(createI18n('cy').t('staff.calculator.percentInvalid', { min: 0, max: 100 })).toBe('Teipiwch ganran rhwng 0 a 100, e.e. 28.5.');
  });

  it('refuses a week outside the school year', () => {
    expect(readWeek('38', 38)).toEqual({ ok: true, value: 38 });
    expect(readWeek('39', 38)).toEqual({ ok: false, error: 'errors.weekRange', params: { first: 1, last: 38 } });
    expect(readWeek('0', 38).ok).toBe(false);
    expect(readWeekList('13, 12,12', 1, 38)).toEqual({ ok: true, value: [12, 13] });
    expect(readWeekList('12, 40', 1, 38).ok).toBe(false);
  });

  it('reads dates and percentages', () => {
    expect(readOptionalDate('')).toEqual({ ok: true, value: null });
    expect(readOptionalDate('2026-02-30').ok).toBe(false);
    expect(readOptionalDate('2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(readPercentAsBasisPoints('28.5')).toEqual({ ok: true, value: 2850 });
  });
});

describe('dates and financial years as people type them', () => {
  it('reads 15/10/2025, 2025-10-15 and 15 October 2025 (in English or Welsh) as the same day', () => {
    for (const typed of [
      '15/10/2025',
      '15/10/25',
      '15.10.2025',
      '2025-10-15',
      '15 October 2025',
      '15 Oct 2025',
      'Wednesday 15 October 2025',
      '15 Hydref 2025',
      'Dydd Mercher 15 Hydref 2025',
      ' 15th oct 2025 ',
    ]) {
      expect(readDate(typed), typed).toEqual({ ok: true, value: '2025-10-15' });
    }
    expect(readDate('1/9/2026')).toEqual({ ok: true, value: '2026-09-01' });
  });

  it('refuses an American month-first date past the 12th and words it cannot read with how to type a date', () => {
    for (const typed of ['10/15/2025', '2025-13-01', '32/1/2025', '0/3/2025', 'next Tuesday', '15 Octember 2025', '']) {
      expect(readDate(typed), typed).toEqual({ ok: false, error: 'errors.date' });
    }
    expect(readOptionalDate('')).toEqual({ ok: true, value: null });
  });

  it('says a date read as a day of a month with fewer days does not exist, with how many the month has, in both languages', () => {
    expect(readDate('31/2/2025')).toEqual({ ok: false, error: 'errors.noSuchDay', params: { typed: '31/2/2025', days: 28 } });
    expect(readDate(' 29/02/2026 ')).toEqual({ ok: false, error: 'errors.noSuchDay', params: { typed: '29/02/2026', days: 28 } });
    expect(readOptionalDate('31 April 2026')).toEqual({ ok: false, error: 'errors.noSuchDay', params: { typed: '31 April 2026', days: 30 } });
    expect(readDate('2025-06-31')).toEqual({ ok: false, error: 'errors.noSuchDay', params: { typed: '2025-06-31', days: 30 } });
    expect(readDate('29/2/2028')).toEqual({ ok: true, value: '2028-02-29' });
    const refused = readDate('31/2/2025');
    if (refused.ok) throw new Error('31/2/2025 was read as a date');
    expect(createI18n('en').t(refused.error, refused.params ?? {})).toBe('There is no such date as “31/2/2025”: that month has 28 days.');
    expect(createI18n('cy').t(refused.error, refused.params ?? {})).toBe('Nid oes y fath ddyddiad â “31/2/2025”: dim ond 28 diwrnod sydd yn y mis hwnnw.');
  });

  it('reads a financial year as 2026, 2026-27, 2026/27 or 2026-2027, and refuses a second year that does not follow', () => {
    for (const typed of ['2026', '2026-27', '2026/27', '2026 - 27', '2026-2027', '2026–27']) expect(readOptionalYear(typed), typed).toEqual({ ok: true, value: 2026 });
    expect(readOptionalYear('2099-00')).toEqual({ ok: true, value: 2099 });
    for (const typed of ['2026-28', '2026-2026', '26-27', '1999', 'next year']) expect(readOptionalYear(typed).ok, typed).toBe(false);
    expect(readOptionalYear('')).toEqual({ ok: true, value: null });
    expect(formatFinancialYear(2026)).toBe('2026-27');
    expect(formatFinancialYear(2099)).toBe('2099-00');
  });
});
