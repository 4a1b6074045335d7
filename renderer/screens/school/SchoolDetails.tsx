import { useState } from 'react';
import { LANGUAGE_MEDIA, PHASES, type School } from '../../../shared/domain';
import { formatIsoDate } from '../../../shared/i18n/dates';
import { WELSH_LOCAL_AUTHORITIES, authorityByCode, authorityNamed } from '../../../shared/localAuthorities';
import { academicYearLabel } from '../../../shared/welshTermDates';
import { DraftField, SelectField, TextField, useReader, type Commit, type ReadResult } from '../../components/fields';
import { useDisplay } from '../../display';
import { formatHundredths, readHundredths, readOptionalDate, readWholeNumber } from '../../forms/parse';
import { problemOf, useMapio } from '../../state/store';

type SchoolChanges = Partial<School>;

/** An example official number for the authority chosen (its code, then 4 digits), or Gwynedd's. */
const exampleNumber = (code: string) => `${code || '661'}2345`;

/** The school's own details: every field saves as you type, each change one undo step. */
export function SchoolDetails() {
  const { t, lang } = useDisplay();
  const { fromParsed } = useReader();
  const school = useMapio((s) => s.view?.data.school);
  const mutate = useMapio((s) => s.mutate);
  // The authority just chosen, until its save comes back: a number typed meanwhile is read against it.
  const [choosingAuthority, setChoosingAuthority] = useState<string | null>(null);
  if (!school) return null;

  const save: Commit<SchoolChanges> = async (changes) => problemOf(await mutate('school.update', { changes }, { fieldErrors: true }));
  const field =
    <K extends keyof SchoolChanges>(key: K): Commit<NonNullable<SchoolChanges[K]>> =>
    (value) =>
      save({ [key]: value } as SchoolChanges);

  const authorityCode = choosingAuthority ?? school.localAuthorityCode;
  const authority = authorityByCode(authorityCode);
  const authorityLabel = (a: { name: string; nameCy: string }) => (lang === 'cy' ? a.nameCy : a.name);
  // A name typed before the list existed, that is not one of the 22: kept, and shown so the school can choose.
  const typedBefore = !authority && school.localAuthority.trim() !== '' && !authorityNamed(school.localAuthority) ? school.localAuthority : null;
  // An authority typed, not chosen (a fictional one, one typed before the list): its Welsh name is the school's to give.
  const typedAuthority = !authority && school.localAuthority.trim() !== '' ? school.localAuthority : null;

  const readOfficialNumber = (text: string): ReadResult<string> => {
    const digits = text.replace(/\s+/g, '');
    if (digits === '') return { ok: true, value: '' };
    if (!/^\d{7}$/.test(digits)) return { ok: false, message: t('school.details.errors.officialNumberDigits', { example: exampleNumber(authorityCode) }) };
    if (authority && !digits.startsWith(authority.code)) {
      return { ok: false, message: t('school.details.errors.officialNumberAuthority', { code: authority.code, authority: authorityLabel(authority) }) };
    }
    const owner = authorityByCode(digits.slice(0, 3));
    if (!owner) return { ok: false, message: t('school.details.errors.officialNumberWelsh') };
    return { ok: true, value: digits };
  };

  const chooseAuthority = async (code: string): Promise<string | null> => {
    const chosen = authorityByCode(code);
    if (chosen && school.officialNumber !== '' && !school.officialNumber.startsWith(chosen.code)) {
      const owner = authorityByCode(school.officialNumber.slice(0, 3));
      return t('school.details.errors.authorityMismatch', { number: school.officialNumber, authority: owner ? authorityLabel(owner) : school.officialNumber.slice(0, 3) });
    }
    // The English name is kept beside the code, as files made before the list kept it; a chosen authority's
    // Welsh name is the list's, so a Welsh name typed for the name it replaces goes with it (one undo brings both back).
    setChoosingAuthority(code);
    try {
      return await save({ localAuthorityCode: code, localAuthority: chosen ? chosen.name : (typedBefore ?? ''), localAuthorityCy: chosen ? '' : school.localAuthorityCy });
    } finally {
      setChoosingAuthority(null);
    }
  };

  const readRoll = (text: string) => fromParsed(readWholeNumber(text, 0, 10_000));
  const readEfsm = (text: string): ReadResult<number | null> => {
    if (text.trim() === '') return { ok: true, value: null };
    const r = readHundredths(text.replace('%', ''));
    if (!r || !r.ok || r.value > 10_000) return { ok: false, message: t('school.details.errors.efsm') };
    return r;
  };
  const startYear = Number(school.academicYear.slice(0, 4));
  const years = [...new Set([startYear - 1, startYear, startYear + 1, startYear + 2, new Date().getFullYear() - 1, new Date().getFullYear()])].sort();

  return (
    <div className="form-grid school-details" data-testid="school-details">
      <TextField className="span-2" label={t('school.details.name')} value={school.name} required commit={field('name')} testId="school-name-field" />
      <TextField className="span-2" label={t('school.details.nameCy')} hint={t('school.details.nameCyHint')} value={school.nameCy} commit={field('nameCy')} testId="school-name-cy-field" />
      <SelectField
        label={t('school.details.authority')}
        value={school.localAuthorityCode}
        hint={typedBefore ? t('school.details.authorityTyped', { name: typedBefore }) : undefined}
        options={[{ value: '', label: t('school.details.authorityNone') }, ...WELSH_LOCAL_AUTHORITIES.map((a) => ({ value: a.code, label: `${authorityLabel(a)} (${a.code})` }))]}
        commit={chooseAuthority}
        testId="school-authority"
      />
      {typedAuthority !== null && (
        <TextField
          label={t('school.details.authorityCy')}
          hint={t('school.details.authorityCyHint', { name: typedAuthority })}
          value={school.localAuthorityCy}
          commit={field('localAuthorityCy')}
          testId="school-authority-cy"
        />
      )}
      <DraftField
        label={t('school.details.officialNumber')}
        hint={t('school.details.officialNumberHint', { example: exampleNumber(authorityCode) })}
        value={school.officialNumber}
        format={(v) => v}
        inputMode="numeric"
        read={readOfficialNumber}
        commit={field('officialNumber')}
        testId="school-official-number"
      />
      <SelectField label={t('school.details.phase')} value={school.phase} options={PHASES.map((p) => ({ value: p, label: t(`authority.phase.${p}`) }))} commit={field('phase')} testId="school-phase" />
      <SelectField
        label={t('school.details.medium')}
        value={school.languageMedium}
        options={LANGUAGE_MEDIA.map((m) => ({ value: m, label: t(`authority.medium.${m}`) }))}
        commit={field('languageMedium')}
        testId="school-medium"
      />
      <DraftField
        label={t('school.details.roll')}
        hint={t('school.details.rollHint')}
        value={school.numberOnRoll}
        format={String}
        inputMode="numeric"
        read={readRoll}
        commit={field('numberOnRoll')}
        testId="school-roll"
      />
      <DraftField
        label={t('school.details.efsm')}
        hint={t('school.details.efsmHint')}
        value={school.efsmBasisPoints}
        format={(v) => (v === null ? '' : formatHundredths(v))}
        inputMode="decimal"
        suffix="%"
        read={readEfsm}
        commit={(v) => save({ efsmBasisPoints: v })}
        testId="school-efsm"
      />
      <SelectField
        label={t('school.details.academicYear')}
        hint={t('school.details.academicYearHint')}
        value={school.academicYear}
        options={years.map((y) => academicYearLabel(y)).map((y) => ({ value: y, label: y }))}
        commit={field('academicYear')}
        testId="school-academic-year"
      />
      <TextField
        className="span-2"
        label={t('school.details.alpSource')}
        hint={t('school.details.alpSourceHint')}
        value={school.alpDefinitionSource}
        commit={field('alpDefinitionSource')}
        testId="school-alp-source"
      />
      <TextField
        className="span-2"
        label={t('school.details.alpSourceCy')}
        hint={t('school.details.alpSourceCyHint')}
        value={school.alpDefinitionSourceCy}
        commit={field('alpDefinitionSourceCy')}
        testId="school-alp-source-cy"
      />
      <DraftField
        label={t('school.details.alpDate')}
        hint={t('forms.dateHint')}
        value={school.alpDefinitionDate}
        format={(v) => (v ? formatIsoDate(v, lang, 'long') : '')}
        read={(x) => fromParsed(readOptionalDate(x))}
        commit={(v) => save({ alpDefinitionDate: v })}
        testId="school-alp-date"
      />
    </div>
  );
}
