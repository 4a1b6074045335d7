/**
 * The one keyboard handler for undo and redo (docs/keyboard.md): Ctrl/Cmd+Z undoes one step of the
 * school file's history, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes one. It is the only listener for these keys:
 * the desktop menu shows the shortcuts without registering them (electron/menu.ts), and browser mode has
 * no menu, so each press moves exactly one step in either mode.
 */

export type HistoryStep = 'undo' | 'redo';

/** Which history step a key press asks for, or null. Alt combinations are left alone (AltGr on Windows). */
export function historyStepOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): HistoryStep | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

function isTextEntry(el: Element | null): el is HTMLElement {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable);
}

/**
 * Take one history step from the keyboard or the menu. In a field being typed in, leaving the field
 * saves what was typed first (its save joins the queue ahead of the step), so the step undoes the
 * typing as the last edit rather than losing it.
 */
export function takeHistoryStep(step: HistoryStep, run: (step: HistoryStep) => unknown): void {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  if (isTextEntry(active)) {
    active.blur();
    active.focus();
  }
  void run(step);
}

/** Listen for the shortcuts on `target` (the window); returns the function that stops listening. */
export function listenForHistoryKeys(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, run: (step: HistoryStep) => unknown): () => void {
  const onKey = (e: KeyboardEvent) => {
    const step = historyStepOf(e);
    if (!step) return;
    // A modal dialog's own fields keep the browser's text undo: the file's history is behind the dialog.
    if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return;
    e.preventDefault();
    takeHistoryStep(step, run);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
