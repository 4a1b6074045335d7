/**
 * Where returns come in: dropped onto the area or picked with a file input (many at once), each sent on
 * its own so the officer sees "Importing 7 of 30"; or a folder path (Electron, or a folder the server can
 * read). Afterwards: every file imported (school, year) or rejected (file name and the reason in words).
 * A duplicate can be imported again to replace the return already held; a newer return shows what changes
 * (the headline figures side by side) and is used only when the officer confirms.
 */
import { FilePicker } from '../../components/FilePicker';
import { useMapio } from '../../state/store';
import { useDisplay } from '../../display';
import { problemText } from '../../errors/localisedError';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useAuthority } from './authorityState';
import { returnsToSend } from './returnFiles';
import { returnRejectionWords } from '../../../shared/i18n/returnRejectionWords';
import { ReturnChangesTable } from './ReturnChangesTable';
import { FieldMessage } from '../../components/FieldMessage';

export function ImportArea() {
  const { t } = useTranslator();
  const { typedText, lang } = useDisplay();
  const id = useId();
  const progress = useAuthority((s) => s.progress);
  const lastImport = useAuthority((s) => s.lastImport);
  const importFiles = useAuthority((s) => s.importFiles);
  const importFolder = useAuthority((s) => s.importFolder);
  const [dragging, setDragging] = useState(false);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const picked = useRef(new Map<string, File>());
  const input = useRef<HTMLInputElement>(null);
  const busy = progress !== null;

  const send = async (files: File[]) => {
    const toSend = returnsToSend(files);
    if (toSend.length === 0 || busy) return;
    picked.current = new Map(toSend.map((f) => [f.name, f]));
    await importFiles(toSend);
    if (input.current) input.current.value = '';
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void send(Array.from(e.dataTransfer.files));
  };

  const replace = async (fileName: string) => {
    const file = picked.current.get(fileName);
    if (file) await importFiles([file], true);
  };

  const submitFolder = async () => {
    if (folder.trim() === '') {
      setFolderError(t('authority.import.folderRequired'));
      return;
    }
    const outcome = await importFolder(folder.trim());
    setFolderError(outcome.ok ? null : problemText(outcome.error, useMapio.getState().lang));
  };

  return (
    <section className="card authority-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('authority.import.title')}</h2>
      <div
        className={`drop-zone ${dragging ? 'is-dragging' : ''}`}
        data-testid="return-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('authority.import.dropHint')}</p>
        <label htmlFor={`${id}-files`} className="file-pick-label">
          {t('authority.import.pickLabel')}
        </label>
        <FilePicker
          ref={input}
          id={`${id}-files`}
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          testId="return-files"
          onFiles={(files) => void send(files)}
        />
      </div>

      <details className="folder-import">
        <summary>{t('authority.import.folderSummary')}</summary>
        <div className={`field ${folderError ? 'field-error' : ''}`}>
          <label htmlFor={`${id}-folder`}>{t('authority.import.folderLabel')}</label>
          <div className="inline-form">
            <input
              id={`${id}-folder`}
              type="text"
              value={folder}
              spellCheck={false}
              disabled={busy}
              aria-describedby={`${id}-folder-hint${folderError ? ` ${id}-folder-error` : ''}`}
              aria-invalid={folderError ? true : undefined}
              data-testid="return-folder"
              onChange={(e) => {
                setFolder(e.target.value);
                setFolderError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void submitFolder();
              }}
            />
            <button type="button" disabled={busy} onClick={() => void submitFolder()} data-testid="return-folder-import">
              {t('authority.import.folderButton')}
            </button>
          </div>
          <p id={`${id}-folder-hint`} className="field-hint">
            {t('authority.import.folderHint')}
          </p>
          {folderError ? <FieldMessage id={`${id}-folder-error`}>{folderError}</FieldMessage> : null}
        </div>
      </details>

      <div role="status" className="import-progress" data-testid="import-progress">
        {progress ? (
          progress.total > 0 ? (
            <>
              <label htmlFor={`${id}-progress`}>{t('authority.import.progress', { n: Math.min(progress.done + 1, progress.total), total: progress.total })}</label>
              <progress id={`${id}-progress`} max={progress.total} value={progress.done} />
            </>
          ) : (
            <>
              <label htmlFor={`${id}-progress`}>{t('authority.import.progressFolder')}</label>
              <progress id={`${id}-progress`} />
            </>
          )
        ) : lastImport ? (
          <p className="import-summary" data-testid="import-summary">
            {t('authority.import.summary', { imported: lastImport.imported.length, rejected: lastImport.rejected.length })}
          </p>
        ) : null}
      </div>

      {lastImport && !busy ? (
        <div className="import-results">
          {lastImport.rejected.length > 0 ? (
            <div className="import-rejected" data-testid="import-rejected">
              <h3>{t('authority.import.rejectedTitle', { count: lastImport.rejected.length })}</h3>
              <ul className="plain-list">
                {lastImport.rejected.map((r, i) => (
                  <li key={`${r.fileName}-${i}`}>
                    <span className="pill pill-bad">{t('authority.import.rejectedPill')}</span> <strong>{r.fileName}</strong>: {returnRejectionWords(r, t, lang)}
                    {r.changes ? <ReturnChangesTable changes={r.changes} /> : null}
                    {(r.code === 'duplicate' || r.code === 'newer') && picked.current.has(r.fileName) ? (
                      <>
                        {' '}
                        <button type="button" className="small" onClick={() => void replace(r.fileName)}>
                          {t('authority.import.replace', { file: r.fileName })}
                        </button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {lastImport.imported.length > 0 ? (
            <details className="import-imported" data-testid="import-imported" open={lastImport.imported.length <= 8}>
              <summary>{t('authority.import.importedTitle', { count: lastImport.imported.length })}</summary>
              <ul className="plain-list">
                {lastImport.imported.map((r) => (
                  <li key={`${r.fileName}-${r.school.schoolKey}`}>
                    <span className="pill pill-good">{r.replaced ? t('authority.import.replacedPill') : t('authority.import.importedPill')}</span> {typedText(r.school.name, r.school.nameCy)},{' '}
                    {r.school.academicYear} <span className="muted">({r.fileName})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
