/**
 * The authority as a whole, in its own block beside the schools table (never a row inside it, where a
 * filter or an ordering would carry it off): totals of what the schools reported and were allocated, and
 * the median across schools of each measure.
 */
import { useId } from 'react';
import type { AuthorityComparison, MeasureKey } from '../../../shared/authority/comparison';
import { useDisplay } from '../../display';
import { percent } from './authorityFigures';
import { comparisonWords } from '../../../shared/authority/comparisonWords';

export function AuthorityTotals(props: { comparison: AuthorityComparison }) {
  const { t, pounds, count, lang } = useDisplay();
  const words = comparisonWords(t, lang);
  const id = useId();
  const { totals, measures, notReturned, schools, listedSchools } = props.comparison;
  const median = (key: MeasureKey) => measures.find((m) => m.measure.key === key)?.median ?? null;
  const money = (p: number | null) => (p === null ? '' : pounds(p));
  const B = (k: string) => t(`compareBook.block.${k}`);
  const rows: Array<[string, string, string]> = [
    [B('schools'), count(totals.schools), ''],
    // Without the authority's list, no school can be known not to have returned: said in words, never 0.
    [B('notReturned'), listedSchools === null ? B('noList') : count(notReturned.length), ''],
    [B('roll'), count(totals.numberOnRoll), ''],
    // No allocation imported or entered reads as that, never £0.00; a total of some schools' allocations says whose.
    [words.publishedLabel(totals), totals.publishedAllocationPence === null ? B('publishedNone') : money(totals.publishedAllocationPence), ''],
    [B('delegated'), money(totals.delegatedIncomePence), ''],
    [B('committed'), money(totals.committedPence), money(median('committedPence'))],
    [B('allCosts'), money(totals.totalCostPence), ''],
    [t('authority.measure.spendPerLearnerWithAlnPence'), '', money(median('spendPerLearnerWithAlnPence'))],
    [t('authority.measure.spendPerPupilPence'), '', money(median('spendPerPupilPence'))],
    [t('authority.measure.alnShareOfRoll'), '', median('alnShareOfRoll') === null ? '' : percent(median('alnShareOfRoll') as number)],
  ];
  if (schools.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="authority-totals">
      <h2 id={`${id}-title`}>{B('title')}</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{B('figure')}</th>
            <th scope="col" className="num">
              {B('total')}
            </th>
            <th scope="col" className="num">
              {B('median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, total, med]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num money">{total}</td>
              <td className="num money">{med}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
