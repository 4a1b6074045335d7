import { useId, useState } from 'react';
import { STAFF_ROLES, type HourlyCostBasis, type StaffRole } from '../../../shared/domain';
import { MAX_HOURLY_COST_PENCE } from '../../../shared/limits';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { LabelledInput } from '../../components/Labelled';
import { SelectOptions } from '../../components/SelectOptions';
import { poundsForField, useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { afterCreate } from '../../forms/afterCreate';
import { CONTRACT_HOURS, formatMinutesAsHours, readHoursAsMinutes, readText } from '../../forms/parse';
import { useMapio } from '../../state/store';
import { HourlyCalculator } from './HourlyCalculator';

/**
 * A new member of staff: a form, created only when it is saved (Cancel leaves nothing behind). The
 * hourly cost is typed or worked out with the calculator, whose inputs are then kept with it.
 */
export function AddStaffDialog(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t, lang } = useDisplay();
  const { money, fromParsed } = useReader();
  const mutate = useMapio((s) => s.mutate);
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('ta');
  const [hourly, setHourly] = useState('');
  const [basis, setBasis] = useState<HourlyCostBasis | null>(null);
  const [hours, setHours] = useState('');
  const [placeholder, setPlaceholder] = useState(false);
  const [welsh, setWelsh] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const e: Record<string, string> = {};
    const typedName = fromParsed(readText(name, true));
    if (!typedName.ok) e.name = typedName.message;
    const pence = money(hourly, MAX_HOURLY_COST_PENCE);
    if (!pence.ok) e.hourlyCostPence = pence.message;
    const minutes = fromParsed(readHoursAsMinutes(hours, CONTRACT_HOURS));
    if (!minutes.ok) e.contractedMinutesPerWeek = minutes.message;
    setErrors(e);
    if (Object.keys(e).length > 0 || !typedName.ok || !pence.ok || !minutes.ok) return;
    setBusy(true);
    const outcome = await mutate(
      'staff.create',
      { name: typedName.value, role, isPlaceholder: placeholder, hourlyCostPence: pence.value, hourlyCostBasis: basis, contractedMinutesPerWeek: minutes.value, worksInWelsh: welsh },
      { fieldErrors: true },
    );
    setBusy(false);
    afterCreate(outcome, props, setErrors, lang);
  };

  const field = (key: string, label: string, value: string, set: (v: string) => void, extra: { hint?: string; inputMode?: 'decimal' | 'text'; testId?: string } = {}) => (
    <LabelledInput
      id={`${id}-${key}`}
      label={label}
      value={value}
      className={key === 'hourlyCostPence' ? 'money-field' : undefined}
      error={errors[key]}
      hint={extra.hint}
      inputMode={extra.inputMode}
      testId={extra.testId}
      onChange={(v) => {
        set(v);
        // What was refused is gone once it is changed: the reason goes with it.
        if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
      }}
    />
  );

  return (
    <Dialog title={t('staff.addStaff')} wide onClose={props.onClose} onSubmit={() => void save()} footer={<FormFooter busy={busy} onCancel={props.onClose} submit saveTestId="save-new-staff" />}>
      <FormProblem message={errors.form} />
      <div className="form-grid">
        {field('name', t('staff.field.name'), name, setName, { testId: 'new-staff-name' })}
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('staff.field.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            <SelectOptions values={STAFF_ROLES} label={(r) => t(`enums.staffRole.${r}`)} />
          </select>
        </div>
        {field(
          'hourlyCostPence',
          t('staff.field.hourlyCost'),
          hourly,
          (v) => {
            setHourly(v);
            setBasis(null); // a typed figure is not the calculator's
          },
          { inputMode: 'decimal', hint: basis ? t('staff.addForm.fromCalculator') : t('staff.addForm.hourlyHint'), testId: 'new-staff-hourly' },
        )}
        {field('contractedMinutesPerWeek', t('staff.field.contractedHours'), hours, setHours, { inputMode: 'decimal', hint: t('staff.field.hoursHint'), testId: 'new-staff-hours' })}
        <div className="span-2">
          <div className="field field-check">
            <input id={`${id}-placeholder`} type="checkbox" checked={placeholder} onChange={(e) => setPlaceholder(e.target.checked)} />
            <label htmlFor={`${id}-placeholder`}>{t('staff.field.isPlaceholder')}</label>
          </div>
          <div className="field field-check">
            <input id={`${id}-welsh`} type="checkbox" checked={welsh} onChange={(e) => setWelsh(e.target.checked)} />
            <label htmlFor={`${id}-welsh`}>{t('staff.field.worksInWelsh')}</label>
          </div>
        </div>
      </div>
      <HourlyCalculator
        basis={basis}
        onUse={async (next, pence) => {
          setHourly(poundsForField(pence));
          setBasis(next);
          setErrors((e) => ({ ...e, hourlyCostPence: '' }));
          // The calculator's paid hours are usually the contracted hours too: fill them if empty.
          if (hours.trim() === '') setHours(formatMinutesAsHours(next.paidMinutesPerWeek));
          return null;
        }}
      />
    </Dialog>
  );
}
