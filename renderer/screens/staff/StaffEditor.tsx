import { useState } from 'react';
import { STAFF_ROLES, type StaffMember } from '../../../shared/domain';
import { MAX_HOURLY_COST_PENCE } from '../../../shared/limits';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { EditorPanel, useEscapeClosesEditor } from '../../components/EditorPanel';
import { CheckboxField, DraftField, poundsForField, SelectField, TextField, useReader, type Commit } from '../../components/fields';
import { namesOf, useDisplay } from '../../display';
import { CONTRACT_HOURS, formatMinutesAsHours, readHoursAsMinutes } from '../../forms/parse';
import { HourlyCalculator } from './HourlyCalculator';
import { problemOf, useMapio } from '../../state/store';

type StaffChanges = Partial<Omit<StaffMember, 'id'>>;

export function StaffEditor(props: { staff: StaffMember; onClose: () => void }) {
  const { t, pounds, hours, nameOf } = useDisplay();
  const { fromParsed, money } = useReader();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const selectLine = useMapio((s) => s.selectLine);
  const show = useMapio((s) => s.show);
  const [deleting, setDeleting] = useState(false);
  const s = props.staff;

  useEscapeClosesEditor(props.onClose);

  if (!view) return null;
  const names = namesOf(view.data);
  const deliveredLines = view.data.lines.filter((l) => l.staff.some((a) => a.staffId === s.id));
  const namedOnCosts = view.data.otherCosts.filter((o) => o.staffId === s.id);
  const openLine = (lineId: number) => {
    setDeleting(false);
    selectLine(lineId);
    show('map');
  };
  const allocation = view.costed.staff.find((a) => a.staffId === s.id);
  const save: Commit<StaffChanges> = async (changes) => problemOf(await mutate('staff.update', { id: s.id, changes }, { fieldErrors: true }));
  const field =
    <K extends keyof StaffChanges>(key: K): Commit<NonNullable<StaffChanges[K]>> =>
    (value) =>
      save({ [key]: value } as StaffChanges);

  return (
    <EditorPanel
      titleId="staff-editor-title"
      testId="staff-editor"
      eyebrow={t('staff.editorTitle')}
      name={s.name}
      closeLabel={t('common.close')}
      onClose={props.onClose}
      actions={
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          {t('common.delete')}
        </button>
      }
    >
      <div className="editor-body">
        {allocation ? (
          <section className="figures">
            <dl className="figure-list single">
              <div>
                <dt>{t('staff.col.contracted')}</dt>
                <dd>{hours(allocation.contractedMinutesPerWeek)}</dd>
              </div>
              <div>
                <dt>{t('staff.col.allocated')}</dt>
                <dd>{hours(allocation.peakAllocatedMinutesPerWeek)}</dd>
              </div>
              <div>
                <dt>{t('staff.col.status')}</dt>
                <dd>
                  {allocation.overAllocated ? (
                    <span className="pill pill-bad">
                      <span aria-hidden="true">⚠ </span>
                      {t('staff.overAllocated')}
                    </span>
                  ) : (
                    <span className="pill pill-good">
                      <span aria-hidden="true">✓ </span>
                      {t('staff.withinHours')}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('staff.col.cost')}</dt>
                <dd className="money">{pounds(allocation.costPence)}</dd>
              </div>
              <div className="wide">
                <dt>{t('staff.linesDelivered')}</dt>
                <dd>
                  {allocation.lineIds
                    .map((id) => nameOf(names.lines.get(id)))
                    .filter(Boolean)
                    .join(', ') || t('staff.noLines')}
                </dd>
              </div>
            </dl>
          </section>
        ) : null}
        <div className="form-grid">
          <TextField className="span-2" label={t('staff.field.name')} value={s.name} required commit={field('name')} />
          <SelectField className="span-2" label={t('staff.field.role')} value={s.role} options={STAFF_ROLES.map((r) => ({ value: r, label: t(`enums.staffRole.${r}`) }))} commit={field('role')} />
          <DraftField
            className="money-field"
            label={t('staff.field.hourlyCost')}
            value={s.hourlyCostPence}
            format={poundsForField}
            inputMode="decimal"
            read={(text) => money(text, MAX_HOURLY_COST_PENCE)}
            commit={(p) => save({ hourlyCostPence: p, hourlyCostBasis: null })}
            testId="staff-hourly"
          />
          <DraftField
            label={t('staff.field.contractedHours')}
            hint={t('staff.field.hoursHint')}
            value={s.contractedMinutesPerWeek}
            format={formatMinutesAsHours}
            inputMode="decimal"
            read={(x) => fromParsed(readHoursAsMinutes(x, CONTRACT_HOURS))}
            commit={field('contractedMinutesPerWeek')}
          />
          <div className="span-2">
            <CheckboxField label={t('staff.field.isPlaceholder')} checked={s.isPlaceholder} commit={field('isPlaceholder')} />
            <CheckboxField label={t('staff.field.worksInWelsh')} checked={s.worksInWelsh} commit={field('worksInWelsh')} />
          </div>
        </div>
        <HourlyCalculator basis={s.hourlyCostBasis} onUse={(basis, pence) => save({ hourlyCostPence: pence, hourlyCostBasis: basis })} />
      </div>
      {deleting && (deliveredLines.length > 0 || namedOnCosts.length > 0) ? (
        // Said before any confirmation: the backend would refuse, and a refusal after "Delete" reads as a fault.
        <Dialog
          title={t('staff.stillUsed.title', { name: s.name })}
          onClose={() => setDeleting(false)}
          footer={
            <button type="button" className="primary" onClick={() => setDeleting(false)} data-autofocus>
              {t('common.close')}
            </button>
          }
        >
          <div data-testid="staff-still-used">
            {deliveredLines.length > 0 ? (
              <>
                <p>{t('staff.stillUsed.lines', { name: s.name, count: deliveredLines.length })}</p>
                <ul>
                  {deliveredLines.map((l) => (
                    <li key={l.id}>
                      <button type="button" className="link-button" onClick={() => openLine(l.id)}>
                        {l.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {namedOnCosts.length > 0 ? (
              <>
                <p>{t('staff.stillUsed.otherCosts', { name: s.name, count: namedOnCosts.length })}</p>
                <ul>
                  {namedOnCosts.map((o) => (
                    <li key={o.id}>
                      <button type="button" className="link-button" onClick={() => show('budget')}>
                        {o.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </Dialog>
      ) : deleting ? (
        <ConfirmDialog
          danger
          title={t('staff.deleteTitle')}
          body={<p>{t('staff.deleteBody', { name: s.name })}</p>}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            setDeleting(false);
            const outcome = await mutate('staff.delete', { id: s.id });
            if (outcome.ok) props.onClose();
          }}
        />
      ) : null}
    </EditorPanel>
  );
}
