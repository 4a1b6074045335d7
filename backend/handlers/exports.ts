/**
 * What the school sends out of Mapio: the governors' workbook, the ALP statement for parents and the
 * return to the local authority. Each is written with the one atomic writer next to its target, its
 * extension added when left off; a read-only or locked target fails with ApiError('file_io') and leaves
 * the earlier file and the school file untouched. None changes the school file.
 */
import { ApiError } from '../../shared/api/contract';
import { buildAuthorityReturn, ReturnDisclosureError } from '../../shared/authority/buildReturn';
import { buildAlpStatementHtml } from '../exports/alpStatement';
import { exportTarget, writeExport } from '../exports/exportFile';
import { localToday } from '../exports/exportLabels';
import { buildGovernorsWorkbookWithFigures } from '../exports/governorsWorkbook';
import { writeReturnWorkbook } from '../returns/returnWorkbook';
import { guarded } from './guarded';
import { compareWithBaseline } from './scenarios';
import type { HandlerMap } from './types';

export const exportHandlers: HandlerMap<'export.governorsWorkbook' | 'export.alpStatement' | 'return.create'> = {
  'export.governorsWorkbook': async ({ path, learners, lang }, { session }) => {
    // Everything that can be refused is refused before any work, so a bad path costs nothing.
    const file = session.requireNoScenario('the governors’ workbook');
    const target = exportTarget(path, 'workbook', file.path);
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
    writeExport(target, bytes);
    return { path: target, sheets, bytes: bytes.byteLength };
  },

  'export.alpStatement': ({ path, lang }, { session }) => {
    const file = session.requireNoScenario('the statement for parents');
    const target = exportTarget(path, 'statement', file.path);
    const html = buildAlpStatementHtml(session.view().data, { lang, generatedOn: localToday() });
    writeExport(target, html);
    return { path: target };
  },

  'return.create': ({ path: target, lang }, { session, version }) => {
    const file = session.requireNoScenario('a return to the authority');
    const out = exportTarget(target, 'workbook', file.path);
    // Built synchronously so a school file closed meanwhile cannot change what is written.
    const view = session.view();
    let ret;
    try {
      ret = buildAuthorityReturn(view.data, view.costed);
    } catch (error) {
      if (error instanceof ReturnDisclosureError)
        throw new ApiError(
          'invalid_input',
          error.message,
          error.fields.map((f) => ({ path: f, message: 'contains a learner’s name or reference' })),
        );
      throw error;
    }
    return guarded('writing the return', async () => {
      const bytes = await writeReturnWorkbook(ret, `Mapio ${version}`, lang);
      writeExport(out, bytes);
      return { path: out, schoolName: ret.school.name, academicYear: ret.school.academicYear, bytes: bytes.length };
    });
  },
};
