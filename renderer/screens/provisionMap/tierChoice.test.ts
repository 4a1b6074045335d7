import { describe, expect, it } from 'vitest';
import { tierChoiceLabel } from './tierChoice';

const en = { alp: 'ALP', notAlp: 'Not ALP' };
const cy = { alp: 'DDY', notAlp: 'Nid DDY' };

describe('a tier as a choice', () => {
  it('names the tier and whether it is ALP', () => {
    expect(tierChoiceLabel('Targeted', false, en)).toBe('Targeted (Not ALP)');
    expect(tierChoiceLabel('Wedi’i thargedu', false, cy)).toBe('Wedi’i thargedu (Nid DDY)');
    expect(tierChoiceLabel('Specialist', true, en)).toBe('Specialist (ALP)');
  });

  it('does not say it twice when the tier is named as that word, in either language', () => {
    expect(tierChoiceLabel('ALP', true, en)).toBe('ALP');
    expect(tierChoiceLabel('DDY', true, cy)).toBe('DDY');
    expect(tierChoiceLabel(' alp ', true, en)).toBe('alp');
  });

  it('still says it where the name and the word disagree', () => {
    // A tier a school named "ALP" but marked not ALP must say so.
    expect(tierChoiceLabel('ALP', false, en)).toBe('ALP (Not ALP)');
  });
});
