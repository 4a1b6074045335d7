import { useEffect, useState } from 'react';
import { problemText } from '../errors/localisedError';
import type { BackupInfo } from '../../shared/api/contract';
import { formatIsoDateTime } from '../../shared/i18n/dates';
import { useDisplay } from '../display';
import { useMapio } from '../state/store';
import { ConfirmDialog, Dialog } from './Dialog';
import { DataTable } from './DataTable';
import { FieldMessage } from './FieldMessage';

/** File › Restore from a backup: the automatic copies, newest first; a restore opens as a new file. */
export function BackupsDialog(props: { onClose: () => void }) {
  const { t, locale, lang } = useDisplay();
  const request = useMapio((s) => s.request);
  const refreshAppInfo = useMapio((s) => s.refreshAppInfo);
  const openName = useMapio((s) => s.view?.file.name ?? null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void request('backups.list', {}, { quiet: true }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setBackups(outcome.result);
      else setProblem(problemText(outcome.error, useMapio.getState().lang));
    });
    return () => {
      live = false;
    };
  }, [request]);

  // Welsh months and weekdays written out (Chromium's cy-GB data prints English ones).
  const when = (iso: string) => formatIsoDateTime(iso, lang, 'long');
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('backups.sizeMb', { size: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024)) })
      : t('backups.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
  const fileOf = (p: string) => p.split(/[\\/]/).pop() ?? p;

  const restore = async (b: BackupInfo) => {
    setConfirming(null);
    setBusy(true);
    setProblem(null);
    const outcome = await request('backups.restore', { path: b.path }, { quiet: true, viewOf: (v) => v });
    setBusy(false);
    if (!outcome.ok) {
      setProblem(problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    useMapio.setState({ selectedLineId: null, selectedLearnerId: null, selectedStaffId: null, screen: 'map', status: { key: 'backups.restored', params: { name: outcome.result.file.name } } });
    void refreshAppInfo();
    props.onClose();
  };

  return (
    <>
      <Dialog
        wide
        title={t('backups.title')}
        onClose={props.onClose}
        footer={
          <button type="button" onClick={props.onClose}>
            {t('common.close')}
          </button>
        }
      >
        <p className="backups-list">{openName ? t('backups.introOpen', { name: openName }) : t('backups.introNone')}</p>
        {problem ? (
          <FieldMessage>
            <span aria-hidden="true">⚠ </span>
            {problem}
          </FieldMessage>
        ) : null}
        {busy ? (
          <p className="muted" role="status">
            {t('backups.restoring')}
          </p>
        ) : null}
        {backups === null && !problem ? <p className="muted">{t('app.loading')}</p> : null}
        {backups && backups.length === 0 ? <p className="empty">{t('backups.none')}</p> : null}
        {backups && backups.length > 0 ? (
          <DataTable
            className="compact"
            testId="backups-table"
            caption={t('backups.title')}
            columns={[
              { label: t('backups.col.taken') },
              { label: t('backups.col.reason') },
              { label: t('backups.col.file') },
              { label: t('backups.col.size'), className: 'num' },
              { label: t('backups.col.actions'), hidden: true },
            ]}
          >
            {backups.map((b, i) => {
              const taken = when(b.takenAt);
              return (
                <tr key={b.path}>
                  <td>
                    <time dateTime={b.takenAt}>{taken}</time>
                  </td>
                  <td>{t(`backups.reason.${b.reason}`)}</td>
                  <td title={b.schoolFile}>{fileOf(b.schoolFile)}</td>
                  <td className="num">{size(b.bytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      data-autofocus={i === 0 ? true : undefined}
                      aria-label={t('backups.restoreThe', { when: taken })}
                      onClick={() => setConfirming(b)}
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        ) : null}
      </Dialog>
      {confirming ? (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          body={
            <>
              <p>{t('backups.confirmBody', { when: when(confirming.takenAt), file: fileOf(confirming.schoolFile) })}</p>
              <p>{t('backups.confirmUntouched')}</p>
            </>
          }
          confirmLabel={t('backups.confirmButton')}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}
