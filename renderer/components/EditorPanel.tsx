import { useEffect, type ReactNode } from 'react';

/**
 * The panel beside a list that edits the chosen row (a provision line, a member of staff): a heading
 * naming what is being edited, a × to close it, the panel's actions, then the editor itself.
 */
export function EditorPanel(props: {
  titleId: string;
  testId: string;
  /** What kind of thing is being edited, shown small above its name. */
  eyebrow: string;
  name: string;
  closeLabel: string;
  onClose: () => void;
  /** The buttons under the heading (Duplicate, Delete). */
  actions: ReactNode;
  children: ReactNode;
}) {
  useFocusStaysOnPage();
  return (
    <aside className="editor-panel" aria-labelledby={props.titleId} data-testid={props.testId}>
      <div className="editor-head">
        <h2 id={props.titleId}>
          <span className="eyebrow">{props.eyebrow}</span>
          <span className="editor-name">{props.name}</span>
        </h2>
        <button type="button" className="icon-button" onClick={props.onClose} aria-label={props.closeLabel}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="editor-actions">{props.actions}</div>
      {props.children}
    </aside>
  );
}

/**
 * When the panel goes (closed with × or Escape, or its record deleted) and takes the focus with it, focus
 * goes back to what opened it (the row's name) or, when that went too (a deleted line) or it was opened
 * otherwise, to the screen's main region: never to the page itself, from where Tab starts again at the
 * File menu.
 */
function useFocusStaysOnPage() {
  useEffect(() => {
    // What opened it is a control on the screen (a row's name, Add line): not the list of screens, which
    // shows again an editor left open on a screen.
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active.closest('#main') ? active : null;
    return () => {
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        if (opener?.isConnected) opener.focus();
        else document.querySelector<HTMLElement>('#main')?.focus();
      });
    };
  }, []);
}

/** Escape closes the editor panel, unless a dialog is open over it (the dialog takes that Escape). */
export function useEscapeClosesEditor(onClose: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}
