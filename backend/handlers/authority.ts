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
import { readAllocationFile, readSchoolListFile } from '../returns/readAuthorityList';
import { guarded } from './guarded';
import type { HandlerMap } from './types';

/** The open authority file's returns and the comparison for one academic year (default: the newest). */
export function authorityView(file: AuthorityFile, academicYear?: string): AuthorityView {
  const years = file.academicYears();
  const year = academicYear ?? years[0] ?? null;
  const info: FileInfo = { path: file.path, name: path.basename(file.path) };
  if (file.readOnly) info.readOnly = true;
  const listedSchools = file.listedSchools();
  return {
    file: info,
    returns: file.listReturns().map(({ sha256: _sha, ...r }) => r),
    academicYears: years,
    academicYear: year,
    comparison: compareReturns(year === null ? [] : file.comparedReturns(year), file.mapping(), {
      listedSchools,
      welshNamesOf: (numbers) => file.welshSchoolNames(numbers),
      notes: file.schoolNotes(),
    }),
    listedSchools: listedSchools.length,
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
  | 'authority.importAllocations'
  | 'authority.importSchoolList'
  | 'authority.setSchoolNote'
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

  'authority.importAllocations': ({ fileName, contentBase64, academicYear }, { session }) => {
    const file = session.requireAuthorityFile();
    file.assertWritable();
    const name = path.basename(fileName);
    return guarded('importingAllocations', async () => {
      const list = await readAllocationFile(name, Buffer.from(contentBase64, 'base64'));
      file.replaceAllocations(academicYear, list.allocations, `${name} (${list.unit === 'thousands' ? '£k' : '£'})`);
      return { outcome: { imported: list.allocations.length, rejected: list.rejected, unit: list.unit, unitFrom: list.unitFrom }, view: authorityView(file, academicYear) };
    });
  },

  'authority.importSchoolList': ({ fileName, contentBase64 }, { session }) => {
    const file = session.requireAuthorityFile();
    file.assertWritable();
    return guarded('importingSchoolList', async () => {
      const list = await readSchoolListFile(path.basename(fileName), Buffer.from(contentBase64, 'base64'));
      file.replaceSchoolList(list.schools);
      return { outcome: { imported: list.schools.length, rejected: list.rejected, welshNamesLeftOut: list.welshNamesLeftOut }, view: authorityView(file) };
    });
  },

  'authority.setSchoolNote': ({ schoolKey, note }, { session }) => {
    const file = session.requireAuthorityFile();
    if (!file.listReturns().some((r) => r.schoolKey === schoolKey)) throw new ApiError('not_found', 'noSchoolReturn', { school: schoolKey });
    file.setSchoolNote(schoolKey, note);
    return authorityView(file);
  },

  'authority.exportComparison': ({ path: target, academicYear, lang, flatUnit }, { session }) => {
    const file = session.requireAuthorityFile();
    const view = authorityView(file, academicYear);
    const out = exportTarget(target, 'workbook', null);
    return guarded('exportingComparison', async () => {
      const { t } = createI18n(lang);
      const bytes = await writeComparisonWorkbook(view.comparison, `${t('compareBook.title')} ${view.academicYear ?? ''}`.trim(), lang, { flatUnit: flatUnit ?? 'pounds' });
      writeExport(out, bytes);
      return { path: out, bytes: bytes.length };
    });
  },
};
