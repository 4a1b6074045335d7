import { useCallback, useEffect, useId, useState } from 'react';
import type { ScenarioSummary } from '../../../shared/api/contract';
import type { ScenarioComparison } from '../../../shared/engine';
import { ConfirmDialog } from '../../components/Dialog';
import { useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { LeversPanel } from './LeversPanel';
import { ScenarioComparisonTable } from './ScenarioComparisonTable';
import { CreateScenarioForm } from './CreateScenarioForm';
import { RenameDialog, SaveAsFileDialog } from './ScenarioDialogs';
import { ScenarioList, type ScenarioAction } from './ScenarioList';

type Pending = { kind: ScenarioAction; scenario: ScenarioSummary };

/**
 * Scenarios: named copies of the year to try options on, compared side by side with the plan. The screen
 * composes its sections (the levers of the open scenario, creating one, the list, the comparison) and owns
 * what they share: the list, the scenarios chosen to compare, and the confirmations.
 */
export function ScenariosScreen() {
  const { t } = useDisplay();
  const view = useMapio((s) => s.view);
  const request = useMapio((s) => s.request);
  const mutate = useMapio((s) => s.mutate);
  const setStatus = useMapio((s) => s.setStatus);
  const show = useMapio((s) => s.show);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
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

  const enter = async (s: ScenarioSummary) => {
    const outcome = await request('scenario.enter', { id: s.id }, { viewOf: (v) => v });
    if (outcome.ok) setStatus({ key: 'scenarios.entered', params: { name: s.name } });
  };
  const leave = async () => {
    const outcome = await request('scenario.leave', {}, { viewOf: (v) => v });
    if (outcome.ok && open) setStatus({ key: 'scenarios.left', params: { name: open.name } });
  };

  return (
    <div className="scenarios-screen">
      <div className="screen-head">
        <div>
          <h1>{t('scenarios.title')}</h1>
          <p className="intro">{t('scenarios.intro')}</p>
        </div>
      </div>

      {open ? <LeversPanel scenarioName={open.name} /> : null}

      <CreateScenarioForm onCreated={(result) => setScenarios(result.scenarios)} />

      <ScenarioList
        scenarios={scenarios}
        open={open}
        chosen={chosen}
        onChoose={setChosen}
        onEnter={(s) => void enter(s)}
        onLeave={() => void leave()}
        onAction={(kind, scenario) => setPending({ kind, scenario })}
      />

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
