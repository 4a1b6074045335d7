import { describe, expect, it } from 'vitest';
import { interventionLine, learner, schoolYear } from '../test/support/schoolYearBuilder';
import { namesInFreeText } from './freeTextNames';

const year = () =>
  schoolYear({
    learners: [learner({ id: 1, name: 'Osian Pritchard' }), learner({ id: 2, name: 'Siân Ŵyn Jones' })],
    lines: [
      interventionLine({ id: 10, name: 'Osian’s speech group' }),
      interventionLine({ id: 11, name: 'SALT - O. Pritchard' }),
      interventionLine({ id: 12, name: 'Talk Boost', description: 'For sian after her diagnosis' }),
      interventionLine({ id: 13, name: 'Phonics (Year 2)', description: 'Small groups' }),
      interventionLine({ id: 14, name: 'Jonesing for maths' }),
    ],
  });

describe('learners’ names in free text', () => {
  it('finds first names with a possessive, initial + surname, and names without their accents, whole words only', () => {
    expect(namesInFreeText(year(), 'statement')).toEqual([
      { path: 'lines.10.name', text: 'Osian’s speech group', found: 'Osian’s' },
      { path: 'lines.11.name', text: 'SALT - O. Pritchard', found: 'O. Pritchard' },
      { path: 'lines.12.description', text: 'For sian after her diagnosis', found: 'sian' },
    ]);
  });

  it('searches only what each document carries: descriptions go to parents, not to the authority', () => {
    expect(namesInFreeText(year(), 'return').map((f) => f.path)).toEqual(['lines.10.name', 'lines.11.name']);
    const y = year();
    y.income[0] = { id: 1, kind: 'la_top_up', name: 'Top-up for Osian', nameCy: '', amountPence: 100, financialYear: null, endsOn: null, source: '', sourceCy: '' };
    expect(namesInFreeText(y, 'return').map((f) => f.path)).toContain('income.1.name');
  });

  it('searches each tier’s description for parents, in English and Welsh, for the statement only', () => {
    const y = year();
    y.tiers[1] = { ...y.tiers[1]!, description: 'Started for Osian', descriptionCy: 'Dechreuwyd i Osian' };
    const id = y.tiers[1].id;
    expect(namesInFreeText(y, 'statement').slice(0, 2)).toEqual([
      { path: `tiers.${id}.description`, text: 'Started for Osian', found: 'Osian' },
      { path: `tiers.${id}.descriptionCy`, text: 'Dechreuwyd i Osian', found: 'Osian' },
    ]);
    expect(namesInFreeText(y, 'return').map((f) => f.path)).not.toContain(`tiers.${id}.description`);
  });

  it('finds nothing in a school whose texts name no learner', () => {
    const y = year();
    y.lines = y.lines.filter((l) => l.id === 13);
    expect(namesInFreeText(y, 'statement')).toEqual([]);
  });
});
