/**
 * A newer return beside the one held for the school and year: the headline figures side by side (roll,
 * learners with ALN, committed spend, income, budget position), so the officer sees what changes before
 * choosing to use the newer one.
 */
import type { ReturnChanges, ReturnHeadline } from '../../../shared/authority/returnHeadline';
import { useDisplay } from '../../display';
import { countText } from './authorityFigures';

export function ReturnChangesTable(props: { changes: ReturnChanges }) {
  const { t, pounds, count } = useDisplay();
  const { held, incoming } = props.changes;
  const rows: Array<{ key: string; value: (h: ReturnHeadline) => string }> = [
    { key: 'roll', value: (h) => count(h.numberOnRoll) },
    { key: 'aln', value: (h) => countText(h.learnersWithAln, t) },
    { key: 'committed', value: (h) => pounds(h.committedPence) },
    { key: 'income', value: (h) => pounds(h.incomePence) },
    { key: 'position', value: (h) => pounds(h.positionPence) },
  ];
  return (
    <table className="data-table compact return-changes" data-testid="return-changes">
      <caption>{t('authority.changes.caption', { file: incoming.fileName, held: held.fileName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('authority.changes.figure')}</th>
          <th scope="col" className="num">
            {t('authority.changes.held', { file: held.fileName })}
          </th>
          <th scope="col" className="num">
            {t('authority.changes.incoming', { file: incoming.fileName })}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.value(held) === r.value(incoming) ? undefined : 'changed'}>
            <th scope="row">{t(`authority.changes.${r.key}`)}</th>
            <td className="num money">{r.value(held)}</td>
            <td className="num money">{r.value(incoming)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
