import { useId, useState, type ReactNode } from 'react';
import { DELIVERY_LANGUAGES, FUNDING_SOURCES, type DeliveryLanguage, type FundingSource, type SchoolYear } from '../../../shared/domain';
import { MAX_GROUPS, MAX_PLACES_PER_GROUP, MAX_STAFF_PER_GROUP } from '../../../shared/limits';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { Labelled, LabelledInput } from '../../components/Labelled';
import { SelectOptions } from '../../components/SelectOptions';
import { useReader } from '../../components/fields';
import { useDisplay } from '../../display';
import { afterCreate } from '../../forms/afterCreate';
import { formatHundredths, readSessionMinutes, readSessionsPerWeek, readText, readWeek, readWholeNumber } from '../../forms/parse';
import { useMapio } from '../../state/store';
import { newLineFields } from './newLine';
import { tierChoiceLabel } from './tierChoice';

/**
 * A new intervention line: a form, created only when it is saved (Cancel leaves nothing behind). It asks
 * for what makes the line's cost; everything else is then edited beside the map.
 */
export function AddLineDialog(props: { tierId?: string; onClose: () => void; onCreated: (id: number) => void }) {
  const data = useMapio((s) => s.view?.data);
  return data ? <AddLineForm {...props} data={data} /> : null;
}

