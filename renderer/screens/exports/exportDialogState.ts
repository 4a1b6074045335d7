/**
 * Which export dialog is open. The File menu, the Electron menu (`exportGovernors`) and the authority
 * workspace open them through here, so App mounts one host and no shared component grows state.
 */
import { create } from 'zustand';

export type ExportDialogKind = 'governors' | 'governorVersions' | 'alpStatement' | 'authorityReturn' | 'authorityNew' | 'authorityOpen';

export interface ExportDialogState {
  open: ExportDialogKind | null;
  /** A path chosen already (Electron's save dialog), to start the dialog with. */
  presetPath: string | null;
  show(kind: ExportDialogKind, presetPath?: string): void;
  close(): void;
}

export const useExportDialog = create<ExportDialogState>()((set) => ({
  open: null,
  presetPath: null,
  show(kind, presetPath) {
    set({ open: kind, presetPath: presetPath ?? null });
  },
  close() {
    set({ open: null, presetPath: null });
  },
}));
