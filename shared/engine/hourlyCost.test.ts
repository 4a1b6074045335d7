import { describe, expect, it } from 'vitest';
import { deriveHourlyCost } from './hourlyCost';

describe('deriveHourlyCost', () => {
  it('£24,000 salary, 28.5% on-costs, 38.6 paid weeks of 32.5 hours → 2458p (£24.58)', () => {
    // By hand: 2,400,000p × 1.285 = 3,084,000p a year with on-costs; 38.6 × 32.5 = 1,254.5 paid hours;
    // 3,084,000 ÷ 1,254.5 = 2,458.3499… → 2,458p.
    expect(deriveHourlyCost({ annualSalaryPence: 2_400_000, onCostBasisPoints: 2850, paidWeeksHundredths: 3860, paidMinutesPerWeek: 1950 })).toBe(2458);
  });

  it('38 paid weeks instead of 38.6 gives a higher rate: 3,084,000 ÷ 1,235 = 2,497.17… → 2497p', () => {
    expect(deriveHourlyCost({ annualSalaryPence: 2_400_000, onCostBasisPoints: 2850, paidWeeksHundredths: 3800, paidMinutesPerWeek: 1950 })).toBe(2497);
  });

  it('rounds an exact half up (away from zero), once', () => {
    // 3p over 2 paid hours = 1.5p an hour → 2p.
    expect(deriveHourlyCost({ annualSalaryPence: 3, onCostBasisPoints: 0, paidWeeksHundredths: 200, paidMinutesPerWeek: 60 })).toBe(2);
    // 5p over 2 hours = 2.5 → 3 (half-even rounding would give 2).
    expect(deriveHourlyCost({ annualSalaryPence: 5, onCostBasisPoints: 0, paidWeeksHundredths: 200, paidMinutesPerWeek: 60 })).toBe(3);
  });

  it('says which input is missing when paid time is zero', () => {
    expect(() => deriveHourlyCost({ annualSalaryPence: 2_400_000, onCostBasisPoints: 2850, paidWeeksHundredths: 0, paidMinutesPerWeek: 1950 })).toThrow(/Paid weeks per year must be more than 0/);
    expect(() => deriveHourlyCost({ annualSalaryPence: 2_400_000, onCostBasisPoints: 2850, paidWeeksHundredths: 3800, paidMinutesPerWeek: 0 })).toThrow(/Paid hours per week must be more than 0/);
    expect(() => deriveHourlyCost({ annualSalaryPence: 2_400_000.5, onCostBasisPoints: 2850, paidWeeksHundredths: 3800, paidMinutesPerWeek: 1950 })).toThrow(
      /annualSalaryPence must be a whole number/,
    );
  });
});
