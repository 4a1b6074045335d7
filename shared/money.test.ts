import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideRounded, formatPounds, MoneyParseError, parsePounds } from './money';

describe('parsePounds', () => {
  it.each([
    ['1234', 123400],
    ['£1,234.5', 123450],
    ['£1,234.50', 123450],
    ['1.00', 100],
    ['1.01', 101],
    ['15.41', 1541],
    ['0.07', 7],
    ['.5', 50],
    ['12.', 1200],
    ['  £ 7  ', 700],
    ['1,000,000', 100000000],
    ['0', 0],
    ['£0.00', 0],
    ['1000000000', 100000000000],
  ])('reads %j as %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it('parses digit by digit, never through a float (Math.round(1.005 * 100) would give 100)', () => {
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(parsePounds('1.01')).toBe(101);
    expect(parsePounds('8.29')).toBe(829); // 8.29 * 100 = 828.9999999999999 in floating point
    expect(parsePounds('1,234.57')).toBe(123457);
  });

  it.each([
    ['', /Enter an amount/],
    ['   ', /Enter an amount/],
    ['-', /no digits/],
    ['£', /no digits/],
    ['.', /no digits/],
    ['abc', /not an amount of money/],
    ['12p', /not an amount of money/],
    ['£12.50 per week', /not an amount of money/],
    ['15.405', /3 decimal places.*at most 2/],
    ['1.005', /at most 2 decimal places/],
    ['12,34', /commas in the wrong place/],
    ['1,2345', /commas in the wrong place/],
    ['1.2.3', /more than one decimal point/],
    ['1 234', /space inside the number/],
    ['-12.50', /negative/],
    ['£-3', /negative/],
    ['1000000000.01', /too large/],
    ['99999999999999999999999', /too large/],
  ])('refuses %j with a message saying what to fix', (text, message) => {
    expect(() => parsePounds(text)).toThrow(MoneyParseError);
    expect(() => parsePounds(text)).toThrow(message);
  });

  it('accepts a negative amount only when asked, with either minus sign', () => {
    expect(parsePounds('-12.50', { allowNegative: true })).toBe(-1250);
    expect(parsePounds('−£12.50', { allowNegative: true })).toBe(-1250);
    expect(parsePounds('£-0.05', { allowNegative: true })).toBe(-5);
  });

  it('reads back every amount formatPounds writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }), (p) => {
        expect(parsePounds(formatPounds(p), { allowNegative: true })).toBe(p);
      }),
    );
  });
});

describe('formatPounds', () => {
  it.each([
    [123450, '£1,234.50'],
    [0, '£0.00'],
    [5, '£0.05'],
    [27720, '£277.20'],
    [1901900, '£19,019.00'],
    [-1200, '-£12.00'],
    [100000000000, '£1,000,000,000.00'],
  ])('writes %i pence as %s', (p, text) => {
    expect(formatPounds(p)).toBe(text);
    expect(formatPounds(p, 'cy-GB')).toBe(text);
  });

  it('refuses a float, which would mean money went wrong upstream', () => {
    expect(() => formatPounds(12.5)).toThrow(/whole pence/);
  });
});

describe('divideRounded', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [7n, 3n, 2n],
    [8n, 3n, 3n],
    [-7n, 3n, -2n],
    [0n, 9n, 0n],
    [10n ** 30n + 1n, 2n, 5n * 10n ** 29n + 1n],
  ])('%s ÷ %s rounds half away from zero to %s', (n, d, q) => {
    expect(divideRounded(n, d)).toBe(q);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRounded(1, 0)).toThrow(/division by zero/);
  });
});
