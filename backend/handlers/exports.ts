/**
 * What the school sends out of Mapio: the governors' workbook, the ALP statement for parents and the
 * return to the local authority. Each is written with the one atomic writer next to its target, its
 * extension added when left off; a read-only or locked target fails with ApiError('file_io') and leaves
 * the earlier file and the school file untouched. None changes the school file.
 */
import { fieldIssue } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import { buildAuthorityReturn, ReturnDisclosureError } from '../../shared/authority/buildReturn';
import { buildAlpStatementHtml } from '../exports/alpStatement';
import { exportTarget, writeExport } from '../exports/exportFile';
import { localToday } from '../../shared/localToday';
import { writeReturnWorkbook } from '../returns/returnWorkbook';
import { guarded } from './guarded';
import { assertVersionsWritable, workbookOfTheMap } from './versions';
import { namesInFreeText, type FreeTextDocument } from '../../shared/freeTextNames';
import type { SchoolYear } from '../../shared/domain';
import type { HandlerMap } from './types';
import { recordName } from '../../shared/i18n/recordNames';

/**
 * A document that would carry a learner's name in the school's free text is refused, naming each field and
 * what was found (as issues), until the person edits the text or confirms none is a learner (docs/guarantees.md).
 */
function refuseNamesInText(data: SchoolYear, document: FreeTextDocument): void {
  const found = namesInFreeText(data, document);
  if (found.length === 0) return;
  throw new ApiError(
    'names_in_text',
    null,
    {},
    found.map((f) => fieldIssue(f.path, 'mayNameLearner', { found: f.found })),
  );
}

export const exportHandlers: HandlerMap<'export.governorsWorkbook' | 'export.alpStatement' | 'return.create'> = {
  'export.governorsWorkbook': async ({ path, learners, lang, version }, { session }) => {
    // Everything that can be refused is refused before any work, so a bad path costs nothing.
    const file = session.requireNoScenario('governors');
    const target = exportTarget(path, 'workbook', file.path);
    if (version) assertVersionsWritable(session);
    const made = await workbookOfTheMap(session, { learners, lang });
    writeExport(target, made.bytes);
    // The version keeps the very bytes just written, so exporting it again gives this file (docs/exports.md).
    const saved = version ? session.governorVersions().create({ ...made.kept, ...version }) : undefined;
    return { path: target, sheets: made.sheets, bytes: made.bytes.byteLength, ...(saved ? { version: saved } : {}) };
  },

  'export.alpStatement': ({ path, lang, notLearners }, { session }) => {
    const file = session.requireNoScenario('statement');
    const target = exportTarget(path, 'statement', file.path);
    const data = session.view().data;
    if (!notLearners) refuseNamesInText(data, 'statement');
    const html = buildAlpStatementHtml(data, { lang, generatedOn: localToday() });
    writeExport(target, html);
    return { path: target };
  },

  'return.create': ({ path: target, lang, notLearners }, { session, version }) => {
    const file = session.requireNoScenario('return');
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
          'returnNamesLearner',
          { count: error.fields.length, fields: error.fields.join('; ') },
          error.fields.map((f) => fieldIssue(f, 'containsLearner')),
        );
      throw error;
    }
    // A full name or reference is refused outright (above); a first name, surname or initial is asked about.
    if (!notLearners) refuseNamesInText(view.data, 'return');
    return guarded('writingReturn', async () => {
      const bytes = await writeReturnWorkbook(ret, `Mapio ${version}`, lang);
      writeExport(out, bytes);
      // Named in the return's language: the school's Welsh name in a Welsh return's message, where it gave one.
      return { path: out, schoolName: recordName(ret.school, lang), academicYear: ret.school.academicYear, bytes: bytes.length };
    });
  },
};
