import { useId, useState } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { errorMessage } from '../errors/localisedError';
import { useMapio, type Notice } from '../state/store';
import { Dialog } from './Dialog';
import { DialogTextField } from './DialogTextField';

export type PathAction = 'newDemo' | 'newEmpty' | 'open' | 'saveAs';

/**
 * Browser mode has no native file dialog: ask for the path of the .mapio file instead.
 * (In Electron the native File menu supplies the path through onMenuCommand.) A file that cannot be opened,
 * created or saved is said beside the path, in the dialog: the page's banner is behind the modal dialog.
 */
export function PathDialog(props: {
  action: PathAction;
  recent: string[];
  folder: string | null;
  onSubmit: (path: string, refused: (notice: Notice) => void) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslator();
  const lang = useMapio((s) => s.lang);
  const id = useId();
  // A new file starts in the school folder (Documents › Mapio): a name alone is saved there too.
  const [path, setPath] = useState(() =>
    props.action === 'open' ? (props.recent[0] ?? '') : props.folder && props.action !== 'saveAs' ? inFolder(props.folder, t('menu.pathDialog.newFileName')) : '',
  );
  const [error, setError] = useState<string | null>(null);
  // Kept as the notice, not its words: a change of language re-words it.
  const [refusal, setRefusal] = useState<Notice | null>(null);
  const refusalText = refusal ? t(refusal.key, refusal.error ? { ...refusal.params, message: errorMessage(refusal.error, lang, t) } : (refusal.params ?? {})) : null;
  const [busy, setBusy] = useState(false);
  const submitLabel = props.action === 'open' ? t('menu.pathDialog.openButton') : props.action === 'saveAs' ? t('menu.pathDialog.saveButton') : t('menu.pathDialog.createButton');

  const submit = async () => {
    if (path.trim() === '') {
      setError(t('menu.pathDialog.pathRequired'));
      return;
    }
    setBusy(true);
    setRefusal(null);
    const ok = await props.onSubmit(path.trim(), setRefusal);
    setBusy(false);
    if (ok) props.onClose();
  };

  return (
    <Dialog
      title={t(`menu.pathDialog.${props.action}`)}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
            {submitLabel}
          </button>
        </>
      }
    >
      <DialogTextField
        id={id}
        label={t('menu.pathDialog.pathLabel')}
        hint={props.folder && props.action !== 'open' ? t('menu.pathDialog.folderHint', { folder: props.folder }) : t('menu.pathDialog.pathHint')}
        value={path}
        error={error ?? refusalText}
        spellCheck={false}
        onChange={(text) => {
          setPath(text);
          setError(null);
          setRefusal(null);
        }}
        onEnter={() => void submit()}
      />
      {props.action === 'open' && props.recent.length > 0 ? (
        <div>
          <h3>{t('menu.recent')}</h3>
          <ul className="recent-list">
            {props.recent.map((r) => (
              <li key={r}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setPath(r);
                    setError(null);
                    setRefusal(null);
                  }}
                >
                  {r}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}

/** `name` inside `folder`, with the folder's own separator (Windows or not). */
export function inFolder(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}
