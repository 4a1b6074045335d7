/**
 * The same intervention classed as ALP at some schools and not ALP at others (004: "ALP in one setting
 * would be regarded as 'universal provision' in another"), with the schools, learners and cost on each
 * side; and the matching behind it, which the officer can correct by merging one name into another.
 */
import { useMapio } from '../../state/store';
import { problemText } from '../../errors/localisedError';
import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useDisplay } from '../../display';
import type { AuthorityComparison, ClassificationSide, InterventionGroup, LearnerTally } from '../../../shared/authority/comparison';
import { useAuthority } from './authorityState';
import { TableHead } from '../../components/TableHead';
import { DataTable } from '../../components/DataTable';
import { comparisonWords } from '../../../shared/authority/comparisonWords';
import { FieldMessage } from '../../components/FieldMessage';

function useLearnerWords() {
  const { t } = useTranslator();
  return (tally: LearnerTally) =>
    tally.linesWithFewerThan5 > 0
      ? t('authority.classification.learnersWithSmall', { count: tally.known, lines: tally.linesWithFewerThan5 })
      : t('authority.classification.learners', { count: tally.known });
}

function Side(props: { side: ClassificationSide; alp: boolean; testId: string }) {
  const { t, pounds, typedText, lang } = useDisplay();
  const words = comparisonWords(t, lang);
  const learners = useLearnerWords();
  const fewer = t('authority.fewerThan5');
  const learnerCount = (tally: LearnerTally) => (tally.linesWithFewerThan5 === 0 ? String(tally.known) : tally.known === 0 ? fewer : `${tally.known} + ${fewer}`);
  const { side } = props;
  return (
    <div className={`class-side ${props.alp ? 'is-alp' : 'not-alp'}`} data-testid={props.testId}>
      <h4>
        <span className={`tier-badge ${props.alp ? 'is-alp' : ''}`}>{props.alp ? t('authority.classification.alp') : t('authority.classification.notAlp')}</span>{' '}
        {t('authority.classification.atSchools', { count: side.schoolCount })}
      </h4>
      <p className="class-total">{t('authority.classification.sideTotal', { learners: learners(side.learners), cost: pounds(side.costPence) })}</p>
      <table className="data-table compact">
        <TableHead
          columns={[
            { label: t('authority.col.school') },
            { label: t('authority.classification.tierCol') },
            { label: t('authority.classification.learnersCol'), className: 'num' },
            { label: t('authority.classification.costCol'), className: 'num' },
          ]}
        />
        <tbody>
          {side.schools.map((s) => (
            <tr key={s.schoolKey}>
              <th scope="row">{typedText(s.schoolName, s.schoolNameCy)}</th>
              <td>{words.tiers(s)}</td>
              <td className="num money">{learnerCount(s.learners)}</td>
              <td className="num money">{pounds(s.costPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Difference(props: { group: InterventionGroup }) {
  const { t, lang } = useDisplay();
  const g = props.group;
  // The heading and the names the schools wrote in the reader's language (for a Welsh reader, the Welsh each school gave).
  const words = comparisonWords(t, lang);
  const name = words.intervention(g);
  const written = words.variants(g);
  const others = written.filter((v) => v !== name);
  return (
    <li className="class-diff" data-testid={`difference-${g.matchKey}`}>
      <h3>{name}</h3>
      <p className="muted">
        {others.length > 0 ? t('authority.classification.writtenAs', { names: written.join(' · ') }) : null}
        {g.mapped ? ` ${t('authority.classification.mappedNote')}` : ''}
      </p>
      <div className="class-sides">
        <Side side={g.alp} alp testId={`difference-${g.matchKey}-alp`} />
        <Side side={g.notAlp} alp={false} testId={`difference-${g.matchKey}-not-alp`} />
      </div>
    </li>
  );
}

export function ClassificationDifferences(props: { comparison: AuthorityComparison }) {
  const { t } = useTranslator();
  const id = useId();
  const diffs = props.comparison.classificationDifferences;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="classification-section">
      <h2 id={`${id}-title`}>{t('authority.classification.title', { count: diffs.length })}</h2>
      <p className="intro">{t('authority.classification.intro')}</p>
      {diffs.length === 0 ? (
        <p className="empty">{t('authority.classification.none')}</p>
      ) : (
        <ul className="plain-list class-diff-list">
          {diffs.map((g) => (
            <Difference key={g.matchKey} group={g} />
          ))}
        </ul>
      )}
      <Matching comparison={props.comparison} />
    </section>
  );
}

/** The officer's correction: every intervention as matched, and "treat this as the same as …". */
function Matching(props: { comparison: AuthorityComparison }) {
  const { t, lang } = useDisplay();
  const id = useId();
  const setMapping = useAuthority((s) => s.setMapping);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groups = props.comparison.interventions;
  // Each intervention named as the rest of the screen names it (the Welsh the schools gave it, for a Welsh
  // reader); what is merged into stays the English name the matching keys on.
  const shown = comparisonWords(t, lang).intervention;
  const names = groups.map((g) => ({ value: g.displayName, label: shown(g) })).sort((a, b) => a.label.localeCompare(b.label, lang === 'cy' ? 'cy' : 'en-GB'));

  // A row's choice is spent once its merge (or undo) is made: when an undone merge brings the row back, it
  // offers the empty prompt again rather than the target it was just taken out of.
  const apply = async (matchKey: string, pairs: Array<{ normalisedName: string; canonicalName: string }>) => {
    setBusy(true);
    let message: string | null = null;
    for (const pair of pairs) {
      const outcome = await setMapping(pair);
      if (!outcome.ok) {
        message = problemText(outcome.error, useMapio.getState().lang);
        break;
      }
    }
    setBusy(false);
    setProblem(message);
    if (message === null) setTarget(({ [matchKey]: _spent, ...rest }) => rest);
  };

  return (
    <details className="matching" data-testid="matching">
      <summary>{t('authority.matching.summary', { count: groups.length })}</summary>
      <p className="intro">{t('authority.matching.intro')}</p>
      {problem ? <FieldMessage>{problem}</FieldMessage> : null}
      <DataTable
        className="compact"
        caption={t('authority.matching.caption')}
        columns={[
          { label: t('authority.matching.interventionCol') },
          { label: t('authority.matching.namesCol') },
          { label: t('authority.matching.schoolsCol'), className: 'num' },
          { label: t('authority.matching.mergeCol') },
        ]}
      >
        {groups.map((g) => {
          const choice = target[g.matchKey] ?? '';
          const mappedNames = g.normalisedNames.filter((n) => props.comparison.mapping[n] !== undefined);
          return (
            <tr key={g.matchKey} data-testid={`matching-${g.matchKey}`}>
              <th scope="row">
                {shown(g)}
                {g.classedDifferently ? <span className="cell-sub warn">{t('authority.matching.classedDifferently')}</span> : null}
              </th>
              <td>{g.variants.join(' · ')}</td>
              <td className="num money">{g.alp.schoolCount + g.notAlp.schoolCount}</td>
              <td>
                <div className="inline-form">
                  <label className="visually-hidden" htmlFor={`${id}-${g.matchKey}`}>
                    {t('authority.matching.mergeLabel', { name: shown(g) })}
                  </label>
                  <select id={`${id}-${g.matchKey}`} value={choice} disabled={busy} data-testid={`merge-target-${g.matchKey}`} onChange={(e) => setTarget({ ...target, [g.matchKey]: e.target.value })}>
                    <option value="">{t('authority.matching.choose')}</option>
                    {names
                      .filter((n) => n.value !== g.displayName)
                      .map((n) => (
                        <option key={n.value} value={n.value}>
                          {n.label}
                        </option>
                      ))}
                  </select>
                  <button
                    type="button"
                    className="small"
                    disabled={busy || choice === ''}
                    data-testid={`merge-${g.matchKey}`}
                    onClick={() =>
                      void apply(
                        g.matchKey,
                        g.normalisedNames.map((n) => ({ normalisedName: n, canonicalName: choice })),
                      )
                    }
                  >
                    {t('authority.matching.merge')}
                  </button>
                  {mappedNames.length > 0 ? (
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      onClick={() =>
                        void apply(
                          g.matchKey,
                          mappedNames.map((n) => ({ normalisedName: n, canonicalName: '' })),
                        )
                      }
                    >
                      {t('authority.matching.unmerge')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </details>
  );
}
