import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { rejectionText } from './rejectionText';

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
    const text = rejectionText(refused, createI18n('cy').t, 'cy');
    expect(text).toMatch(/^nid yw ei thaflenni’n dangos y ffigurau yn ei data/);
    expect(text).toContain('mae Ffurflen B12 yn dangos “999”, mae’r data’n dweud “312”');
    expect(text).toContain('mae’r daflen “Llinellau ymyrraeth” ar goll neu wedi’i hychwanegu');
    expect(text).toContain('a 21 arall');
  });

  it('gives other refusals from the catalogue in both languages, never the backend’s sentence', () => {
    const older = {
      fileName: 'may.xlsx',
      code: 'older' as const,
      params: { file: 'june.xlsx', written: '2027-05-01 09:00 UTC', heldWritten: '2027-06-15 14:30 UTC' },
      reason: 'the backend’s sentence',
    };
    expect(rejectionText(older, createI18n('cy').t, 'cy')).toBe('yn hŷn na june.xlsx, a gedwir: ysgrifennwyd hon ar 2027-05-01 09:00 UTC, a june.xlsx ar 2027-06-15 14:30 UTC');
    expect(rejectionText(older, createI18n('en').t, 'en')).toBe('older than june.xlsx, which is kept: this one was written on 2027-05-01 09:00 UTC, june.xlsx on 2027-06-15 14:30 UTC');
  });

  it('shows an unexpected error’s own words to an English reader, and says it could not be imported in Welsh', () => {
    const other = { fileName: 'x.xlsx', code: 'other' as const, params: {}, reason: 'could not be imported: the disk is full' };
    expect(rejectionText(other, createI18n('en').t, 'en')).toBe('could not be imported: the disk is full');
    expect(rejectionText(other, createI18n('cy').t, 'cy')).not.toContain('could not');
  });
});
