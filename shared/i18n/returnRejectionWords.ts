/**
 * Why a return was refused, in the reader's language, for the authority's screen and the command line alike:
 * the catalogue's words for its code and specifics, each visible cell that differs from the data worded on
 * its own (sheet, cell, what it shows, what the data says), in English as in Welsh. The moments a refusal
 * names (when the held return was imported, when each of two returns was written) come as timestamps and are
 * written here in the reader's language and time zone. Only a refusal Mapio has no code for ("other": an
 * error it did not expect) has no words but the backend's own, shown to an English reader as they are.
 */
import type { ReturnImportOutcome } from '../api/authority';
import { formatIsoDateTime, formatIsoDateTimePair } from './dates';
import type { Lang, TFunction } from './translator';

type Rejected = ReturnImportOutcome['rejected'][number];

export function returnRejectionWords(r: Rejected, t: TFunction, lang: Lang, timeZone?: string): string {
  if (r.code === 'visible_cells_differ' && r.cells) {
    const listed = r.cells.map((c) =>
      c.cell ? t('authority.rejected.cell', { ...c, interpolation: { escapeValue: false } }) : t('authority.rejected.sheet', { sheet: c.sheet, interpolation: { escapeValue: false } }),
    );
    const more = Number(r.params.count ?? r.cells.length) - r.cells.length;
    if (more > 0) listed.push(t('authority.rejected.moreCells', { count: more }));
    return t('authority.rejected.visible_cells_differ', { count: r.params.count ?? r.cells.length, cells: listed.join('; '), interpolation: { escapeValue: false } });
  }
  if (r.code === 'other' && lang === 'en') return r.reason;
  return t(`authority.rejected.${r.code}`, { ...momentsInWords(r.params, lang, timeZone), interpolation: { escapeValue: false } });
}

/** A refusal's specifics with its moments as the reader writes them. */
function momentsInWords(params: Rejected['params'], lang: Lang, timeZone: string | undefined): Rejected['params'] {
  const worded = { ...params };
  if (typeof params.date === 'string') worded.date = formatIsoDateTime(params.date, lang, 'short', timeZone);
  if (typeof params.written === 'string' && typeof params.heldWritten === 'string') {
    [worded.written, worded.heldWritten] = formatIsoDateTimePair(params.written, params.heldWritten, lang, timeZone);
  }
  return worded;
}
