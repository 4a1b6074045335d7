/** A new scenario: its name and where it starts from (a copy of the plan, or next year rolled forward). */
import { problemText } from '../../errors/localisedError';
import { useId, useState, type FormEvent } from 'react';
import type { ScenarioCreated } from '../../../shared/api/contract';
import { useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { readText } from '../../forms/parse';
import { useMapio } from '../../state/store';
import { FieldMessage } from '../../components/FieldMessage';

export function CreateScenarioForm(props: { onCreated: (created: ScenarioCreated) => void }) {
  const { t, nameOf } = useDisplay();
  const { fromParsed } = useReader();
  const request = useMapio((s) => s.request);
  const setStatus = useMapio((s) => s.setStatus);
  const [name, setName] = useState('');
  const [from, setFrom] = useState<'baseline' | 'rollForward'>('baseline');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<ScenarioCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const typed = fromParsed(readText(name, true, 'scenarios.nameRequired'));
    if (!typed.ok) {
      setNameError(typed.message);
      return;
    }
    setBusy(true);
    const outcome = await request('scenario.create', { name: typed.value, from }, { fieldErrors: true });
    setBusy(false);
    if (!outcome.ok) {
      setNameError(problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    setNameError(null);
    setName('');
    props.onCreated(outcome.result);
    setCreated(outcome.result);
    setStatus({ key: 'scenarios.created', params: { name: outcome.result.scenario.name } });
  };

  return (
    <section className="card" aria-labelledby={`${id}-create`}>
      <h2 id={`${id}-create`}>{t('scenarios.createHeading')}</h2>
      <form className="create-scenario" onSubmit={(e) => void create(e)}>
        <div className={`field ${nameError ? 'field-error' : ''}`}>
          <label htmlFor={`${id}-name`}>{t('scenarios.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ''}`}
            data-testid="scenario-name"
          />
          <p id={`${id}-name-hint`} className="field-hint">
            {t('scenarios.nameHint')}
          </p>
          {nameError ? (
            <FieldMessage id={`${id}-name-error`}>
              <span aria-hidden="true">⚠ </span>
              {nameError}
            </FieldMessage>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>{t('scenarios.from')}</legend>
          <div className="field-check">
            <input id={`${id}-from-b`} type="radio" name={`${id}-from`} checked={from === 'baseline'} onChange={() => setFrom('baseline')} />
            <label htmlFor={`${id}-from-b`}>{t('scenarios.fromBaseline')}</label>
          </div>
          <div className="field-check">
            <input id={`${id}-from-r`} type="radio" name={`${id}-from`} checked={from === 'rollForward'} onChange={() => setFrom('rollForward')} data-testid="scenario-from-roll" />
            <label htmlFor={`${id}-from-r`}>{t('scenarios.fromRollForward')}</label>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy} data-testid="create-scenario">
            {t('scenarios.create')}
          </button>
        </div>
      </form>
      {created?.rollForward ? (
        <div className="row-note" role="status">
          <p>{t('scenarios.rolledForward', { name: created.scenario.name })}</p>
          <p>
            {created.rollForward.leaverRefs.length > 0
              ? t('scenarios.leavers', { count: created.rollForward.leaverRefs.length, refs: created.rollForward.leaverRefs.join(', ') })
              : t('scenarios.noLeavers')}
          </p>
          {created.rollForward.endedIncome.length > 0 ? <p>{t('scenarios.endedIncome', { names: created.rollForward.endedIncome.map((income) => nameOf(income)).join(', ') })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
