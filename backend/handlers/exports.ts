/**
 * Exports of the open school year: the governors' workbook and the ALP statement for parents. Both are
 * written atomically next to their target; a read-only or locked target fails with ApiError('file_io')
 * and leaves the earlier export and the school file untouched. Neither changes the school file.
 */
import { ApiError } from '../../shared/api/contract';
import { buildAlpStatementHtml } from '../exports/alpStatement';
import { assertWritableExport, writeFileAtomically } from '../exports/exportFile';
import { localToday } from '../exports/exportLabels';
import { buildGovernorsWorkbookWithFigures } from '../exports/governorsWorkbook';
import { compareWithBaseline } from './scenarios';
import type { HandlerMap } from './types';

export const exportHandlers: HandlerMap<'export.governorsWorkbook' | 'export.alpStatement'> = {
  'export.governorsWorkbook': async ({ path, learners, lang }, { session }) => {
    // Everything that can be refused is refused before any work, so a bad path costs nothing.
    const file = session.requireNoScenario('the governors’ workbook');
    const target = assertWritableExport(path, '.xlsx', file.path);
    const view = session.view();
    const comparison = compareWithBaseline(session);
    const scenarios = comparison.scenarios.length > 0 ? comparison : null;
    const { workbook, sheets } = buildGovernorsWorkbookWithFigures(view, { learners, lang, generatedOn: localToday(), scenarios });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    } catch {
      // The transports only convert errors thrown synchronously, so this handler converts its own.
      throw new ApiError('internal', 'Mapio could not build the workbook. Nothing was written; please try again.');
    }
    writeFileAtomically(target, bytes);
    return { path: target, sheets, bytes: bytes.byteLength };
  },

  'export.alpStatement': ({ path, lang }, { session }) => {
    const file = session.requireNoScenario('the statement for parents');
    const target = assertWritableExport(path, path.toLowerCase().endsWith('.htm') ? '.htm' : '.html', file.path);
    const html = buildAlpStatementHtml(session.view().data, { lang, generatedOn: localToday() });
    writeFileAtomically(target, html);
    return { path: target };
  },
};
