/**
 * Where an export is saved unless the person types another path: next to the school file, named for
 * the school, what it is and the date ("Ysgol Cwm Glas governors 2026-03-14.xlsx"). Pure: works on
 * Windows and POSIX paths alike, no Node built-ins.
 */
import { FILE_EXTENSIONS, type FileKind } from '../../../shared/fileExtensions';
import { localToday } from '../../../shared/localToday';

export type ExportKind = 'governors' | 'alpStatement' | 'authorityReturn' | 'comparison';

const FILE_KIND: Record<ExportKind, FileKind> = {
  governors: 'workbook',
  alpStatement: 'statement',
  authorityReturn: 'workbook',
  comparison: 'workbook',
};

/** The folder part of a path, with its trailing separator ("" when the path has no folder). */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut < 0 ? '' : filePath.slice(0, cut + 1);
}

/** A school name made safe as part of a file name on Windows, macOS and Linux. */
export function safeFileStem(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  return cleaned === '' ? 'Mapio' : cleaned.slice(0, 120);
}

/**
 * The default path for an export: beside `besidePath` (the school or authority file), as
 * "<name> <what> <date><ext>", `what` being the words for the kind in the person's language.
 */
export function defaultExportPath(besidePath: string, name: string, what: string, kind: ExportKind, now: Date): string {
  return `${folderOf(besidePath)}${safeFileStem(name)} ${what} ${localToday(now)}${FILE_EXTENSIONS[FILE_KIND[kind]][0]}`;
}

/** The file name alone, for a sentence ("Saved Ysgol Cwm Glas governors 2026-03-14.xlsx"). */
export function fileNameOf(filePath: string): string {
  return filePath.slice(folderOf(filePath).length) || filePath;
}
