/**
 * Returns as the browser hands them over (a file input or a drop): which files to send to
 * `authority.importReturn` (their bytes go as base64 via renderer/api/fileContent). No Node built-ins: runs in the renderer and in tests.
 */

/**
 * The files worth sending, in name order (so "Importing 7 of 30" walks the folder as the officer sees it).
 * Everything dropped is sent, .xlsx or not: a file that is not a return is rejected with its own reason,
 * never silently skipped. Excel's lock files ("~$name.xlsx") are the one exception: they are not files
 * anyone chose.
 */
export function returnsToSend<T extends { name: string }>(files: readonly T[]): T[] {
  return files.filter((f) => !f.name.startsWith('~$')).sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
}
