/**
 * Whether File › Restore from a backup is open. The in-page File menu and Electron's native File menu
 * (the `restoreBackup` command) both open it here; App mounts the dialog (loaded when first opened).
 */
import { create } from 'zustand';

export const useBackupsDialog = create<{ open: boolean; show(): void; close(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
