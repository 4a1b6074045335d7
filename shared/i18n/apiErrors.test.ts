import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ApiError, parseInput } from '../api/contract';
import { apiErrorPhrase, issuePhrase } from './apiErrors';
import { createI18n } from './index';

const cy = createI18n('cy').t;
const en = createI18n('en').t;

function refused(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

describe('backend errors in Welsh', () => {
  it('says a refused field change in Welsh, naming the field', () => {
    const error = refused(() => parseInput('lines.update', { id: 1, changes: { planningMinutesPerSession: -5 } }));
    const phrase = apiErrorPhrase(error, cy);
    expect(cy(phrase.key, phrase.params)).toBe('Gwrthodwyd hynny, felly ni newidiwyd dim: planningMinutesPerSession: rhaid iddo fod rhwng 0 a 420');
  });

  it('translates the messages the schemas give beside fields', () => {
    const cases: Array<[unknown, string]> = [
      [{ name: '   ', role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true }, 'mae angen hwn'],
      [
        { name: 'Nia', role: 'ta', isPlaceholder: false, hourlyCostPence: 15.4, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true },
        'rhaid i arian fod yn geiniogau cyfan, nid yn ffracsiwn o geiniog',
      ],
      [{ name: 'x'.repeat(201), role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true }, 'dim mwy na 200 nod'],
      [{ name: 'Nia', role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 20_000, worksInWelsh: true }, 'mae’n fwy nag wythnos'],
    ];
    for (const [input, welsh] of cases) {
      const error = refused(() => parseInput('staff.create', input));
      const first = error.issues?.[0];
      if (!first) throw new Error('no issue');
      const phrase = issuePhrase(first.message);
      expect(cy(phrase.key, phrase.params), first.message).toBe(welsh);
    }
  });

  it('reads zod’s own wording for limits the schemas leave unworded', () => {
    const error = refused(() => parseInput('otherCosts.update', { id: 1, changes: { quantity: -1 } }));
    const phrase = issuePhrase(error.issues?.[0]?.message ?? '');
    expect(cy(phrase.key, phrase.params)).toBe('rhaid iddo fod yn 0 o leiaf');
    expect(en(phrase.key, phrase.params)).toBe('must be at least 0');
  });

  it('says the ranges of money values, control characters and figures too large to count in Welsh', () => {
    const range = refused(() => parseInput('lines.update', { id: 1, changes: { groups: 0 } }));
    const rangePhrase = issuePhrase(range.issues?.[0]?.message ?? '');
    expect(cy(rangePhrase.key, rangePhrase.params)).toBe('rhaid iddo fod rhwng 1 a 3,000');
    const hourly = refused(() => parseInput('staff.update', { id: 1, changes: { hourlyCostPence: 1e11 } }));
    const hourlyPhrase = issuePhrase(hourly.issues?.[0]?.message ?? '');
    expect(cy(hourlyPhrase.key, hourlyPhrase.params)).toBe('rhaid iddo fod rhwng £0 a £1,000');
    const nul = refused(() => parseInput('scenario.create', { name: 'Grant\u0000ends', from: 'baseline' }));
    const nulPhrase = issuePhrase(nul.issues?.[0]?.message ?? '');
    expect(cy(nulPhrase.key, nulPhrase.params)).toBe('ni all gynnwys nodau rheoli (fel NUL)');
    const tooLarge = issuePhrase('would make the costs too large for Mapio to count exactly');
    expect(cy(tooLarge.key, tooLarge.params)).toBe('byddai’n gwneud y costau’n rhy fawr i Mapio eu cyfrif yn union');
  });

  it('names the file a file error is about', () => {
    const cases: Array<[ApiError['code'], string]> = [
      ['file_not_mapio', 'Nid ffeil Mapio yw “notes.txt”. Dewiswch ffeil .mapio.'],
      ['file_too_new', 'Cadwyd “notes.txt” gan fersiwn mwy newydd o Mapio. Diweddarwch Mapio i’w hagor.'],
    ];
    for (const [code, welsh] of cases) {
      const phrase = apiErrorPhrase(new ApiError(code, 'English sentence'), cy, { path: '/home/alnco/Documents/notes.txt' });
      expect(cy(phrase.key, phrase.params)).toBe(welsh);
    }
    const corrupt = apiErrorPhrase(new ApiError('file_corrupt', 'x'), cy, { path: 'C:\\Ysgol\\map.mapio' });
    expect(cy(corrupt.key, corrupt.params)).toContain('Mae “map.mapio” wedi’i difrodi');
    const io = apiErrorPhrase(new ApiError('file_io', 'x'), cy);
    expect(cy(io.key, io.params)).toContain('“y ffeil”');
  });

  it('has a Welsh sentence for every error code', () => {
    expect(API_ERROR_CODES).toEqual(expect.arrayContaining(['file_altered', 'file_read_only', 'timeout', 'cancelled']));
    for (const code of API_ERROR_CODES) {
      const phrase = apiErrorPhrase(new ApiError(code, 'English'), cy, { path: 'a.mapio' });
      const text = cy(phrase.key, phrase.params);
      expect(text).not.toBe(phrase.key);
      expect(text).not.toBe(en(phrase.key, phrase.params));
    }
    const noFile = apiErrorPhrase(new ApiError('no_file', 'No school file is open.'), cy);
    expect(cy(noFile.key, noFile.params)).toBe('Nid oes ffeil ysgol ar agor. Agorwch neu crëwch un o’r ddewislen Ffeil.');
  });
});
