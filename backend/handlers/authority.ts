/**
 * The authority's comparison workspace (`authority.*`): returns come in, schools sit side by side. The
 * open authority file belongs to the session (a school file and an authority file may be open at the same
 * time). The school's own side, `return.create`, is with the school's exports (handlers/exports.ts).
 *
 * The operations that read or write .xlsx are asynchronous (exceljs); they turn every failure into an
 * ApiError themselves, so nothing but a sentence ever leaves them.
 */
import path from 'node:path';
import { ApiError, type AuthorityView, type FileInfo } from '../../shared/api/contract';
import { compareReturns } from '../../shared/authority/comparison';
import { withExtension } from '../../shared/fileExtensions';
import { AuthorityFile } from '../../db/authority/authorityFile';
import { exportTarget, writeExport } from '../exports/exportFile';
import { writeComparisonWorkbook } from '../returns/comparisonWorkbook';
import { createI18n } from '../../shared/i18n';
import { importReturns, returnSourcesInFolder } from '../returns/importReturns';
import { guarded } from './guarded';
import type { HandlerMap } from './types';

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

type AuthorityOperation =
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
  'authority.create': ({ path: target }, { session, version }) => {
    const file = AuthorityFile.create(path.resolve(withExtension(target, 'authority')), { appVersion: version });
    session.adoptAuthorityFile(file);
    return authorityView(file);
  },

  'authority.open': ({ path: target }, { session }) => {
    const file = AuthorityFile.open(path.resolve(target));
    session.adoptAuthorityFile(file);
    return authorityView(file);
  },

  'authority.close': (_input, { session }) => ({ closed: session.closeAuthorityFile() }),

  'authority.importReturn': ({ fileName, contentBase64, replace }, { session }) => {
    const file = session.requireAuthorityFile();
    const bytes = Buffer.from(contentBase64, 'base64');
    const stillOpen = () => session.isOpenAuthorityFile(file);
    return guarded('importingReturn', () => importReturns(file, [{ fileName: path.basename(fileName), bytes }], undefined, { replace: replace ?? false, stillOpen }));
  },

  'authority.importFolder': ({ path: folder }, { session }) => {
    const file = session.requireAuthorityFile();
    // Each return is read only when its turn comes and dropped once stored: memory stays flat however many
    // returns the folder holds (all of Wales, 1,480 returns).
    const files = returnSourcesInFolder(path.resolve(folder));
    const stillOpen = () => session.isOpenAuthorityFile(file);
    return guarded('importingReturns', () => importReturns(file, files, undefined, { stillOpen }));
  },

  'authority.comparison': ({ academicYear }, { session }) => authorityView(session.requireAuthorityFile(), academicYear),

  'authority.setMapping': ({ normalisedName, canonicalName }, { session }) => {
    const file = session.requireAuthorityFile();
    file.setMapping(normalisedName, canonicalName);
    return authorityView(file);
  },

  'authority.removeSchool': ({ schoolKey }, { session }) => {
    const file = session.requireAuthorityFile();
    if (file.removeSchool(schoolKey) === 0) throw new ApiError('not_found', 'noSchoolReturn', { school: schoolKey });
    return authorityView(file);
  },

  'authority.setPublishedAllocation': ({ schoolKey, academicYear, amountPence, source }, { session }) => {
    const file = session.requireAuthorityFile();
    if (!file.listReturns().some((r) => r.schoolKey === schoolKey)) throw new ApiError('not_found', 'noSchoolReturn', { school: schoolKey });
    file.setPublishedAllocation(schoolKey, academicYear, amountPence, source ?? '');
    return authorityView(file, academicYear);
  },

  'authority.exportComparison': ({ path: target, academicYear, lang }, { session }) => {
    const file = session.requireAuthorityFile();
    const view = authorityView(file, academicYear);
    const out = exportTarget(target, 'workbook', null);
    return guarded('exportingComparison', async () => {
      const { t } = createI18n(lang);
      const bytes = await writeComparisonWorkbook(view.comparison, `${t('compareBook.title')} ${view.academicYear ?? ''}`.trim(), lang);
      writeExport(out, bytes);
      return { path: out, bytes: bytes.length };
    });
  },
};
