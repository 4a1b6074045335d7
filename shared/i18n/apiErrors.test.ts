import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ApiError, parseInput } from '../api/contract';
import type { Catalogue } from './en';
import { errorWords, issueWords } from './apiErrors';
import { catalogues, createI18n } from './index';
import { apiErrorFrom } from '../../test/support/refusals';

const cy = createI18n('cy').t;
const en = createI18n('en').t;

describe('refusals cross the door as codes and specifics, and are worded at the edge', () => {
  it('carries no sentence across the door: a code, a reason, its specifics and field issues', () => {
    const error = apiErrorFrom(() => parseInput('lines.update', { id: 1, changes: { planningMinutesPerSession: -5 } }));
    const body = error.toBody();
    expect(body).toEqual({ code: 'invalid_input', issues: [{ path: 'changes.planningMinutesPerSession', code: 'between', params: { min: '0', max: '420' } }] });
    expect(JSON.stringify(body)).not.toMatch(/must|between 0/);
  });

  it('says a refused field change in Welsh and English, naming the field', () => {
    const error = apiErrorFrom(() => parseInput('lines.update', { id: 1, changes: { planningMinutesPerSession: -5 } }));
    expect(errorWords(error.toBody(), cy, 'cy')).toBe('Gwrthodwyd hynny, felly ni newidiwyd dim: planningMinutesPerSession: rhaid iddo fod rhwng 0 a 420');
    expect(errorWords(error.toBody(), en, 'en')).toBe('That was refused, so nothing was changed: planningMinutesPerSession: must be between 0 and 420');
    expect(error.message).toBe('changes.planningMinutesPerSession: must be between 0 and 420');
  });

  it('words the codes the schemas give beside fields', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ name: '   ', role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true }, 'mae angen hwn', 'this is required'],
      [
        { name: 'Nia', role: 'ta', isPlaceholder: false, hourlyCostPence: 15.4, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true },
        'rhaid i arian fod yn geiniogau cyfan, nid yn ffracsiwn o geiniog',
        'money must be whole pence, not a fraction of a penny',
      ],
      [
        { name: 'x'.repeat(201), role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 600, worksInWelsh: true },
        'ni all fod yn fwy na 200 nod',
        'must be at most 200 characters',
      ],
      [
        { name: 'Nia', role: 'ta', isPlaceholder: false, hourlyCostPence: 1540, hourlyCostBasis: null, contractedMinutesPerWeek: 20_000, worksInWelsh: true },
        'rhaid iddo fod rhwng 0 a 48 awr yr wythnos',
        'must be between 0 and 48 hours a week',
      ],
    ];
    for (const [input, welsh, english] of cases) {
      const first = apiErrorFrom(() => parseInput('staff.create', input)).issues?.[0];
      if (!first) throw new Error('no issue');
      expect(issueWords(first, cy, 'cy'), first.code).toBe(welsh);
      expect(issueWords(first, en, 'en'), first.code).toBe(english);
    }
  });

  it('reads zod’s own refusals from their fields, with the limit', () => {
    const first = apiErrorFrom(() => parseInput('otherCosts.update', { id: 1, changes: { quantity: -1 } })).issues?.[0];
    expect(first).toMatchObject({ code: 'atLeast', params: { min: 0 } });
    if (!first) throw new Error('no issue');
    expect(issueWords(first, cy, 'cy')).toBe('rhaid iddo fod yn 0 o leiaf');
    expect(issueWords(first, en, 'en')).toBe('must be at least 0');
  });

  it('says the ranges of money values and control characters in Welsh, with the range', () => {
    const range = apiErrorFrom(() => parseInput('lines.update', { id: 1, changes: { groups: 0 } })).issues?.[0];
    const hourly = apiErrorFrom(() => parseInput('staff.update', { id: 1, changes: { hourlyCostPence: 1e11 } })).issues?.[0];
    const nul = apiErrorFrom(() => parseInput('scenario.create', { name: 'Grant\u0000ends', from: 'baseline' })).issues?.[0];
    if (!range || !hourly || !nul) throw new Error('no issue');
    expect(issueWords(range, cy, 'cy')).toBe('rhaid iddo fod rhwng 1 a 3,000');
    expect(issueWords(hourly, cy, 'cy')).toBe('rhaid iddo fod rhwng £0 a £1,000');
    expect(issueWords(nul, cy, 'cy')).toBe('ni all gynnwys nodau rheoli (fel NUL)');
  });

  it('names the file a file error is about, from the request when the backend did not', () => {
    expect(errorWords({ code: 'file_not_mapio' }, cy, 'cy', { path: '/home/alnco/Documents/notes.txt' })).toBe('Nid ffeil Mapio yw “notes.txt”. Dewiswch ffeil .mapio.');
    expect(errorWords({ code: 'file_too_new' }, cy, 'cy', { path: '/home/alnco/Documents/notes.txt' })).toBe('Cadwyd “notes.txt” gan fersiwn mwy newydd o Mapio. Diweddarwch Mapio i’w hagor.');
    expect(errorWords({ code: 'file_corrupt' }, cy, 'cy', { path: 'C:\\Ysgol\\map.mapio' })).toContain('Mae “map.mapio” wedi’i difrodi');
    expect(errorWords({ code: 'file_io' }, cy, 'cy')).toContain('“y ffeil”');
  });

  it('keeps the specifics of a reason in both languages: the names, the count and the file', () => {
    const error = new ApiError('conflict', 'staffDeliversLines', { staff: 'Mrs Jones', count: 2, names: '“Lego”, “ELSA”' });
    expect(error.message).toBe('Mrs Jones still delivers 2 lines: “Lego”, “ELSA”. Remove Mrs Jones from those lines first.');
    const welsh = errorWords(error.toBody(), cy, 'cy');
    expect(welsh).toContain('Mrs Jones');
    expect(welsh).toContain('“Lego”, “ELSA”');
    expect(welsh).toContain('2');
    expect(welsh).not.toBe(error.message);
  });

  it('gives a Welsh reader the school’s Welsh words where a refusal carries them, and the English where it carries none', () => {
    const body = { code: 'conflict' as const, reason: 'tierUsedByLines' as const, params: { tier: 'Targeted', tierCy: '', count: 1, names: '“Reading club”', namesCy: '“Clwb darllen”' } };
    expect(errorWords(body, cy, 'cy')).toContain('“Targeted”');
    expect(errorWords(body, cy, 'cy')).toContain('“Clwb darllen”');
    expect(errorWords(body, en, 'en')).toContain('“Reading club”');
    expect(errorWords(body, en, 'en')).not.toContain('Clwb');
  });

  it('words a reason whose specific is itself words (why a file could not be written) in the reader’s language', () => {
    const error = new ApiError('file_io', 'cannotCreate', { name: 'map.mapio', path: '/x/map.mapio', whyKey: 'apiError.reason.why.diskFull', detail: 'ENOSPC' });
    expect(error.message).toBe('Mapio could not create “map.mapio” (/x/map.mapio). The disk is full.');
    expect(errorWords(error.toBody(), cy, 'cy')).toContain(cy('apiError.reason.why.diskFull'));
  });

  it('has a Welsh sentence for every error code and every reason, different from the English', () => {
    expect(API_ERROR_CODES).toEqual(expect.arrayContaining(['file_altered', 'file_read_only', 'timeout', 'cancelled']));
    for (const code of API_ERROR_CODES) {
      const text = errorWords({ code }, cy, 'cy', { path: 'a.mapio' });
      expect(text).not.toMatch(/^apiError\./);
      expect(text).not.toBe(errorWords({ code }, en, 'en', { path: 'a.mapio' }));
    }
    const reasons = catalogues.en.apiError.reason as Catalogue['apiError']['reason'];
    const keys = Object.entries(reasons).flatMap(([k, v]) => (typeof v === 'string' ? [k.replace(/_(one|other)$/, '')] : Object.keys(v).map((sub) => `${k}.${sub}`)));
    for (const key of new Set(keys)) {
      const params = { count: 3, name: 'a.mapio' };
      expect(cy(`apiError.reason.${key}`, params), key).not.toBe(en(`apiError.reason.${key}`, params));
    }
  });
});
