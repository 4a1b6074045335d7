/**
 * Why a return was refused, in the reader's language: the catalogue's words for its code and specifics,
 * each visible cell that differs from the data worded on its own (sheet, cell, what it shows, what the
 * data says), in English as in Welsh. Only a refusal Mapio has no code for ("other": an error it did not
 * expect) has no words but the backend's own, shown to an English reader as they are.
 */
import type { TFunction } from 'i18next';
import type { ReturnImportOutcome } from '../../../shared/api/authority';

type Rejected = ReturnImportOutcome['rejected'][number];

export function rejectionText(r: Rejected, t: TFunction, lang: string): string {
  if (r.code === 'visible_cells_differ' && r.cells) {
    const listed = r.cells.map((c) =>
      c.cell ? t('authority.rejected.cell', { ...c, interpolation: { escapeValue: false } }) : t('authority.rejected.sheet', { sheet: c.sheet, interpolation: { escapeValue: false } }),
    );
    const more = Number(r.params.count ?? r.cells.length) - r.cells.length;
    if (more > 0) listed.push(t('authority.rejected.moreCells', { count: more }));
    return t('authority.rejected.visible_cells_differ', { count: r.params.count ?? r.cells.length, cells: listed.join('; '), interpolation: { escapeValue: false } });
  }
  return r.code === 'other' && lang === 'en' ? r.reason : t(`authority.rejected.${r.code}`, { ...r.params, interpolation: { escapeValue: false } });
}
