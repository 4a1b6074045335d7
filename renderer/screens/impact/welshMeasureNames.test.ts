import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../shared/domain';
import { welshMeasureNames } from './welshMeasureNames';

const enrolment = (measureName: string, measureNameCy: string): Enrolment =>
  ({ id: 1, lineId: 1, learnerId: 1, startWeek: 1, endWeek: 10, measureName, measureNameCy, measureUnit: 'months', entryValue: null, exitValue: null }) as Enrolment;

describe('a measure of progress in Welsh', () => {
  it('is the Welsh name the school typed for that English name, the first one given, trimmed', () => {
    const names = welshMeasureNames([
      enrolment('Reading age', ''),
      enrolment(' Reading age ', ' Oedran darllen '),
      enrolment('Reading age', 'Oed darllen'),
      enrolment('Boxall profile', 'Proffil Boxall'),
    ]);
    expect(names.get('Reading age')).toBe('Oedran darllen');
    expect(names.get('Boxall profile')).toBe('Proffil Boxall');
  });

  it('is missing where no Welsh was typed, so the English shows', () => {
    expect(welshMeasureNames([enrolment('Reading age', '  ')]).has('Reading age')).toBe(false);
    expect(welshMeasureNames(undefined).size).toBe(0);
  });
});
