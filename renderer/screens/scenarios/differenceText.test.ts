import { describe, expect, it } from 'vitest';
import { describeDifference, readPercentBasisPoints } from './differenceText';

describe('a scenario’s difference from the plan, in words', () => {
  it('says more spending is more, and marks it worse', () => {
    expect(describeDifference('cost', 120_000)).toEqual({ key: 'scenarios.diff.moneyMore', amount: 120_000, tone: 'worse' });
    expect(describeDifference('cost', -50_000)).toEqual({ key: 'scenarios.diff.moneyLess', amount: 50_000, tone: 'better' });
  });

  it('says a budget position that falls is worse, by how much', () => {
    expect(describeDifference('gain', -1_240_000)).toEqual({ key: 'scenarios.diff.moneyWorse', amount: 1_240_000, tone: 'worse' });
    expect(describeDifference('gain', 1)).toEqual({ key: 'scenarios.diff.moneyBetter', amount: 1, tone: 'better' });
  });

  it('counts learners falling short as more or fewer', () => {
    expect(describeDifference('problems', 2)).toEqual({ key: 'scenarios.diff.countMore', amount: 2, tone: 'worse' });
    expect(describeDifference('problems', -1)).toEqual({ key: 'scenarios.diff.countFewer', amount: 1, tone: 'better' });
  });

  it('says “same as the plan” for no difference', () => {
    expect(describeDifference('cost', 0).key).toBe('scenarios.diff.same');
    expect(describeDifference('problems', 0).tone).toBe('same');
  });
});

describe('a lever’s percentage as typed', () => {
  it('reads whole and decimal percentages, with either sign, into basis points', () => {
    expect(readPercentBasisPoints('2.5')).toBe(250);
    expect(readPercentBasisPoints('+3')).toBe(300);
    expect(readPercentBasisPoints('-100')).toBe(-10_000);
    expect(readPercentBasisPoints('−10 %')).toBe(-1000);
    expect(readPercentBasisPoints('0.05')).toBe(5);
  });

  it('refuses what is not a percentage', () => {
    expect(readPercentBasisPoints('')).toBeNull();
    expect(readPercentBasisPoints('two')).toBeNull();
    expect(readPercentBasisPoints('2.555')).toBeNull();
    expect(readPercentBasisPoints('x5')).toBeNull();
  });
});
