import { describe, expect, it } from 'vitest';
import type { SchoolComparisonRow } from '../../../shared/authority/comparison';
import { createI18n } from '../../../shared/i18n';
import { countText, orderSchools, percent, shareParts } from './authorityFigures';

const row = (name: string, roll: number, committedPence: number, nameCy = '') =>
  ({ schoolKey: name.toLowerCase(), context: { name, nameCy, numberOnRoll: roll }, committedPence }) as unknown as SchoolComparisonRow;

describe('how the comparison reads on screen', () => {
  it('writes basis points as a percentage to two places', () => {
    expect(percent(1834)).toBe('18.34%');
    expect(percent(5)).toBe('0.05%');
    expect(percent(10_000)).toBe('100.00%');
    expect(percent(-250)).toBe('-2.50%');
  });

  it('says why a withheld count is withheld, never a number', () => {
    const { t } = createI18n('en');
    expect(countText({ value: 12, suppressed: false }, t)).toBe('12');
    expect(countText({ value: 0, suppressed: false }, t)).toBe('0');
    expect(countText({ value: null, suppressed: true, why: 'small' }, t)).toBe('fewer than 5');
    expect(countText({ value: null, suppressed: true, why: 'protects_small' }, t)).toBe('withheld to protect a small count');
    expect(countText({ value: null, suppressed: true, why: 'protects_small' }, createI18n('cy').t)).toBe('wedi’i ddal yn ôl i ddiogelu nifer fach');
  });

  it('gives a share with the fraction behind it, or nothing when there is no denominator', () => {
    expect(shareParts({ numerator: 57, denominator: 311, of: 'pupils_on_roll', basisPoints: 1833 })).toEqual({ percent: '18.33%', numerator: 57, denominator: 311 });
    expect(shareParts({ numerator: 0, denominator: 0, of: 'pupils_on_roll', basisPoints: null })).toBeNull();
    expect(shareParts(null)).toBeNull();
  });

  it('orders schools by name or roll, never by spend', () => {
    const rows = [row('Ysgol Maes', 420, 1), row('Ysgol Bryn', 60, 999_999), row('Ysgol Glan', 1800, 50)];
    expect(orderSchools(rows, 'name', 'en').map((r) => r.context.name)).toEqual(['Ysgol Bryn', 'Ysgol Glan', 'Ysgol Maes']);
    expect(orderSchools(rows, 'rollAsc', 'en').map((r) => r.context.numberOnRoll)).toEqual([60, 420, 1800]);
    expect(orderSchools(rows, 'rollDesc', 'en').map((r) => r.context.numberOnRoll)).toEqual([1800, 420, 60]);
    expect(orderSchools(rows, 'asImported', 'en')).toEqual(rows);
    expect(rows.map((r) => r.context.name)).toEqual(['Ysgol Maes', 'Ysgol Bryn', 'Ysgol Glan']);
  });

  it('orders a Welsh reader’s schools by the names shown, in Welsh alphabetical order (dd after d, ll after l)', () => {
    const rows = [row('Derwen Primary', 10, 1), row('Dolau Primary', 20, 1, 'Ysgol Gynradd Dolau'), row('Ddraig Primary', 30, 1), row('Llan Primary', 40, 1), row('Lon Primary', 50, 1)];
    expect(orderSchools(rows, 'name', 'en').map((r) => r.context.name)).toEqual(['Ddraig Primary', 'Derwen Primary', 'Dolau Primary', 'Llan Primary', 'Lon Primary']);
    expect(orderSchools(rows, 'name', 'cy').map((r) => r.context.name)).toEqual(['Derwen Primary', 'Ddraig Primary', 'Lon Primary', 'Llan Primary', 'Dolau Primary']);
  });
});