function AddLineForm(props: { data: SchoolYear; tierId?: string; onClose: () => void; onCreated: (id: number) => void }) {
  const { t, lang, nameOf, date } = useDisplay();
  const { fromParsed } = useReader();
  const mutate = useMapio((s) => s.mutate);
  const id = useId();
  const { data } = props;
  const [start] = useState(() => newLineFields(data, props.tierId, ''));
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [tierId, setTierId] = useState(start.tierId);
  const [areas, setAreas] = useState<string[]>([]);
  const [language, setLanguage] = useState<DeliveryLanguage>(start.deliveryLanguage);
  const [funding, setFunding] = useState<FundingSource>(start.fundingSource);
  const [staffId, setStaffId] = useState('');
  const [staffCount, setStaffCount] = useState('1');
  const [minutes, setMinutes] = useState(String(start.minutesPerSession));
  const [sessions, setSessions] = useState(formatHundredths(start.sessionsPerWeekHundredths));
  const [startWeek, setStartWeek] = useState(String(start.startWeek));
  const [weeks, setWeeks] = useState(String(start.weeks));
  const [groups, setGroups] = useState(String(start.groups));
  const [places, setPlaces] = useState(String(start.groupCapacity));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const lastWeek = data.calendar.weekStarts.length;
  const tiers = [...data.tiers].sort((a, b) => a.sortOrder - b.sortOrder);

  const save = async () => {
    const e: Record<string, string> = {};
    const take = <T,>(key: string, r: { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
      if (r.ok) return r.value;
      e[key] = r.message;
      return undefined;
    };
    const typedName = take('name', fromParsed(readText(name, true)));
    const sessionsH = take('sessionsPerWeekHundredths', fromParsed(readSessionsPerWeek(sessions)));
    const mins = take('minutesPerSession', fromParsed(readSessionMinutes(minutes, sessionsH ?? 0)));
    const first = take('startWeek', fromParsed(readWeek(startWeek, lastWeek)));
    const run = take('weeks', fromParsed(readWholeNumber(weeks, 1, lastWeek)));
    if (first !== undefined && run !== undefined && first + run - 1 > lastWeek) e.weeks = t('errors.runBeyondYear', { last: lastWeek });
    const groupCount = take('groups', fromParsed(readWholeNumber(groups, 1, MAX_GROUPS)));
    const capacity = take('groupCapacity', fromParsed(readWholeNumber(places, 1, MAX_PLACES_PER_GROUP)));
    const count = staffId ? take('staffCount', fromParsed(readWholeNumber(staffCount, 1, MAX_STAFF_PER_GROUP))) : 1;
    setErrors(e);
    if (
      Object.keys(e).length > 0 ||
      typedName === undefined ||
      sessionsH === undefined ||
      mins === undefined ||
      first === undefined ||
      run === undefined ||
      groupCount === undefined ||
      capacity === undefined ||
      count === undefined
    )
      return;
    setBusy(true);
    const outcome = await mutate(
      'lines.create',
      {
        ...start,
        name: typedName,
        nameCy: readText(nameCy).value,
        tierId,
        areaIds: areas,
        deliveryLanguage: language,
        fundingSource: funding,
        staff: staffId ? [{ staffId: Number(staffId), count }] : [],
        minutesPerSession: mins,
        sessionsPerWeekHundredths: sessionsH,
        startWeek: first,
        weeks: run,
        groups: groupCount,
        groupCapacity: capacity,
      },
      { fieldErrors: true },
    );
    setBusy(false);
    afterCreate(outcome, props, setErrors, lang);
  };

  /** What was refused is gone once it is changed: the reason goes with it. */
  const edited = (key: string, set: (v: string) => void) => (v: string) => {
    set(v);
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const labelled = (key: string, label: string, control: (describedBy: string | undefined) => ReactNode, hint?: string, className = '') => (
    <Labelled id={`${id}-${key}`} label={label} error={errors[key]} hint={hint} className={className}>
      {control}
    </Labelled>
  );
  const text = (key: string, label: string, value: string, set: (v: string) => void, hint?: string, inputMode: 'numeric' | 'decimal' | 'text' = 'numeric') => (
    <LabelledInput id={`${id}-${key}`} label={label} value={value} onChange={edited(key, set)} error={errors[key]} hint={hint} inputMode={inputMode} testId={`new-line-${key}`} />
  );
  const firstDate = data.calendar.weekStarts[Number(startWeek) - 1];

  return (
    <Dialog title={t('map.addLine')} wide onClose={props.onClose} onSubmit={() => void save()} footer={<FormFooter busy={busy} onCancel={props.onClose} submit saveTestId="save-new-line" />}>
      <FormProblem message={errors.form} />
      <div className="form-grid">
        <LabelledInput id={`${id}-name`} className="span-2" label={t('line.name')} value={name} onChange={edited('name', setName)} error={errors.name} testId="new-line-name" />
        <LabelledInput id={`${id}-nameCy`} className="span-2" label={t('line.nameCy')} hint={t('line.nameCyHint')} value={nameCy} onChange={setNameCy} testId="new-line-name-cy" />
        {labelled('tierId', t('line.tier'), (d) => (
          <select id={`${id}-tierId`} aria-describedby={d} value={tierId} data-testid="new-line-tier" onChange={(e) => setTierId(e.target.value)}>
            {tiers.map((x) => (
              <option key={x.id} value={x.id}>
                {tierChoiceLabel(nameOf(x), x.isAlp, { alp: t('map.tierAlp'), notAlp: t('map.tierNotAlp') })}
              </option>
            ))}
          </select>
        ))}
        {labelled('deliveryLanguage', t('line.language'), (d) => (
          <select id={`${id}-deliveryLanguage`} aria-describedby={d} value={language} onChange={(e) => setLanguage(e.target.value as DeliveryLanguage)}>
            <SelectOptions values={DELIVERY_LANGUAGES} label={(l) => t(`enums.deliveryLanguage.${l}`)} />
          </select>
        ))}
        <fieldset className="field checkbox-group span-2">
          <legend>{t('line.areas')}</legend>
          {[...data.areas]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((a) => (
              <div key={a.id} className="field-check">
                <input
                  id={`${id}-area-${a.id}`}
                  type="checkbox"
                  checked={areas.includes(a.id)}
                  onChange={(e) => setAreas((now) => data.areas.map((x) => x.id).filter((x) => (x === a.id ? e.target.checked : now.includes(x))))}
                />
                <label htmlFor={`${id}-area-${a.id}`}>{nameOf(a)}</label>
              </div>
            ))}
        </fieldset>
        {labelled('fundingSource', t('line.fundingSource'), (d) => (
          <select id={`${id}-fundingSource`} aria-describedby={d} value={funding} onChange={(e) => setFunding(e.target.value as FundingSource)}>
            <SelectOptions values={FUNDING_SOURCES} label={(f) => t(`enums.fundingSource.${f}`)} />
          </select>
        ))}
        {labelled(
          'staff',
          t('line.staffMember'),
          (d) => (
            <select id={`${id}-staff`} aria-describedby={d} value={staffId} data-testid="new-line-staff" onChange={(e) => setStaffId(e.target.value)}>
              <option value="">{t('map.addForm.noStaff')}</option>
              {data.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          ),
          data.staff.length === 0 ? t('line.noStaffToAdd') : undefined,
        )}
        {staffId ? text('staffCount', t('line.staffCount'), staffCount, setStaffCount) : null}
        {text('minutesPerSession', t('line.minutesPerSession'), minutes, setMinutes)}
        {text('sessionsPerWeekHundredths', t('line.sessionsPerWeek'), sessions, setSessions, t('line.sessionsPerWeekHint'), 'decimal')}
        {text('startWeek', t('line.startWeek'), startWeek, setStartWeek, firstDate ? t('map.addForm.weekStarts', { first: Number(startWeek), date: date(firstDate), last: lastWeek }) : undefined)}
        {text('weeks', t('line.weeks'), weeks, setWeeks)}
        {text('groups', t('line.groups'), groups, setGroups)}
        {text('groupCapacity', t('line.groupCapacity'), places, setPlaces, t('map.addForm.placesHint', { max: '3,000' }))}
      </div>
    </Dialog>
  );
}
