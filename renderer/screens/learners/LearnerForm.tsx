import { useId, useState } from 'react';
import { ALN_DECIDERS, ALN_STATUSES, type AlnDecider, type AlnStatus, type Learner } from '../../../shared/domain';
import type { OperationInput } from '../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { SelectOptions } from '../../components/SelectOptions';
import { learnerName, useDisplay } from '../../display';
import { formatMinutesAsHours, readOptionalDate, readOptionalHoursAsMinutes, readText, type Parsed } from '../../forms/parse';
import { useMapio } from '../../state/store';
import { formatIsoDate } from '../../../shared/i18n/dates';
import { issueText, problemText } from '../../errors/localisedError';
import { FieldMessage } from '../../components/FieldMessage';

type LearnerFields = OperationInput<'learners.create'>;

const YEAR_GROUPS = Array.from({ length: 16 }, (_, i) => i - 1);

/** Add or edit a learner: one form, saved with its button (a new learner needs every field at once). */
export function LearnerForm(props: { learner: Learner | null; onClose: () => void; onSaved?: (id: number | null) => void }) {
  const { t, yearGroup, nameOf, lang } = useDisplay();
  const view = useMapio((s) => s.view);
  const mutate = useMapio((s) => s.mutate);
  const id = useId();
  const l = props.learner;
  const [ref, setRef] = useState(l?.ref ?? '');
  const [name, setName] = useState(l?.name ?? '');
  const [year, setYear] = useState(l?.yearGroup ?? 1);
  const [status, setStatus] = useState<AlnStatus>(l?.alnStatus ?? 'none');
  const [areas, setAreas] = useState<string[]>(l?.areaIds ?? []);
  const [welshAlp, setWelshAlp] = useState(l?.welshAlp ?? false);
  const [idpHours, setIdpHours] = useState(l?.idpAlpMinutesPerWeek != null ? formatMinutesAsHours(l.idpAlpMinutesPerWeek) : '');
  const [lastReviewed, setLastReviewed] = useState(l?.idpLastReviewed ? formatIsoDate(l.idpLastReviewed, lang, 'long') : '');
  const [reviewDue, setReviewDue] = useState(l?.idpReviewDue ? formatIsoDate(l.idpReviewDue, lang, 'long') : '');
  const [efsm, setEfsm] = useState(l?.efsm ?? false);
  const [lookedAfter, setLookedAfter] = useState(l?.lookedAfter ?? false);
  const [referredOn, setReferredOn] = useState(l?.referredOn ? formatIsoDate(l.referredOn, lang, 'long') : '');
  const [decider, setDecider] = useState<AlnDecider>(l?.referralDecider ?? 'school');
  const [decidedOn, setDecidedOn] = useState(l?.decidedOn ? formatIsoDate(l.decidedOn, lang, 'long') : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!view) return null;

  const save = async () => {
    const problems: Record<string, string> = {};
    const take = <T,>(key: string, p: Parsed<T>): T | undefined => {
      if (p.ok) return p.value;
      problems[key] = t(p.error, p.params ?? {});
      return undefined;
    };
    const typedRef = take('ref', readText(ref, true));
    const minutes = take('idpAlpMinutesPerWeek', readOptionalHoursAsMinutes(idpHours, { example: '2.5' }));
    const reviewed = take('idpLastReviewed', readOptionalDate(lastReviewed));
    const due = take('idpReviewDue', readOptionalDate(reviewDue));
    const referred = take('referredOn', readOptionalDate(referredOn));
    const decided = take('decidedOn', readOptionalDate(decidedOn));
    if (referred && decided && decided < referred) problems.decidedOn = t('learners.field.decidedBeforeReferral');
    setErrors(problems);
    if (Object.keys(problems).length > 0 || typedRef === undefined) return;
    const fields: LearnerFields = {
      ref: typedRef,
      name: readText(name).value,
      yearGroup: year,
      alnStatus: status,
      areaIds: areas,
      welshAlp,
      idpAlpMinutesPerWeek: minutes ?? null,
      idpLastReviewed: reviewed ?? null,
      idpReviewDue: due ?? null,
      efsm,
      lookedAfter,
      referredOn: referred ?? null,
      referralDecider: decider,
      decidedOn: decided ?? null,
    };
    setBusy(true);
    const outcome = l ? await mutate('learners.update', { id: l.id, changes: fields }, { fieldErrors: true }) : await mutate('learners.create', fields, { fieldErrors: true });
    setBusy(false);
    if (outcome.ok) {
      props.onSaved?.(outcome.result.createdIds?.[0] ?? null);
      props.onClose();
      return;
    }
    const fromServer: Record<string, string> = {};
    for (const issue of outcome.error.issues ?? []) {
      const key = issue.path.replace(/^changes\./, '').split('.')[0] ?? '';
      fromServer[key] = issueText(issue, useMapio.getState().lang);
    }
    setErrors(Object.keys(fromServer).length ? fromServer : { form: problemText(outcome.error, useMapio.getState().lang) });
  };

  const text = (key: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className={`field ${errors[key] ? 'field-error' : ''}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={value}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={[hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].join(' ').trim() || undefined}
        onChange={(e) => set(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-${key}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errors[key] ? (
        <FieldMessage id={`${id}-${key}-error`} alert={false}>
          <span aria-hidden="true">⚠ </span>
          {errors[key]}
        </FieldMessage>
      ) : null}
    </div>
  );
  const check = (key: string, label: string, value: boolean, set: (v: boolean) => void) => (
    <div className="field-check field">
      <input id={`${id}-${key}`} type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );

  return (
    <Dialog
      wide
      title={l ? t('learners.formTitleEdit', { name: learnerName(l) }) : t('learners.formTitleNew')}
      onClose={props.onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="save-learner">
            {t('common.save')}
          </button>
        </>
      }
    >
      <FormProblem message={errors.form} />
      <div className="form-grid">
        {text('ref', t('learners.field.ref'), ref, setRef)}
        {text('name', t('learners.field.name'), name, setName)}
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('learners.field.yearGroup')}</label>
          <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            <SelectOptions values={YEAR_GROUPS} label={(y) => yearGroup(y)} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('learners.field.alnStatus')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as AlnStatus)}>
            <SelectOptions values={ALN_STATUSES} label={(s) => t(`enums.alnStatus.${s}`)} />
          </select>
        </div>
        <fieldset className="field checkbox-group span-2">
          <legend>{t('learners.field.areas')}</legend>
          {view.data.areas.map((a) => (
            <div key={a.id} className="field-check">
              <input id={`${id}-area-${a.id}`} type="checkbox" checked={areas.includes(a.id)} onChange={(e) => setAreas(e.target.checked ? [...areas, a.id] : areas.filter((x) => x !== a.id))} />
              <label htmlFor={`${id}-area-${a.id}`}>{nameOf(a)}</label>
            </div>
          ))}
        </fieldset>
        {text('idpAlpMinutesPerWeek', t('learners.field.idpAlpHours'), idpHours, setIdpHours, t('learners.field.idpAlpHoursHint'))}
        {text('idpLastReviewed', t('learners.field.idpLastReviewed'), lastReviewed, setLastReviewed, t('forms.dateHint'))}
        {text('idpReviewDue', t('learners.field.idpReviewDue'), reviewDue, setReviewDue, t('learners.field.idpReviewDueHint'))}
        <fieldset className="field span-2 referral-fields">
          <legend>{t('learners.field.referral')}</legend>
          <p className="field-hint">{t('learners.field.referralHint')}</p>
          <div className="form-grid">
            {text('referredOn', t('learners.field.referredOn'), referredOn, setReferredOn, t('forms.dateHint'))}
            <div className="field">
              <label htmlFor={`${id}-decider`}>{t('learners.field.decider')}</label>
              <select id={`${id}-decider`} value={decider} onChange={(e) => setDecider(e.target.value as AlnDecider)}>
                <SelectOptions values={ALN_DECIDERS} label={(d) => t(`enums.alnDecider.${d}`)} />
              </select>
            </div>
            {text('decidedOn', t('learners.field.decidedOn'), decidedOn, setDecidedOn, t('learners.field.decidedOnHint'))}
          </div>
        </fieldset>
        <div>
          {check('welshAlp', t('learners.field.welshAlp'), welshAlp, setWelshAlp)}
          {check('efsm', t('learners.field.efsm'), efsm, setEfsm)}
          {check('lookedAfter', t('learners.field.lookedAfter'), lookedAfter, setLookedAfter)}
        </div>
      </div>
    </Dialog>
  );
}
