/**
 * The one policy for file names, at every door that writes a file (the Electron dialogs, the backend's
 * create, save-as, restore, exports, returns and the authority file): a name as a person typed it or a save
 * dialog returned it gets its extension added when it does not already end in it (`Ysgol Gymraeg` →
 * `Ysgol Gymraeg.mapio`; `School.MAPIO` stays as it is; `St. Mary's` → `St. Mary's.mapio`, since a dot
 * in a school's name is not an extension).
 */
export const FILE_EXTENSIONS = {
  school: ['.mapio'],
  authority: ['.mapio-la'],
  workbook: ['.xlsx'],
  statement: ['.html', '.htm'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type FileKind = keyof typeof FILE_EXTENSIONS;

/** `filePath` unchanged if it ends in one of the kind's extensions (any case), else with the first added. */
export function withExtension(filePath: string, kind: FileKind): string {
  const allowed = FILE_EXTENSIONS[kind];
  const lower = filePath.toLowerCase();
  return allowed.some((ext) => lower.endsWith(ext)) ? filePath : `${filePath}${allowed[0]}`;
}
