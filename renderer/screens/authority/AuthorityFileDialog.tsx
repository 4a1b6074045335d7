/**
 * Create or open an authority comparison file (`.mapio-la`) by its path (browser mode has no native file
 * dialog). On success the authority workspace opens; the school file, if one is open, stays open.
 */
import { problemText } from '../../errors/localisedError';
import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { Dialog } from '../../components/Dialog';
import { DialogTextField } from '../../components/DialogTextField';
import { issueFor, useMapio } from '../../state/store';
import { useAuthority } from './authorityState';

export function AuthorityFileDialog(props: { mode: 'create' | 'open'; onClose: () => void }) {
  const { t } = useTranslator();
  const id = useId();
  const current = useAuthority((s) => s.view?.file.path ?? '');
  const [path, setPath] = useState(props.mode === 'open' ? current : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    if (path.trim() === '') {
      setError(t('authority.file.pathRequired'));
      return;
    }
    setBusy(true);
    const store = useAuthority.getState();
    const outcome = props.mode === 'create' ? await store.create(path.trim()) : await store.open(path.trim());
    setBusy(false);
    if (!outcome.ok) {
      setError(issueFor(outcome.error, 'path') ?? problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    useMapio.getState().show('authority');
    useMapio.getState().setStatus({ key: 'authority.file.opened', params: { name: outcome.result.file.name } });
    props.onClose();
  };

  return (
    <Dialog
      title={t(props.mode === 'create' ? 'authority.file.createTitle' : 'authority.file.openTitle')}
      onClose={() => !busy && props.onClose()}
      footer={
        <>
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()} data-testid="authority-file-submit">
            {t(props.mode === 'create' ? 'authority.file.createButton' : 'authority.file.openButton')}
          </button>
        </>
      }
    >
      <p className="intro">{t(props.mode === 'create' ? 'authority.file.createIntro' : 'authority.file.openIntro')}</p>
      <DialogTextField
        id={id}
        label={t('authority.file.pathLabel')}
        hint={t('authority.file.pathHint')}
        value={path}
        error={error}
        spellCheck={false}
        testId="authority-file-path"
        onChange={(text) => {
          setPath(text);
          setError(null);
        }}
        onEnter={() => void submit()}
      />
    </Dialog>
  );
}
