/** The school's scenarios: each with when it last changed, a box to compare it, and its actions. */
import { useId } from 'react';
import type { ScenarioSummary } from '../../../shared/api/contract';
import { formatIsoDateTime } from '../../../shared/i18n/dates';
import { RowActionButton } from '../../components/RowActionButton';
import { useDisplay } from '../../display';
import { DataTable } from '../../components/DataTable';

export type ScenarioAction = 'rename' | 'delete' | 'adopt' | 'saveAs';

export function ScenarioList(props: {
  scenarios: ScenarioSummary[] | null;
  open: { id: number; name: string } | null;
  chosen: Set<number>;
  onChoose: (chosen: Set<number>) => void;
  onEnter: (s: ScenarioSummary) => void;
  onLeave: () => void;
  onAction: (kind: ScenarioAction, s: ScenarioSummary) => void;
}) {
  const { t, lang } = useDisplay();
  const { scenarios, open, chosen } = props;
  const id = useId();
  // Welsh months written out (Chromium's cy-GB data prints English ones).
  const when = (iso: string) => formatIsoDateTime(iso, lang, 'short');
  const kindLabel = (s: ScenarioSummary) => (s.kind === 'roll_forward' ? t('scenarios.kind.roll_forward') : t('scenarios.kind.copy'));
  return (
    <section className="card" aria-labelledby={`${id}-list`}>
      <h2 id={`${id}-list`}>{t('scenarios.listHeading')}</h2>
      {scenarios === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : scenarios.length === 0 ? (
        <p className="empty">{t('scenarios.none')}</p>
      ) : (
        <DataTable
          testId="scenario-list"
          columns={[
            { label: t('scenarios.col.compare') },
            { label: t('scenarios.col.name') },
            { label: t('scenarios.col.kind') },
            { label: t('scenarios.col.updated') },
            { label: t('scenarios.col.actions') },
          ]}
        >
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
                      props.onChoose(next);
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
                      <button type="button" className="small" onClick={props.onLeave}>
                        {t('scenarios.backToPlan')}
                      </button>
                    ) : (
                      <RowActionButton label={t('scenarios.workOn')} rowName={s.name} tone="primary" onClick={() => props.onEnter(s)} />
                    )}
                    <RowActionButton label={t('scenarios.rename')} rowName={s.name} onClick={() => props.onAction('rename', s)} />
                    <RowActionButton label={t('scenarios.adopt')} rowName={s.name} onClick={() => props.onAction('adopt', s)} />
                    <RowActionButton label={t('scenarios.saveAs')} rowName={s.name} onClick={() => props.onAction('saveAs', s)} />
                    <RowActionButton label={t('common.delete')} rowName={s.name} tone="danger" onClick={() => props.onAction('delete', s)} />
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
