/**
 * The authority's own lists: its list of schools (so the screen can name those not yet returned) and the
 * allocations it published for the year (set beside what each school reported). Each import says how many
 * rows came in, which unit the amounts were read in and why, every bad row with its number and reason, and
 * every school imported without the Welsh name the list gave it, with the row and why.
 */
import { FilePicker } from '../../components/FilePicker';
import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import type { ListImportOutcome } from '../../../shared/api/contract';
import type { NotReturnedSchool } from '../../../shared/authority/comparison';
import { byShownSchoolName, shownSchoolName } from '../../../shared/authority/comparisonWords';
import { errorText } from '../../errors/localisedError';
import { useMapio } from '../../state/store';
import { useAuthority, type PickedReturn } from './authorityState';
import { FieldMessage } from '../../components/FieldMessage';

function ListOutcome(props: { outcome: ListImportOutcome }) {
  const { t } = useTranslator();
  const { outcome } = props;
  return (
    <div className="list-outcome" data-testid="list-outcome">
      <p>{t('authority.listImported', { n: outcome.imported, rejected: outcome.rejected.length })}</p>
      {outcome.unit && outcome.unitFrom ? <p className="field-hint">{t(`authority.allocationUnit.${outcome.unitFrom}`, { unit: t(`authority.allocationUnit.${outcome.unit}`) })}</p> : null}
      {outcome.rejected.length > 0 ? (
        <ul className="rejected-list">
          {outcome.rejected.map((r) => (
            <li key={`${r.rowNumber}-${r.code}`}>{t(`authority.listRow.${r.code}`, { row: r.rowNumber, ...r.params })}</li>
          ))}
        </ul>
      ) : null}
      {outcome.welshNamesLeftOut && outcome.welshNamesLeftOut.length > 0 ? (
        <>
          <p>{t('authority.welshNamesLeftOut', { n: outcome.welshNamesLeftOut.length })}</p>
          <ul className="rejected-list" data-testid="welsh-names-left-out">
            {outcome.welshNamesLeftOut.map((r) => (
              <li key={`${r.rowNumber}-${r.code}`}>{t(`authority.welshNameLeftOut.${r.code}`, { row: r.rowNumber, ...r.params })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ListFileInput(props: { label: string; testId: string; disabled?: boolean; onFile: (file: PickedReturn) => Promise<{ outcome: ListImportOutcome | null; error: string | null }> }) {
  const { t } = useTranslator();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ListImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <FilePicker
        id={id}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy || props.disabled}
        testId={props.testId}
        onFiles={(files, input) => {
          const file = files[0];
          if (!file) return;
          setBusy(true);
          void props.onFile(file).then((r) => {
            setBusy(false);
            setOutcome(r.outcome);
            setError(r.error);
            input.value = '';
          });
        }}
      />
      {busy ? <p className="muted">{t('authority.lists.busy')}</p> : null}
      {error ? <FieldMessage>{error}</FieldMessage> : null}
      {outcome ? <ListOutcome outcome={outcome} /> : null}
    </div>
  );
}

export function AuthorityLists(props: { academicYear: string | null; listedSchools: number; notReturned: NotReturnedSchool[] }) {
  const { t } = useTranslator();
  const lang = useMapio((s) => s.lang);
  // Named as the reader reads them (the Welsh a return gave, for a Welsh reader), and for a Welsh reader in
  // Welsh alphabetical order of those names; for an English reader in the list's own order.
  const notReturned = lang === 'cy' ? [...props.notReturned].sort(byShownSchoolName(lang)) : props.notReturned;
  const id = useId();
  const importAllocations = useAuthority((s) => s.importAllocations);
  const importSchoolList = useAuthority((s) => s.importSchoolList);
  const run = async (work: Promise<Awaited<ReturnType<typeof importAllocations>>>) => {
    const o = await work;
    // In the reader's language (an ApiError's `message` is English, for logs).
    return o.ok ? { outcome: o.result, error: null } : { outcome: null, error: errorText(o.error, useMapio.getState().lang) };
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="authority-lists">
      <h2 id={`${id}-title`}>{t('authority.lists.title')}</h2>
      <p className="intro">{t('authority.lists.intro')}</p>
      <ListFileInput label={t('authority.lists.schoolsLabel')} testId="school-list-file" onFile={(f) => run(importSchoolList(f))} />
      {props.academicYear ? <ListFileInput label={t('authority.lists.allocationsLabel', { year: props.academicYear })} testId="allocations-file" onFile={(f) => run(importAllocations(f))} /> : null}
      {props.listedSchools === 0 ? (
        <p className="muted">{t('authority.lists.noList')}</p>
      ) : (
        <>
          <p>{t('authority.lists.listed', { n: props.listedSchools })}</p>
          {props.notReturned.length === 0 ? (
            <p data-testid="not-returned-none">{t('authority.lists.allReturned')}</p>
          ) : (
            <>
              <h3>{t('authority.lists.notReturnedTitle', { n: props.notReturned.length })}</h3>
              <ul className="not-returned" data-testid="not-returned">
                {notReturned.map((s) => (
                  <li key={s.officialNumber}>
                    {shownSchoolName(s, lang)} ({s.officialNumber}) · {t(`authority.phase.${s.phase}`)} · {t(`authority.medium.${s.languageMedium}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
