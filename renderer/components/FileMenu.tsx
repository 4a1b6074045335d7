import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectRecentFiles, useMapio } from '../state/store';
import type { PathAction } from './PathDialog';

/** The in-page File menu: a disclosure of plain buttons (works the same with mouse and keyboard). */
export function FileMenu(props: { onAction: (action: PathAction) => void; onOpenRecent: (path: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const recent = useMapio(selectRecentFiles);
  const hasFile = useMapio((s) => s.view !== null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (fn: () => void) => {
    setOpen(false);
    fn();
  };

  return (
    <div
      className="file-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" aria-expanded={open} aria-controls="file-menu-list" onClick={() => setOpen(!open)}>
        {t('menu.file')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id="file-menu-list" className="file-menu-list">
          <ul>
            <li>
              <button type="button" autoFocus onClick={() => choose(() => props.onAction('newDemo'))}>
                {t('menu.newDemo')}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => choose(() => props.onAction('newEmpty'))}>
                {t('menu.newEmpty')}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => choose(() => props.onAction('open'))}>
                {t('menu.open')}
              </button>
            </li>
            <li>
              <button type="button" disabled={!hasFile} onClick={() => choose(() => props.onAction('saveAs'))}>
                {t('menu.saveAs')}
              </button>
            </li>
          </ul>
          <h3 className="file-menu-heading">{t('menu.recent')}</h3>
          {recent.length === 0 ? (
            <p className="muted">{t('menu.noRecent')}</p>
          ) : (
            <ul>
              {recent.map((r) => (
                <li key={r}>
                  <button type="button" title={r} onClick={() => choose(() => props.onOpenRecent(r))}>
                    {r.split(/[\\/]/).pop() ?? r}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
