/**
 * A file name as a person typed or a save dialog returned it, with Mapio's extension added if it was
 * left off (`Ysgol Gymraeg` → `Ysgol Gymraeg.mapio`; `School.MAPIO` stays as it is). Used by every
 * door that creates a file: the Electron dialogs and the backend's create, save-as and restore.
 */
export function withMapioExtension(filePath: string, extension: string = '.mapio'): string {
  return filePath.toLowerCase().endsWith(extension.toLowerCase()) ? filePath : `${filePath}${extension}`;
}
