/** The dialogs a scenario's row opens: rename it, and save it as a school file of its own. */
import { problemText } from '../../errors/localisedError';
import { useId, useState, type FormEvent } from 'react';
import type { ScenarioSummary } from '../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { readText } from '../../forms/parse';
import { useMapio } from '../../state/store';
import { FormFooter } from '../../components/FormFooter';
import { FieldMessage } from '../../components/FieldMessage';

export function RenameDialog(props: { scenario: ScenarioSummary; onClose: () => void; onRenamed: () => void }) {
  const { t } = useDisplay();
  const { fromParsed } = useReader();
  const request = useMapio((s) => s.request);
  const [name, setName] = useState(props.scenario.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const typed = fromParsed(readText(name, true, 'scenarios.nameRequired'));
    if (!typed.ok) return setError(typed.message);
    const outcome = await request('scenario.rename', { id: props.scenario.id, name: typed.value }, { fieldErrors: true });
    if (!outcome.ok) return setError(problemText(outcome.error, useMapio.getState().lang));
    // The banner names the open scenario: refresh it when that is the one renamed.
    const open = useMapio.getState().view?.scenario;
    if (open && open.id === props.scenario.id) {
      const view = useMapio.getState().view;
      if (view) useMapio.setState({ view: { ...view, scenario: { id: open.id, name: outcome.result.name } } });
    }
    props.onRenamed();
  };
  return (
    <Dialog
      title={t('scenarios.renameTitle', { name: props.scenario.name })}
      onClose={props.onClose}
      footer={<FormFooter busy={false} onCancel={props.onClose} onSave={() => void submit()} saveLabel={t('scenarios.rename')} />}
    >
      <form onSubmit={(e) => void submit(e)}>
        <div className={`field ${error ? 'field-error' : ''}`}>
          <label htmlFor={`${id}-n`}>{t('scenarios.name')}</label>
          <input
            id={`${id}-n`}
            type="text"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-e` : undefined}
          />
          {error ? (
            <FieldMessage id={`${id}-e`}>
              <span aria-hidden="true">⚠ </span>
              {error}
            </FieldMessage>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}

export function SaveAsFileDialog(props: { scenario: ScenarioSummary; onClose: () => void }) {
  const { t } = useDisplay();
  const { fromParsed } = useReader();
  const request = useMapio((s) => s.request);
  const setStatus = useMapio((s) => s.setStatus);
  const file = useMapio((s) => s.view?.file.path ?? '');
  const folder = file.replace(/[^\\/]*$/, '');
  const [path, setPath] = useState(`${folder}${props.scenario.name.replace(/[\\/:*?"<>|]/g, '-')}.mapio`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const typed = fromParsed(readText(path, true, 'menu.pathDialog.pathRequired'));
    if (!typed.ok) return setError(typed.message);
    setBusy(true);
    const outcome = await request('scenario.saveAsFile', { id: props.scenario.id, path: typed.value }, { quiet: true });
    setBusy(false);
    if (!outcome.ok) return setError(problemText(outcome.error, useMapio.getState().lang));
    setStatus({ key: 'scenarios.savedAsFile', params: { name: props.scenario.name, path: outcome.result.file.path } });
    props.onClose();
  };
  return (
    <Dialog
      title={t('scenarios.saveAsTitle', { name: props.scenario.name })}
      onClose={props.onClose}
      footer={<FormFooter busy={busy} onCancel={props.onClose} onSave={() => void submit()} saveLabel={t('menu.pathDialog.saveButton')} saveTestId="save-scenario-file" />}
    >
      <form onSubmit={(e) => void submit(e)}>
        <p>{t('scenarios.saveAsBody')}</p>
        <div className={`field ${error ? 'field-error' : ''}`}>
          <label htmlFor={`${id}-p`}>{t('menu.pathDialog.pathLabel')}</label>
          <input
            id={`${id}-p`}
            type="text"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-h${error ? ` ${id}-e` : ''}`}
            spellCheck={false}
          />
          <p id={`${id}-h`} className="field-hint">
            {t('menu.pathDialog.pathHint')}
          </p>
          {error ? (
            <FieldMessage id={`${id}-e`}>
              <span aria-hidden="true">⚠ </span>
              {error}
            </FieldMessage>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
