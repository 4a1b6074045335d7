import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ScenarioCreated, ScenarioSummary } from '../../../shared/api/contract';
import type { ScenarioComparison } from '../../../shared/engine';
import { formatIsoDateTime } from '../../../shared/i18n/dates';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { RowActionButton } from '../../components/RowActionButton';
import { useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { LeversPanel } from './LeversPanel';
import { ScenarioComparisonTable } from './ScenarioComparisonTable';

type Pending =
  | { kind: 'rename'; scenario: ScenarioSummary }
  | { kind: 'delete'; scenario: ScenarioSummary }
  | { kind: 'adopt'; scenario: ScenarioSummary }
  | { kind: 'saveAs'; scenario: ScenarioSummary };

/** Scenarios: named copies of the year to try options on, compared side by side with the plan. */
export function ScenariosScreen() {
  const { t, lang } = useDisplay();
  const view = useMapio((s) => s.view);
  const request = useMapio((s) => s.request);
  const mutate = useMapio((s) => s.mutate);
  const setStatus = useMapio((s) => s.setStatus);
  const show = useMapio((s) => s.show);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [name, setName] = useState('');
  const [from, setFrom] = useState<'baseline' | 'rollForward'>('baseline');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<ScenarioCreated | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const open = view?.scenario ?? null;
  // The list and the comparison follow every change (an edit in a scenario, an undo).
  const viewKey = view;

  const load = useCallback(async () => {
    const outcome = await request('scenario.list', {});
    if (outcome.ok) setScenarios(outcome.result);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load, viewKey]);

  // Welsh months written out (Chromium's cy-GB data prints English ones).
  const when = (iso: string) => formatIsoDateTime(iso, lang, 'short');

  const compare = useCallback(
    async (ids: number[]) => {
      const outcome = await request('scenario.compare', { ids });
      if (outcome.ok) setComparison(outcome.result);
    },
    [request],
  );
  // Keep a comparison on screen up to date after edits and undo.
  const comparedIds = comparison ? comparison.scenarios.map((s) => s.id).filter((x): x is number => x !== null) : null;
  const comparedKey = comparedIds?.join(',') ?? null;
  useEffect(() => {
    if (comparedKey === null) return;
    const ids = comparedKey === '' ? [] : comparedKey.split(',').map(Number);
    const live = (scenarios ?? []).map((s) => s.id);
    void compare(ids.filter((x) => live.includes(x)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run when the data changes, not when the comparison itself arrives
  }, [viewKey, scenarios]);

  if (!view) return null;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setNameError(t('scenarios.nameRequired'));
      return;
    }
    setBusy(true);
    const outcome = await request('scenario.create', { name: name.trim(), from }, { fieldErrors: true });
    setBusy(false);
    if (!outcome.ok) {
      setNameError(outcome.error.issues?.[0]?.message ?? outcome.error.message);
      return;
    }
    setNameError(null);
    setName('');
    setScenarios(outcome.result.scenarios);
    setCreated(outcome.result);
    setStatus({ key: 'scenarios.created', params: { name: outcome.result.scenario.name } });
  };

  const enter = async (s: ScenarioSummary) => {
    const outcome = await request('scenario.enter', { id: s.id }, { viewOf: (v) => v });
    if (outcome.ok) setStatus({ key: 'scenarios.entered', params: { name: s.name } });
  };
  const leave = async () => {
    const outcome = await request('scenario.leave', {}, { viewOf: (v) => v });
    if (outcome.ok && open) setStatus({ key: 'scenarios.left', params: { name: open.name } });
  };

  const kindLabel = (s: ScenarioSummary) => (s.kind === 'roll_forward' ? t('scenarios.kind.roll_forward') : t('scenarios.kind.copy'));

  return (
    <div className="scenarios-screen">
      <div className="screen-head">
        <div>
          <h1>{t('scenarios.title')}</h1>
          <p className="intro">{t('scenarios.intro')}</p>
        </div>
      </div>

      {open ? <LeversPanel scenarioName={open.name} /> : null}

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
              <p id={`${id}-name-error`} className="field-message" role="alert">
                <span aria-hidden="true">⚠ </span>
                {nameError}
              </p>
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
            <p>{created.rollForward.leaverRefs.length > 0 ? t('scenarios.leavers', { count: created.rollForward.leaverRefs.length, refs: created.rollForward.leaverRefs.join(', ') }) : t('scenarios.noLeavers')}</p>
            {created.rollForward.endedIncome.length > 0 ? <p>{t('scenarios.endedIncome', { names: created.rollForward.endedIncome.join(', ') })}</p> : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('scenarios.listHeading')}</h2>
        {scenarios === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : scenarios.length === 0 ? (
          <p className="empty">{t('scenarios.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="scenario-list">
              <thead>
                <tr>
                  <th scope="col">{t('scenarios.col.compare')}</th>
                  <th scope="col">{t('scenarios.col.name')}</th>
                  <th scope="col">{t('scenarios.col.kind')}</th>
                  <th scope="col">{t('scenarios.col.updated')}</th>
                  <th scope="col">{t('scenarios.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((s) => {
                  const isOpen = open?.id === s.id;
                  return (
                    <tr key={s.id} data-testid={`scenario-row-${s.name}`} className={isOpen ? 'is-open' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('scenarios.compareThis', { name: s.name })}
                          checked={chosen.has(s.id)}
                          onChange={(e) => {
                            const next = new Set(chosen);
                            if (e.target.checked) next.add(s.id);
                            else next.delete(s.id);
                            setChosen(next);
                          }}
                        />
                      </td>
                      <th scope="row">
                        {s.name}
                        {isOpen ? <span className="pill pill-warn"> {t('scenarios.workingOn')}</span> : null}
                      </th>
                      <td>{kindLabel(s)}</td>
                      <td>
                        <time dateTime={s.updatedAt}>{when(s.updatedAt)}</time>
                      </td>
                      <td>
                        <div className="button-row compact">
                          {isOpen ? (
                            <button type="button" className="small" onClick={() => void leave()}>
                              {t('scenarios.backToPlan')}
                            </button>
                          ) : (
                            <RowActionButton label={t('scenarios.workOn')} rowName={s.name} tone="primary" onClick={() => void enter(s)} />
                          )}
                          <RowActionButton label={t('scenarios.rename')} rowName={s.name} onClick={() => setPending({ kind: 'rename', scenario: s })} />
                          <RowActionButton label={t('scenarios.adopt')} rowName={s.name} onClick={() => setPending({ kind: 'adopt', scenario: s })} />
                          <RowActionButton label={t('scenarios.saveAs')} rowName={s.name} onClick={() => setPending({ kind: 'saveAs', scenario: s })} />
                          <RowActionButton label={t('common.delete')} rowName={s.name} tone="danger" onClick={() => setPending({ kind: 'delete', scenario: s })} />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-compare`}>
        <h2 id={`${id}-compare`}>{t('scenarios.compare.heading')}</h2>
        <p className="muted">{t('scenarios.compare.intro')}</p>
        <div className="button-row">
          <button type="button" className="primary" disabled={chosen.size === 0} onClick={() => void compare([...chosen])} data-testid="compare-scenarios">
            {t('scenarios.compare.button', { count: chosen.size })}
          </button>
        </div>
        {comparison ? <ScenarioComparisonTable comparison={comparison} /> : null}
      </section>

      {pending?.kind === 'rename' ? (
        <RenameDialog
          scenario={pending.scenario}
          onClose={() => setPending(null)}
          onRenamed={() => {
            setPending(null);
            void load();
          }}
        />
      ) : null}
      {pending?.kind === 'saveAs' ? <SaveAsFileDialog scenario={pending.scenario} onClose={() => setPending(null)} /> : null}
      {pending?.kind === 'delete' ? (
        <ConfirmDialog
          danger
          title={t('scenarios.deleteTitle', { name: pending.scenario.name })}
          body={
            <>
              <p>{t('scenarios.deleteBody', { name: pending.scenario.name })}</p>
              <p>{t('scenarios.deleteNoUndo')}</p>
            </>
          }
          confirmLabel={t('scenarios.deleteConfirm')}
          onCancel={() => setPending(null)}
          onConfirm={async () => {
            const s = pending.scenario;
            setPending(null);
            const outcome = await request('scenario.delete', { id: s.id }, { viewOf: (r) => r.view });
            if (outcome.ok) {
              setScenarios(outcome.result.scenarios);
              setChosen((c) => new Set([...c].filter((x) => x !== s.id)));
              setStatus({ key: 'scenarios.deleted', params: { name: s.name } });
            }
          }}
        />
      ) : null}
      {pending?.kind === 'adopt' ? (
        <ConfirmDialog
          title={t('scenarios.adoptTitle', { name: pending.scenario.name })}
          body={
            <>
              <p>{t('scenarios.adoptBody', { name: pending.scenario.name })}</p>
              <p>{t('scenarios.adoptUndo')}</p>
            </>
          }
          confirmLabel={t('scenarios.adoptConfirm')}
          onCancel={() => setPending(null)}
          onConfirm={async () => {
            const s = pending.scenario;
            setPending(null);
            const outcome = await mutate('scenario.adopt', { id: s.id });
            if (outcome.ok) {
              setStatus({ key: 'scenarios.adopted', params: { name: s.name } });
              show('map');
            }
          }}
        />
      ) : null}
    </div>
  );
}

function RenameDialog(props: { scenario: ScenarioSummary; onClose: () => void; onRenamed: () => void }) {
  const { t } = useDisplay();
  const request = useMapio((s) => s.request);
  const [name, setName] = useState(props.scenario.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (name.trim() === '') return setError(t('scenarios.nameRequired'));
    const outcome = await request('scenario.rename', { id: props.scenario.id, name: name.trim() }, { fieldErrors: true });
    if (!outcome.ok) return setError(outcome.error.issues?.[0]?.message ?? outcome.error.message);
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
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void submit()}>
            {t('scenarios.rename')}
          </button>
        </>
      }
    >
      <form onSubmit={(e) => void submit(e)}>
        <div className={`field ${error ? 'field-error' : ''}`}>
          <label htmlFor={`${id}-n`}>{t('scenarios.name')}</label>
          <input id={`${id}-n`} type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-e` : undefined} />
          {error ? (
            <p id={`${id}-e`} className="field-message" role="alert">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}

function SaveAsFileDialog(props: { scenario: ScenarioSummary; onClose: () => void }) {
  const { t } = useDisplay();
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
    if (path.trim() === '') return setError(t('menu.pathDialog.pathRequired'));
    setBusy(true);
    const outcome = await request('scenario.saveAsFile', { id: props.scenario.id, path: path.trim() }, { quiet: true });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.issues?.[0]?.message ?? outcome.error.message);
    setStatus({ key: 'scenarios.savedAsFile', params: { name: props.scenario.name, path: outcome.result.file.path } });
    props.onClose();
  };
  return (
    <Dialog
      title={t('scenarios.saveAsTitle', { name: props.scenario.name })}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()} data-testid="save-scenario-file">
            {t('menu.pathDialog.saveButton')}
          </button>
        </>
      }
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
            <p id={`${id}-e`} className="field-message" role="alert">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
