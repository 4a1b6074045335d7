import { useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/Dialog';
import { focusWhenShown } from '../../components/focusWhenShown';
import { DraftField, TextField, useReader } from '../../components/fields';
import { idpReviewDueOf, learnerName, namesOf, useDisplay } from '../../display';
import { readOptionalNumber } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { useEnrolmentShares } from '../../state/enrolmentShares';
import { checkMessage, checkTitle } from '../checks/checkText';
import { DecisionClockText } from './DecisionClockText';
import { LearnerForm } from './LearnerForm';
import { EnrolmentWeeks } from './EnrolmentWeeks';
import { LearnerProgressPanel } from '../impact/ImpactPanels';
import { ButtonCell, DataTable } from '../../components/DataTable';

/** One learner's own provision map: their lines across the tiers, with entry and exit measures. */
export function LearnerPage(props: { learnerId: number }) {
  const { t, pounds, hours, date, yearGroup, nameOf, lang } = useDisplay();
  const { fromParsed } = useReader();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const openLearner = useMapio((s) => s.openLearner);
  const show = useMapio((s) => s.show);
  const selectLine = useMapio((s) => s.selectLine);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [toEnrol, setToEnrol] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const id = useId();
  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);
  const shares = useEnrolmentShares({ learnerId: props.learnerId });

  if (!view || !data || !names) return null;
  const learner = names.learners.get(props.learnerId);
  if (!learner) return null;
  const name = learnerName(learner);
  const cost = view.costed.learners.find((c) => c.learnerId === learner.id);
  const enrolments = data.enrolments.filter((e) => e.learnerId === learner.id);
  const costedLines = new Map(view.costed.lines.map((c) => [c.lineId, c]));
  const tiers = [...data.tiers].sort((a, b) => a.sortOrder - b.sortOrder);
  const enrolledLineIds = new Set(enrolments.map((e) => e.lineId));
  const otherLines = data.lines.filter((l) => !enrolledLineIds.has(l.id));
  const checks = view.costed.checks.filter(
    (c) => (c.subject.kind === 'learner' && c.subject.id === learner.id) || (c.subject.kind === 'enrolment' && enrolments.some((e) => c.subject.kind === 'enrolment' && e.id === c.subject.id)),
  );

  const enrolSelected = async () => {
    setBusy(true);
    for (const lineId of toEnrol) {
      const outcome = await mutate('enrolments.createMany', { lineId, learnerIds: [learner.id] });
      if (!outcome.ok) break;
    }
    setBusy(false);
    setToEnrol(new Set());
  };

  return (
    <div className="learner-page">
      <button type="button" className="link-button" onClick={() => openLearner(null)}>
        ← {t('learner.back')}
      </button>
      <div className="screen-head">
        <div>
          <h1>{t('learner.title', { name })}</h1>
          <p className="intro">{t('learner.summary', { status: t(`enums.alnStatus.${learner.alnStatus}`), year: yearGroup(learner.yearGroup), ref: learner.ref })}</p>
        </div>
        <div className="button-row">
          <button type="button" onClick={() => setEditing(true)}>
            {t('learner.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            {t('learner.delete')}
          </button>
        </div>
      </div>

      <dl className="kv card" style={{ maxWidth: '34rem' }}>
        <dt>{t('learner.totalCost')}</dt>
        <dd className="money strong" data-testid="learner-cost">
          {pounds(cost?.costPence ?? 0)}
        </dd>
        <dt>{t('learner.alpHours')}</dt>
        <dd>{hours(cost?.alpMinutesPerWeek ?? 0)}</dd>
        <dt>{t('learner.idpHours')}</dt>
        <dd>{learner.idpAlpMinutesPerWeek !== null ? hours(learner.idpAlpMinutesPerWeek) : t('common.notSet')}</dd>
        <dt>{t('learners.col.reviewDue')}</dt>
        <dd>{date(idpReviewDueOf(learner))}</dd>
        {learner.referredOn ? (
          <>
            <dt>{t('learners.field.referredOn')}</dt>
            <dd>{date(learner.referredOn)}</dd>
            <dt>{t('learner.decision')}</dt>
            <dd data-testid="learner-decision">
              <DecisionClockText learner={learner} clock={view.costed.decisions.find((d) => d.learnerId === learner.id)} />
            </dd>
          </>
        ) : null}
      </dl>

      {checks.length > 0 ? (
        <section className="card" aria-labelledby={`${id}-checks`}>
          <h2 id={`${id}-checks`}>{t('learner.checks')}</h2>
          <ul className="check-list">
            {checks.map((c, i) => (
              <li key={i}>
                <span>
                  <strong>
                    <span aria-hidden="true">⚠ </span>
                    {checkTitle(c, t)}
                  </strong>
                  <br />
                  {checkMessage(c, names, { t, date, lang })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {enrolments.length > 0 ? <LearnerProgressPanel learnerId={learner.id} /> : null}

      {enrolments.length === 0 ? <p className="empty">{t('learner.noProvision')}</p> : null}
      {tiers.map((tier) => {
        const rows = enrolments.filter((e) => names.lines.get(e.lineId)?.tierId === tier.id);
        if (rows.length === 0) return null;
        return (
          <section key={tier.id} className="tier-group" aria-labelledby={`${id}-tier-${tier.id}`}>
            <h2 id={`${id}-tier-${tier.id}`}>
              {nameOf(tier)} <span className={`tier-badge ${tier.isAlp ? 'is-alp' : ''}`}>{tier.isAlp ? t('map.tierAlp') : t('map.tierNotAlp')}</span>
            </h2>
            <DataTable
              className="learner-enrolments"
              columns={[
                { label: t('learner.col.line') },
                { label: t('learner.col.weeks') },
                { label: t('learner.col.minutes') },
                { label: t('learner.col.measure') },
                { label: t('learner.col.unit') },
                { label: t('learner.col.entry') },
                { label: t('learner.col.exit') },
                { label: t('learner.col.share'), className: 'num' },
                { label: t('learner.col.actions'), hidden: true },
              ]}
            >
              {rows.map((e) => {
                const line = names.lines.get(e.lineId);
                const costed = costedLines.get(e.lineId);
                const lineName = nameOf(line, t('common.unknownName'));
                const update = async (changes: Record<string, unknown>) => problemOf(await mutate('enrolments.update', { id: e.id, changes }, { fieldErrors: true }));
                // The measure's name and unit in the school's own words, in English and in Welsh.
                // Each measure and unit is a pair of boxes, the school's English then its Welsh: each box says which.
                const measureText = (field: 'measureName' | 'measureNameCy' | 'measureUnit' | 'measureUnitCy', labelKey: string, className?: string) => (
                  <TextField
                    hideLabel
                    className={className}
                    label={`${t(labelKey)}: ${lineName}`}
                    placeholder={t(field.endsWith('Cy') ? 'learner.col.welshBox' : 'learner.col.englishBox')}
                    value={e[field]}
                    commit={(v) => update({ [field]: v })}
                  />
                );
                return (
                  <tr key={e.id}>
                    <td>
                      <button
                        type="button"
                        className="row-title"
                        onClick={() => {
                          selectLine(e.lineId);
                          show('map');
                        }}
                      >
                        {lineName}
                      </button>
                    </td>
                    <td>
                      <EnrolmentWeeks enrolment={e} lineName={lineName} lastWeek={data.calendar.weekStarts.length || 38} />
                    </td>
                    <td>{costed ? hours(costed.learnerMinutesPerWeek) : t('common.dash')}</td>
                    <td>
                      {measureText('measureName', 'learner.col.measure')}
                      {measureText('measureNameCy', 'learner.col.measureCy', 'measure-cy')}
                    </td>
                    <td>
                      {measureText('measureUnit', 'learner.col.unit', 'narrow')}
                      {measureText('measureUnitCy', 'learner.col.unitCy', 'narrow measure-cy')}
                    </td>
                    <td>
                      <DraftField
                        hideLabel
                        className="narrow"
                        label={`${t('learner.col.entry')}: ${lineName}`}
                        value={e.entryValue}
                        format={(v) => (v === null ? '' : String(v))}
                        inputMode="decimal"
                        read={(s) => fromParsed(readOptionalNumber(s))}
                        commit={(v) => update({ entryValue: v })}
                      />
                    </td>
                    <td>
                      <DraftField
                        hideLabel
                        className="narrow"
                        label={`${t('learner.col.exit')}: ${lineName}`}
                        value={e.exitValue}
                        format={(v) => (v === null ? '' : String(v))}
                        inputMode="decimal"
                        read={(s) => fromParsed(readOptionalNumber(s))}
                        commit={(v) => update({ exitValue: v })}
                      />
                    </td>
                    <td className="num money">{shares ? pounds(shares.get(e.id) ?? 0) : t('common.dash')}</td>
                    <ButtonCell text={t('common.remove')} label={t('learner.removeFromLine', { line: lineName })} onClick={() => void mutate('enrolments.delete', { ids: [e.id] })} />
                  </tr>
                );
              })}
            </DataTable>
          </section>
        );
      })}

      <section className="card" aria-labelledby={`${id}-enrol`}>
        <h2 id={`${id}-enrol`}>{t('learner.enrolBulk')}</h2>
        {otherLines.length === 0 ? (
          <p className="muted">{t('learner.noOtherLines')}</p>
        ) : (
          <>
            <p className="muted">{t('learner.enrolBulkHint', { name })}</p>
            <ul className="pick-list">
              {otherLines.map((l) => (
                <li key={l.id}>
                  <input
                    id={`${id}-line-${l.id}`}
                    type="checkbox"
                    checked={toEnrol.has(l.id)}
                    onChange={(ev) => {
                      const next = new Set(toEnrol);
                      if (ev.target.checked) next.add(l.id);
                      else next.delete(l.id);
                      setToEnrol(next);
                    }}
                  />
                  <label htmlFor={`${id}-line-${l.id}`}>
                    <span className="pick-name">{nameOf(l)}</span> <span className="muted">· {nameOf(names.tiers.get(l.tierId), l.tierId)}</span>
                  </label>
                </li>
              ))}
            </ul>
            <div className="button-row">
              <button type="button" className="primary" disabled={busy || toEnrol.size === 0} onClick={() => void enrolSelected()}>
                {t('learner.enrolOnSelected')}
              </button>
            </div>
          </>
        )}
      </section>

      {editing ? <LearnerForm learner={learner} onClose={() => setEditing(false)} /> : null}
      {deleting ? (
        <ConfirmDialog
          danger
          title={t('learners.deleteTitle')}
          body={<p>{t('learners.deleteBody', { name, count: enrolments.length })}</p>}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            setDeleting(false);
            const outcome = await mutate('learners.delete', { id: learner.id });
            if (outcome.ok) {
              openLearner(null);
              // The page and its Delete button are gone: focus goes to the list's screen, not to the page itself.
              focusWhenShown('#main');
            }
          }}
        />
      ) : null}
    </div>
  );
}
