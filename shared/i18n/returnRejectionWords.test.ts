import { describe, expect, it } from 'vitest';
import { createI18n } from './index';
import { returnRejectionWords } from './returnRejectionWords';

describe('why a return was refused, in the reader’s language', () => {
  const refused = {
    fileName: 'edited.xlsx',
    code: 'visible_cells_differ' as const,
    params: { count: 23, cells: 'Ffurflen!B12' },
    reason: 'its sheets do not show the figures in its data…',
    cells: [
      { sheet: 'Ffurflen', cell: 'B12', shows: '999', data: '312' },
      { sheet: 'Llinellau ymyrraeth', cell: '', shows: '', data: 'Llinellau ymyrraeth' },
    ],
  };

  it('names each visible cell that differs, in Welsh, and how many more', () => {
    const text = returnRejectionWords(refused, createI18n('cy').t, 'cy');
    expect(text).toMatch(/^nid yw ei thaflenni’n dangos y ffigurau yn ei data/);
    expect(text).toContain('mae Ffurflen B12 yn dangos “999”, mae’r data’n dweud “312”');
    expect(text).toContain('mae’r daflen “Llinellau ymyrraeth” ar goll neu wedi’i hychwanegu');
    expect(text).toContain('a 21 arall');
  });

  it('gives other refusals from the catalogue in both languages, never the backend’s sentence, with the moments in the reader’s words and time', () => {
    const older = {
      fileName: 'may.xlsx',
      code: 'older' as const,
      params: { file: 'june.xlsx', written: '2027-05-01T09:00:00.000Z', heldWritten: '2027-06-15T14:30:00.000Z' },
      reason: 'the backend’s sentence',
    };
    expect(returnRejectionWords(older, createI18n('cy').t, 'cy', 'Europe/London')).toBe('yn hŷn na june.xlsx, a gedwir: ysgrifennwyd hon ar 1 Mai 2027, 10:00, a june.xlsx ar 15 Meh 2027, 15:30');
    expect(returnRejectionWords(older, createI18n('en').t, 'en', 'Europe/London')).toBe(
      'older than june.xlsx, which is kept: this one was written on 1 May 2027, 10:00, june.xlsx on 15 Jun 2027, 15:30',
    );
    const duplicate = { fileName: 'again.xlsx', code: 'duplicate' as const, params: { file: 'first.xlsx', date: '2026-12-07T23:15:00.000Z' }, reason: 'the backend’s sentence' };
    expect(returnRejectionWords(duplicate, createI18n('cy').t, 'cy', 'Europe/London')).toContain('dyblyg o first.xlsx, a fewnforiwyd ar 7 Rhag 2026, 23:15');
  });

  it('shows an unexpected error’s own words to an English reader, and says it could not be imported in Welsh', () => {
    const other = { fileName: 'x.xlsx', code: 'other' as const, params: {}, reason: 'could not be imported: the disk is full' };
    expect(returnRejectionWords(other, createI18n('en').t, 'en')).toBe('could not be imported: the disk is full');
    expect(returnRejectionWords(other, createI18n('cy').t, 'cy')).not.toContain('could not');
  });
});
