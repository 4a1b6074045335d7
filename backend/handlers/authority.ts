/**
 * Authority returns: the school side (`return.create`) and the authority's comparison workspace
 * (`authority.*`). The open authority file is kept per session here (a school file and an authority file
 * may be open at the same time); `closeAuthorityFile(session)` closes it.
 *
 * The operations that read or write .xlsx are asynchronous (exceljs); they turn every failure into an
 * ApiError themselves, so nothing but a sentence ever leaves them.
 */
import path from 'node:path';
import { ApiError, type AuthorityView, type FileInfo } from '../../shared/api/contract';
import { buildAuthorityReturn, ReturnDisclosureError } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { AUTHORITY_FILE_EXTENSION, AuthorityFile } from '../../db/authority/authorityFile';
import { writeComparisonWorkbook } from '../returns/comparisonWorkbook';
import { importReturns, returnSourcesInFolder } from '../returns/importReturns';
import { writeFileAtomically } from '../atomicFileWrite';
import { writeReturnWorkbook } from '../returns/returnWorkbook';
import type { Session } from '../session';
import type { HandlerMap } from './types';

const openAuthorityFiles = new WeakMap<Session, AuthorityFile>();

function adopt(session: Session, next: AuthorityFile): void {
  const previous = openAuthorityFiles.get(session);
  if (previous && previous !== next) previous.close();
  openAuthorityFiles.set(session, next);
}

/** Close the session's authority file, if one is open. */
export function closeAuthorityFile(session: Session): boolean {
  const file = openAuthorityFiles.get(session);
  openAuthorityFiles.delete(session);
  file?.close();
  return file !== undefined;
}

export function requireAuthorityFile(session: Session): AuthorityFile {
  const file = openAuthorityFiles.get(session);
  if (!file || !file.isOpen) throw new ApiError('no_file', 'No authority file is open. Create or open one (a .mapio-la file) first.');
  return file;
}

export function withExtension(filePath: string, extension: string): string {
  return path.extname(filePath).toLowerCase() === extension ? filePath : `${filePath}${extension}`;
}

/** The open authority file's returns and the comparison for one academic year (default: the newest). */
export function authorityView(file: AuthorityFile, academicYear?: string): AuthorityView {
  const years = file.academicYears();
  const year = academicYear ?? years[0] ?? null;
  const info: FileInfo = { path: file.path, name: path.basename(file.path) };
  if (file.readOnly) info.readOnly = true;
  return {
    file: info,
    returns: file.listReturns().map(({ sha256: _sha, ...r }) => r),
    academicYears: years,
    academicYear: year,
    comparison: compareReturns(year === null ? [] : file.comparedReturns(year), file.mapping()),
  };
}

/** Await `fn`, turning anything that is not already an ApiError into one that leaks no detail. */
async function guarded<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', `Something went wrong inside Mapio while ${action}; nothing was changed. Please try again.`);
  }
}

type AuthorityOperation =
  | 'return.create'
  | 'authority.create'
  | 'authority.open'
  | 'authority.close'
  | 'authority.importReturn'
  | 'authority.importFolder'
  | 'authority.comparison'
  | 'authority.setMapping'
  | 'authority.removeSchool'
  | 'authority.setPublishedAllocation'
  | 'authority.exportComparison';

export const authorityHandlers: HandlerMap<AuthorityOperation> = {
  'return.create': ({ path: target }, { session, version }) => {
    session.requireNoScenario('a return to the authority');
    // Built synchronously so a school file closed meanwhile cannot change what is written.
    const view = session.view();
    let ret;
    try {
      ret = buildAuthorityReturn(view.data, view.costed);
    } catch (error) {
      if (error instanceof ReturnDisclosureError) throw new ApiError('invalid_input', error.message, error.fields.map((f) => ({ path: f, message: 'contains a learner’s name or reference' })));
      throw error;
    }
    const out = path.resolve(withExtension(target, '.xlsx'));
    return guarded('writing the return', async () => {
      const bytes = await writeReturnWorkbook(ret, `Mapio ${version}`);
      writeFileAtomically(out, bytes);
      return { path: out, schoolName: ret.school.name, academicYear: ret.school.academicYear, bytes: bytes.length };
    });
  },

  'authority.create': ({ path: target }, { session, version }) => {
    const file = AuthorityFile.create(path.resolve(withExtension(target, AUTHORITY_FILE_EXTENSION)), { appVersion: version });
    adopt(session, file);
    return authorityView(file);
  },

  'authority.open': ({ path: target }, { session }) => {
    const file = AuthorityFile.open(path.resolve(target));
    adopt(session, file);
    return authorityView(file);
  },

  'authority.close': (_input, { session }) => ({ closed: closeAuthorityFile(session) }),

  'authority.importReturn': ({ fileName, contentBase64, replace }, { session }) => {
    const file = requireAuthorityFile(session);
    const bytes = Buffer.from(contentBase64, 'base64');
    const stillOpen = () => openAuthorityFiles.get(session) === file && file.isOpen;
    return guarded('importing the return', () => importReturns(file, [{ fileName: path.basename(fileName), bytes }], undefined, { replace: replace ?? false, stillOpen }));
  },

  'authority.importFolder': ({ path: folder }, { session }) => {
    const file = requireAuthorityFile(session);
    // Each return is read only when its turn comes and dropped once stored: memory stays flat however many
    // returns the folder holds (issue 10: all of Wales, 1,480 returns).
    const files = returnSourcesInFolder(path.resolve(folder));
    const stillOpen = () => openAuthorityFiles.get(session) === file && file.isOpen;
    return guarded('importing the returns', () => importReturns(file, files, undefined, { stillOpen }));
  },

  'authority.comparison': ({ academicYear }, { session }) => authorityView(requireAuthorityFile(session), academicYear),

  'authority.setMapping': ({ normalisedName, canonicalName }, { session }) => {
    const file = requireAuthorityFile(session);
    file.setMapping(normalisedName, canonicalName);
    return authorityView(file);
  },

  'authority.removeSchool': ({ schoolKey }, { session }) => {
    const file = requireAuthorityFile(session);
    if (file.removeSchool(schoolKey) === 0) throw new ApiError('not_found', `No school with the key “${schoolKey}” has a return in this authority file.`);
    return authorityView(file);
  },

  'authority.setPublishedAllocation': ({ schoolKey, academicYear, amountPence, source }, { session }) => {
    const file = requireAuthorityFile(session);
    if (!file.listReturns().some((r) => r.schoolKey === schoolKey)) throw new ApiError('not_found', `No school with the key “${schoolKey}” has a return in this authority file.`);
    file.setPublishedAllocation(schoolKey, academicYear, amountPence, source ?? '');
    return authorityView(file, academicYear);
  },

  'authority.exportComparison': ({ path: target, academicYear }, { session }) => {
    const file = requireAuthorityFile(session);
    const view = authorityView(file, academicYear);
    const out = path.resolve(withExtension(target, '.xlsx'));
    return guarded('exporting the comparison', async () => {
      const bytes = await writeComparisonWorkbook(view.comparison, `Authority comparison ${view.academicYear ?? ''}`.trim());
      writeFileAtomically(out, bytes);
      return { path: out, bytes: bytes.length };
    });
  },
};
