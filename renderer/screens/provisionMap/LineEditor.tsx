import { useMemo, useState } from 'react';
import { DELIVERY_LANGUAGES, FUNDING_SOURCES, type InterventionLine } from '../../../shared/domain';
import { MAX_GROUPS, MAX_PLACES_PER_GROUP, MAX_STAFF_PER_GROUP } from '../../../shared/limits';
import { ConfirmDialog } from '../../components/Dialog';
import { RowActionButton } from '../../components/RowActionButton';
import { EditorPanel, useEscapeClosesEditor } from '../../components/EditorPanel';
import { CheckboxGroup, DraftField, poundsForField, SelectField, useReader, type Commit } from '../../components/fields';
import { learnerName, namesOf, useDisplay } from '../../display';
import {
  formatHundredths,
  readMinutes,
  readSessionMinutes,
  readSessionsPerWeek,
  readWeek,
  readWeekList,
  readWholeNumber,
} from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';
import { EnrolPicker } from './EnrolPicker';
import { LineImpactPanel } from '../impact/ImpactPanels';

type LineChanges = Partial<Omit<InterventionLine, 'id'>>;

/** The selected line as a form: every change saves at once (debounced), and the totals follow. */
export function LineEditor(props: { line: InterventionLine; onClose: () => void }) {
  const { t, pounds, date, nameOf } = useDisplay();
  const { fromParsed, money } = useReader();
  const { line } = props;
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const mutateFrom = useMapio((s) => s.mutateFrom);
  const selectLine = useMapio((s) => s.selectLine);
  const setStatus = useMapio((s) => s.setStatus);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [picking, setPicking] = useState(false);

  const data = view?.data;
  const names = useMemo(() => (data ? namesOf(data) : null), [data]);

  useEscapeClosesEditor(props.onClose);

  if (!view || !data || !names) return null;
  const costed = view.costed.lines.find((c) => c.lineId === line.id);
  const lastWeek = data.calendar.weekStarts.length || 38;
  const enrolments = data.enrolments.filter((e) => e.lineId === line.id);

  const save: Commit<LineChanges> = async (changes) => problemOf(await mutate('lines.update', { id: line.id, changes }, { fieldErrors: true }));
  /**
   * A change to a list on the line (its staff, its other costs) built from the line as last saved when
   * the change's turn in the queue comes, not as last rendered: a second change made before the first
   * save returns keeps the first.
   */
  const saveFrom = async (change: (latest: InterventionLine) => LineChanges): Promise<string | null> => {
    const outcome = await mutateFrom(
      'lines.update',
      (v) => {
        const latest = v.data.lines.find((l) => l.id === line.id);
        return latest ? { id: line.id, changes: change(latest) } : null;
      },
      { fieldErrors: true },
    );
    return outcome ? problemOf(outcome) : null;
  };
  const field =
    <K extends keyof LineChanges>(key: K): Commit<NonNullable<LineChanges[K]>> =>
    (value) =>
      save({ [key]: value } as LineChanges);

  const readStartWeek = (text: string) => {
    const r = fromParsed(readWeek(text, lastWeek));
    if (r.ok && r.value + line.weeks - 1 > lastWeek) return { ok: false as const, message: t('errors.runBeyondYear', { last: lastWeek }) };
    return r;
  };
  const readWeeks = (text: string) => {
    const r = fromParsed(readWholeNumber(text, 1, lastWeek));
    if (r.ok && line.startWeek + r.value - 1 > lastWeek) return { ok: false as const, message: t('errors.runBeyondYear', { last: lastWeek }) };
    return r;
  };
  const lineEnd = line.startWeek + Math.max(line.weeks, 1) - 1;
  const startDate = data.calendar.weekStarts[line.startWeek - 1] ?? null;

  const duplicate = async () => {
    const outcome = await mutate('lines.duplicate', { id: line.id });
    const created = outcome.ok ? outcome.result.createdIds?.[0] : undefined;
    if (created) {
      selectLine(created);
      setStatus({ key: 'line.duplicated', params: { name: line.name } });
    }
  };
  const remove = async () => {
    setConfirmDelete(false);
    const outcome = await mutate('lines.delete', { id: line.id });
    if (outcome.ok) {
      setStatus({ key: 'line.deleted', params: { name: line.name } });
      props.onClose();
    }
  };

  const staffOptions = data.staff.map((s) => ({ value: String(s.id), label: s.name }));
  const unassigned = data.staff.filter((s) => !line.staff.some((a) => a.staffId === s.id));

  return (
    <EditorPanel
      titleId="line-editor-title"
      testId="line-editor"
      eyebrow={t('line.editorTitle')}
      name={line.name}
      closeLabel={t('line.closeEditor')}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={() => void duplicate()} data-testid="duplicate-line">
            {t('common.duplicate')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)} data-testid="delete-line">
            {t('common.delete')}
          </button>
        </>
      }
    >

      <div className="editor-body">
        <section className="figures" aria-labelledby="line-figures">
          <h3 id="line-figures">{t('line.figures')}</h3>
          {costed ? (
            <dl className="figure-list">
              <div>
                <dt>{t('line.cost')}</dt>
                <dd className="money strong" data-testid="editor-line-cost">
                  {pounds(costed.costPence)}
                </dd>
              </div>
              <div>
                <dt>{t('line.staffCost')}</dt>
                <dd className="money">{pounds(costed.staffCostPence)}</dd>
              </div>
              <div>
                <dt>{t('line.nonStaffCost')}</dt>
                <dd className="money">{pounds(costed.nonStaffCostPence)}</dd>
              </div>
              <div>
                <dt>{t('line.costToDate')}</dt>
                <dd className="money">{pounds(costed.costToDatePence)}</dd>
              </div>
              <div>
                <dt>{t('map.col.costPerLearner')}</dt>
                <dd className="money">{pounds(costed.costPerLearnerPence)}</dd>
              </div>
              <div>
                <dt>{t('map.col.costPerPlace')}</dt>
                <dd className="money">{pounds(costed.costPerPlacePence)}</dd>
              </div>
              <div className="wide">
                <dt>{t('line.financialYears')}</dt>
                <dd>
                  {costed.financialYears.years.map((y, i) => (
                    <span key={y} className="fy">
                      {t('line.fyValue', { year: `${y}-${String((y + 1) % 100).padStart(2, '0')}`, amount: pounds(costed.financialYears.pence[i]) })}
                    </span>
                  ))}
                </dd>
              </div>
            </dl>
          ) : null}
        </section>

        <div className="form-grid">
          <DraftField
            className="span-2"
            label={t('line.name')}
            value={line.name}
            format={(v) => v}
            read={(s) => (s.trim() === '' ? { ok: false, message: t('errors.required') } : { ok: true, value: s.trim() })}
            commit={field('name')}
            testId="line-name"
          />
          <SelectField
            label={t('line.tier')}
            value={line.tierId}
            options={[...data.tiers].sort((a, b) => a.sortOrder - b.sortOrder).map((x) => ({ value: x.id, label: `${nameOf(x)} (${x.isAlp ? t('map.tierAlp') : t('map.tierNotAlp')})` }))}
            commit={field('tierId')}
          />
          <SelectField
            label={t('line.language')}
            value={line.deliveryLanguage}
            options={DELIVERY_LANGUAGES.map((l) => ({ value: l, label: t(`enums.deliveryLanguage.${l}`) }))}
            commit={field('deliveryLanguage')}
          />
          <div className="span-2">
            <CheckboxGroup
              legend={t('line.areas')}
              options={[...data.areas].sort((a, b) => a.sortOrder - b.sortOrder).map((a) => ({ value: a.id, label: nameOf(a) }))}
              value={line.areaIds}
              commit={field('areaIds')}
            />
          </div>
          <SelectField
            label={t('line.fundingSource')}
            value={line.fundingSource}
            options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`enums.fundingSource.${f}`) }))}
            commit={field('fundingSource')}
          />
          <DraftField label={t('line.fundingNote')} value={line.fundingNote} format={(v) => v} read={(s) => ({ ok: true, value: s })} commit={field('fundingNote')} />
        </div>

        <fieldset className="subform">
          <legend>{t('line.staff')}</legend>
          {line.staff.length === 0 ? <p className="muted">{t('line.noStaffYet')}</p> : null}
          {line.staff.map((a, i) => {
            const who = names.staff.get(a.staffId)?.name ?? t('common.unknownName');
            return (
              <div key={`${a.staffId}-${i}`} className="row-fields">
                <SelectField
                  label={t('line.staffMember')}
                  value={String(a.staffId)}
                  options={staffOptions.filter((o) => o.value === String(a.staffId) || !line.staff.some((x) => String(x.staffId) === o.value))}
                  commit={(v) => saveFrom((l) => ({ staff: l.staff.map((x) => (x.staffId === a.staffId ? { ...x, staffId: Number(v) } : x)) }))}
                />
                <DraftField
                  className="narrow"
                  label={t('line.staffCount')}
                  value={a.count}
                  format={String}
                  inputMode="numeric"
                  read={(s) => fromParsed(readWholeNumber(s, 1, MAX_STAFF_PER_GROUP))}
                  commit={(count) => saveFrom((l) => ({ staff: l.staff.map((x) => (x.staffId === a.staffId ? { ...x, count } : x)) }))}
                />
                <RowActionButton label={t('common.remove')} rowName={who} onClick={() => void saveFrom((l) => ({ staff: l.staff.filter((x) => x.staffId !== a.staffId) }))} />
              </div>
            );
          })}
          {unassigned.length > 0 ? (
            <button
              type="button"
              className="small"
              onClick={() =>
                void saveFrom((l) => {
                  const first = data.staff.find((s) => !l.staff.some((x) => x.staffId === s.id));
                  return first ? { staff: [...l.staff, { staffId: first.id, count: 1 }] } : {};
                })
              }
            >
              + {t('line.addStaff')}
            </button>
          ) : data.staff.length === 0 ? (
            <p className="muted">{t('line.noStaffToAdd')}</p>
          ) : null}
        </fieldset>

        <div className="form-grid">
          <DraftField
            label={t('line.minutesPerSession')}
            value={line.minutesPerSession}
            format={String}
            inputMode="numeric"
            suffix={t('common.minUnit')}
            read={(s) => fromParsed(readSessionMinutes(s, line.sessionsPerWeekHundredths))}
            commit={field('minutesPerSession')}
            testId="line-minutes"
          />
          <DraftField
            label={t('line.planningMinutes')}
            value={line.planningMinutesPerSession}
            format={String}
            inputMode="numeric"
            suffix={t('common.minUnit')}
            read={(s) => fromParsed(readMinutes(s))}
            commit={field('planningMinutesPerSession')}
          />
          <DraftField
            label={t('line.sessionsPerWeek')}
            hint={t('line.sessionsPerWeekHint')}
            value={line.sessionsPerWeekHundredths}
            format={formatHundredths}
            inputMode="decimal"
            read={(s) => fromParsed(readSessionsPerWeek(s, line.minutesPerSession))}
            commit={field('sessionsPerWeekHundredths')}
            testId="line-sessions"
          />
          <DraftField
            label={t('line.startWeek')}
            hint={startDate ? t('line.startWeekHint', { first: 1, last: lastWeek, week: line.startWeek, date: date(startDate) }) : undefined}
            value={line.startWeek}
            format={String}
            inputMode="numeric"
            read={readStartWeek}
            commit={field('startWeek')}
            testId="line-start-week"
          />
          <DraftField label={t('line.weeks')} value={line.weeks} format={String} inputMode="numeric" read={readWeeks} commit={field('weeks')} testId="line-weeks" />
          <DraftField
            label={t('line.groups')}
            value={line.groups}
            format={String}
            inputMode="numeric"
            read={(s) => fromParsed(readWholeNumber(s, 1, MAX_GROUPS))}
            commit={field('groups')}
          />
          <DraftField
            label={t('line.groupCapacity')}
            value={line.groupCapacity}
            format={String}
            inputMode="numeric"
            read={(s) => fromParsed(readWholeNumber(s, 1, MAX_PLACES_PER_GROUP))}
            commit={field('groupCapacity')}
          />
        </div>

        <fieldset className="subform">
          <legend>{t('line.nonStaffCosts')}</legend>
          {line.nonStaffCosts.map((c, i) => (
            <div key={i} className="row-fields">
              <DraftField
                label={t('line.costLabel')}
                value={c.label}
                format={(v) => v}
                read={(s) => (s.trim() === '' ? { ok: false, message: t('errors.required') } : { ok: true, value: s.trim() })}
                commit={(label) => saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.map((x, j) => (j === i ? { ...x, label } : x)) }))}
              />
              <DraftField
                className="money-field"
                label={t('line.costAmount')}
                value={c.pence}
                format={poundsForField}
                inputMode="decimal"
                read={money}
                commit={(pence) => saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.map((x, j) => (j === i ? { ...x, pence } : x)) }))}
                testId={`line-cost-amount-${i}`}
              />
              <RowActionButton label={t('common.remove')} rowName={c.label} onClick={() => void saveFrom((l) => ({ nonStaffCosts: l.nonStaffCosts.filter((_, j) => j !== i) }))} />
            </div>
          ))}
          <button
            type="button"
            className="small"
            onClick={() => void saveFrom((l) => ({ nonStaffCosts: [...l.nonStaffCosts, { label: t('line.newCostLabel'), pence: 0 }] }))}
          >
            + {t('line.addCost')}
          </button>
        </fieldset>

        <div className="form-grid">
          <DraftField
            className="span-2"
            label={t('line.undeliveredWeeks')}
            hint={t('line.undeliveredHint')}
            value={line.undeliveredWeeks}
            format={(w) => w.join(', ')}
            read={(s) => fromParsed(readWeekList(s, line.startWeek, lineEnd))}
            commit={field('undeliveredWeeks')}
          />
          <DraftField
            className="span-2"
            multiline
            label={t('line.description')}
            value={line.description}
            format={(v) => v}
            read={(s) => ({ ok: true, value: s })}
            commit={field('description')}
          />
          <DraftField
            className="span-2"
            multiline
            label={t('line.rationale')}
            value={line.rationale}
            format={(v) => v}
            read={(s) => ({ ok: true, value: s })}
            commit={field('rationale')}
          />
        </div>

        <LineImpactPanel line={line} />

        <section className="subform" aria-labelledby="line-enrolments">
          <h3 id="line-enrolments">{t('line.enrolments')}</h3>
          {costed ? (
            <div className="capacity">
              <div className="capacity-bar" aria-hidden="true">
                <span
                  className={costed.enrolledLearners > costed.places ? 'over' : ''}
                  style={{ width: `${costed.places ? Math.min(100, (costed.enrolledLearners / costed.places) * 100) : 0}%` }}
                />
              </div>
              <p data-testid="line-capacity">
                {t('line.capacity', { enrolled: costed.enrolledLearners, places: costed.places })}
                {costed.enrolledLearners > costed.places ? (
                  <strong className="warn">
                    {' '}
                    <span aria-hidden="true">⚠ </span>
                    {t('line.overCapacity', { count: costed.enrolledLearners - costed.places })}
                  </strong>
                ) : null}
              </p>
            </div>
          ) : null}
          <button type="button" className="primary small" onClick={() => setPicking(true)} data-testid="enrol-learners">
            {t('line.enrol')}
          </button>
          {enrolments.length === 0 ? (
            <p className="muted">{t('line.noEnrolments')}</p>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('learners.col.name')}</th>
                  <th scope="col">{t('learner.col.weeks')}</th>
                  <th scope="col" className="num">
                    {t('line.share')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('learner.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {enrolments.map((e) => {
                  const learner = names.learners.get(e.learnerId);
                  const name = learner ? learnerName(learner) : t('common.unknownName');
                  const share = costed?.shares.find((s) => s.enrolmentId === e.id);
                  return (
                    <tr key={e.id}>
                      <td>{name}</td>
                      <td>{t('line.enrolmentWeeks', { start: e.startWeek, end: e.endWeek })}</td>
                      <td className="num money">{pounds(share?.pence)}</td>
                      <td>
                        <button type="button" className="small" aria-label={t('line.removeEnrolment', { name })} onClick={() => void mutate('enrolments.delete', { ids: [e.id] })}>
                          {t('common.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      </div>

      {confirmDelete ? (
        <ConfirmDialog
          danger
          title={t('line.deleteTitle')}
          body={
            <>
              <p>{t('line.deleteBody', { name: line.name })}</p>
              <p>{t('line.deleteEnrolments', { count: enrolments.length })}</p>
              <p>{t('line.deleteUndo')}</p>
            </>
          }
          confirmLabel={t('line.confirmDelete')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
      {picking ? <EnrolPicker line={line} onClose={() => setPicking(false)} /> : null}
    </EditorPanel>
  );
}
