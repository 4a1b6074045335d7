import { useEffect, useRef, useState } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { selectRecentFiles, useMapio } from '../state/store';
import type { PathAction } from './PathDialog';
import { useExportDialog } from '../screens/exports/exportDialogState';
import { useAuthority } from '../screens/authority/authorityState';
import { useBackupsDialog } from './backupsDialogState';

/** The in-page File menu: a disclosure of plain buttons (works the same with mouse and keyboard). */
export function FileMenu(props: { onAction: (action: PathAction) => void; onOpenRecent: (path: string) => void }) {
  const { t } = useTranslator();
  const [open, setOpen] = useState(false);
  const showBackups = useBackupsDialog((s) => s.show);
  const recent = useMapio(selectRecentFiles);
  const hasFile = useMapio((s) => s.view !== null);
  const showExport = useExportDialog((s) => s.show);
  const hasAuthorityFile = useAuthority((s) => s.view !== null);
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
    // The item is about to go: focus the File button first, so a dialog opened from here returns focus to it.
    button.current?.focus();
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
      <button
        ref={button}
        type="button"
        // "File" alone would also be the name of every button that mentions a file ("Save as a file…").
        aria-label={t('menu.fileMenu')}
        aria-expanded={open}
        aria-controls="file-menu-list"
        data-testid="file-menu"
        onClick={() => setOpen(!open)}
      >
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
              <button type="button" data-testid="menu-new-empty" onClick={() => choose(() => props.onAction('newEmpty'))}>
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
            <li>
              <button type="button" data-testid="menu-restore-backup" onClick={() => choose(showBackups)}>
                {t('backups.menu')}
              </button>
            </li>
          </ul>
          <h3 className="file-menu-heading">{t('exportDialogs.menu.exportHeading')}</h3>
          <ul>
            <li>
              <button type="button" disabled={!hasFile} data-testid="menu-export-governors" onClick={() => choose(() => showExport('governors'))}>
                {t('exportDialogs.menu.governors')}
              </button>
            </li>
            <li>
              <button type="button" disabled={!hasFile} data-testid="menu-governor-versions" onClick={() => choose(() => showExport('governorVersions'))}>
                {t('exportDialogs.menu.versions')}
              </button>
            </li>
            <li>
              <button type="button" disabled={!hasFile} data-testid="menu-export-alp-statement" onClick={() => choose(() => showExport('alpStatement'))}>
                {t('exportDialogs.menu.alpStatement')}
              </button>
            </li>
            <li>
              <button type="button" disabled={!hasFile} data-testid="menu-export-return" onClick={() => choose(() => showExport('authorityReturn'))}>
                {t('exportDialogs.menu.authorityReturn')}
              </button>
            </li>
          </ul>
          <h3 className="file-menu-heading">{t('exportDialogs.menu.authorityHeading')}</h3>
          <ul>
            <li>
              <button type="button" data-testid="menu-authority-new" onClick={() => choose(() => showExport('authorityNew'))}>
                {t('exportDialogs.menu.authorityNew')}
              </button>
            </li>
            <li>
              <button type="button" data-testid="menu-authority-open" onClick={() => choose(() => showExport('authorityOpen'))}>
                {t('exportDialogs.menu.authorityOpen')}
              </button>
            </li>
            {hasAuthorityFile ? (
              <li>
                <button
                  type="button"
                  onClick={() =>
                    choose(() => {
                      void useAuthority.getState().close();
                      if (useMapio.getState().screen === 'authority') useMapio.getState().show('map');
                    })
                  }
                >
                  {t('exportDialogs.menu.authorityClose')}
                </button>
              </li>
            ) : null}
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
