/**
 * Schools side by side: each school's context first (roll, eFSM, language medium, ALN and IDP counts,
 * the ALP definition it applied), then the measures, every percentage naming its denominator in the
 * column header. Context, not league tables: the officer may order by name or roll, never by spend.
 * Each row also holds the school's published (Section 52) allocation beside the delegated ALN income it
 * reported, the officer's own note, and a way to remove the school. Filters by phase and language medium
 * put like beside like.
 */
import { useMapio } from '../../state/store';
import { problemText } from '../../errors/localisedError';
import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { DialogTextField } from '../../components/DialogTextField';
import { useDisplay } from '../../display';
import { poundsForField } from '../../components/fields';
import { readPounds, readText } from '../../forms/parse';
import type { SchoolComparisonRow, Share } from '../../../shared/authority/comparison';
import { LANGUAGE_MEDIA, PHASES, type LanguageMedium, type Phase } from '../../../shared/domain';
import { countText, orderSchools, percent, shareParts, type SchoolOrder } from './authorityFigures';
import { useAuthority } from './authorityState';
import { ButtonCell } from '../../components/DataTable';
import { comparisonWords, shownSchoolName } from '../../../shared/authority/comparisonWords';
import { FieldMessage } from '../../components/FieldMessage';

function ShareCell(props: { share: Share | null; money?: boolean; testId: string }) {
  const { t, pounds } = useDisplay();
  const parts = shareParts(props.share);
  if (!parts)
    return (
      <td className="num muted" data-testid={props.testId}>
        {t('authority.notShown')}
      </td>
    );
  return (
    <td className="num" data-testid={props.testId}>
      <span className="money">{parts.percent}</span>
      <span className="cell-sub">
        {props.money
          ? t('authority.fractionMoney', { numerator: pounds(parts.numerator), denominator: pounds(parts.denominator) })
          : t('authority.fraction', { numerator: parts.numerator, denominator: parts.denominator })}
      </span>
    </td>
  );
}

/** The school's name as the reader reads it: its Welsh name for a Welsh reader, where its return gives one. */
function useSchoolName() {
  const { lang } = useDisplay();
  return (row: SchoolComparisonRow) => shownSchoolName(row.context, lang);
}

export function SchoolsTable(props: { rows: SchoolComparisonRow[]; academicYear: string }) {
  const { t, lang, pounds, date, count } = useDisplay();
  const words = comparisonWords(t, lang);
  const schoolName = useSchoolName();
  const id = useId();
  const [order, setOrder] = useState<SchoolOrder>('name');
  const [allocationFor, setAllocationFor] = useState<SchoolComparisonRow | null>(null);
  const [removing, setRemoving] = useState<SchoolComparisonRow | null>(null);
  const removeSchool = useAuthority((s) => s.removeSchool);
  const [problem, setProblem] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase | ''>('');
  const [medium, setMedium] = useState<LanguageMedium | ''>('');
  const [noteFor, setNoteFor] = useState<SchoolComparisonRow | null>(null);
  const phases = PHASES.filter((p) => props.rows.some((r) => r.context.phase === p));
  const media = LANGUAGE_MEDIA.filter((m) => props.rows.some((r) => r.context.languageMedium === m));
  const rows = orderSchools(
    props.rows.filter((r) => (phase === '' || r.context.phase === phase) && (medium === '' || r.context.languageMedium === medium)),
    order,
    lang,
  );
  const noted = rows.filter((r) => r.notes.length > 0);
  const notGiven = t('authority.notGiven');

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="schools-section">
      <div className="chart-head">
        <h2 id={`${id}-title`}>{t('authority.schools.title', { count: props.rows.length, year: props.academicYear })}</h2>
        <label className="filter">
          <span>{t('authority.schools.orderLabel')}</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as SchoolOrder)} data-testid="schools-order">
            <option value="name">{t('authority.schools.order.name')}</option>
            <option value="rollAsc">{t('authority.schools.order.rollAsc')}</option>
            <option value="rollDesc">{t('authority.schools.order.rollDesc')}</option>
            <option value="asImported">{t('authority.schools.order.asImported')}</option>
          </select>
        </label>
        <label className="filter">
          <span>{t('authority.filters.phase')}</span>
          <select value={phase} onChange={(e) => setPhase(e.target.value as Phase | '')} data-testid="schools-phase">
            <option value="">{t('authority.filters.all')}</option>
            {phases.map((p) => (
              <option key={p} value={p}>
                {t(`authority.phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('authority.filters.medium')}</span>
          <select value={medium} onChange={(e) => setMedium(e.target.value as LanguageMedium | '')} data-testid="schools-medium">
            <option value="">{t('authority.filters.all')}</option>
            {media.map((m) => (
              <option key={m} value={m}>
                {t(`authority.medium.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="intro">{t('authority.schools.intro')}</p>
      {rows.length !== props.rows.length ? (
        <p className="muted" data-testid="schools-showing">
          {t('authority.filters.showing', { shown: rows.length, count: props.rows.length })}
        </p>
      ) : null}
      {problem ? <FieldMessage>{problem}</FieldMessage> : null}
      <div className="table-wrap authority-table-wrap">
        <table className="data-table compact authority-table" data-testid="schools-table">
          <caption className="visually-hidden">{t('authority.schools.caption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={6} className="group-head">
                {t('authority.schools.contextGroup')}
              </th>
              <th scope="colgroup" colSpan={9} className="group-head measures-head">
                {t('authority.schools.measuresGroup')}
              </th>
              <th scope="colgroup" colSpan={6} className="group-head">
                {t('authority.schools.officerGroup')}
              </th>
            </tr>
            <tr>
              <th scope="col" className="sticky-col">
                {t('authority.col.school')}
              </th>
              <th scope="col" className="num">
                {t('authority.col.roll')}
              </th>
              <th scope="col" className="num">
                {t('authority.col.efsm')}
              </th>
              <th scope="col">{t('authority.col.medium')}</th>
              <th scope="col" className="num">
                {t('authority.col.aln')}
              </th>
              <th scope="col" className="num">
                {t('authority.col.idpsSplit')}
              </th>
              <th scope="col">{t('authority.col.definition')}</th>
              <th scope="col" className="num measures-start">
                {t('authority.measure.alnShareOfRoll')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.idpShareOfAln')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.alnBudgetPence')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.committedPence')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.budgetPositionPence')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.spendPerLearnerWithAlnPence')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.spendPerPupilPence')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.alpShareOfLineCost')}
              </th>
              <th scope="col" className="num">
                {t('authority.measure.welshMediumShareOfAlpCost')}
              </th>
              <th scope="col" className="num">
                {t('authority.col.published')}
              </th>
              <th scope="col" className="num">
                {t('compareBook.col.delegatedIncome')}
              </th>
              <th scope="col" className="num">
                {t('compareBook.col.allocationDifference')}
              </th>
              <th scope="col" className="num">
                {t('compareBook.col.committedOfAllocation')}
              </th>
              <th scope="col">{t('compareBook.col.officerNote')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('authority.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const c = r.context;
              const key = r.schoolKey;
              return (
                <tr key={key} data-testid={`school-row-${key}`}>
                  <th scope="row" className="sticky-col">
                    <span className="school-cell-name">{schoolName(r)}</span>
                    {r.notes.length > 0 ? <sup className="note-mark">{t('authority.schools.noteMark', { n: noted.indexOf(r) + 1 })}</sup> : null}
                    <span className="cell-sub">{t(`authority.phase.${c.phase}`)}</span>
                    {c.officialNumber ? (
                      <span className="cell-sub" data-testid={`number-${key}`}>
                        {t('authority.officialNumberShort', { number: c.officialNumber })}
                      </span>
                    ) : null}
                    {r.replacedFiles.length > 0 ? (
                      <span className="cell-sub" data-testid={`replaced-${key}`}>
                        {t('authority.replacedFiles', { files: [...r.replacedFiles, r.fileName ?? ''].join(' → ') })}
                      </span>
                    ) : null}
                  </th>
                  <td className="num money" data-testid={`roll-${key}`}>
                    {count(c.numberOnRoll)}
                  </td>
                  <td className="num money">{c.efsmBasisPoints === null ? notGiven : percent(c.efsmBasisPoints)}</td>
                  <td>{t(`authority.medium.${c.languageMedium}`)}</td>
                  <td className="num money" data-testid={`aln-${key}`}>
                    {countText(c.learnersWithAln, t)}
                  </td>
                  <td className="num money" data-testid={`idps-${key}`}>
                    {countText(c.idps, t)}
                    <span className="cell-sub">{t('authority.idpsSplit', { school: countText(c.idpsSchoolMaintained, t), la: countText(c.idpsLaMaintained, t) })}</span>
                  </td>
                  <td className="definition">
                    {words.definition(c)}
                    {c.alpDefinitionDate ? <span className="cell-sub">{date(c.alpDefinitionDate)}</span> : <span className="cell-sub">{t('authority.undated')}</span>}
                  </td>
                  <ShareCell share={r.alnShareOfRoll} testId={`alnShare-${key}`} />
                  <ShareCell share={r.idpShareOfAln} testId={`idpShare-${key}`} />
                  <td className="num money" data-testid={`budget-${key}`}>
                    {pounds(r.alnBudgetPence)}
                  </td>
                  <td className="num money" data-testid={`committed-${key}`}>
                    {pounds(r.committedPence)}
                  </td>
                  <td className={`num money ${r.budgetPositionPence < 0 ? 'negative' : ''}`} data-testid={`position-${key}`}>
                    {pounds(r.budgetPositionPence)}
                  </td>
                  <td className="num money" data-testid={`perAln-${key}`}>
                    {r.spendPerLearnerWithAlnPence === null ? t('authority.notShown') : pounds(r.spendPerLearnerWithAlnPence)}
                  </td>
                  <td className="num money" data-testid={`perPupil-${key}`}>
                    {r.spendPerPupilPence === null ? t('authority.notShown') : pounds(r.spendPerPupilPence)}
                  </td>
                  <ShareCell share={r.alpShareOfLineCost} money testId={`alpShare-${key}`} />
                  <ShareCell share={r.welshMediumShareOfAlpCost} money testId={`welshShare-${key}`} />
                  <td className="num money" data-testid={`published-${key}`}>
                    {r.publishedAllocationPence === null ? <span className="muted">{t('authority.published.none')}</span> : pounds(r.publishedAllocationPence)}
                    <span className="cell-sub">
                      <button type="button" className="link-button" onClick={() => setAllocationFor(r)}>
                        {r.publishedAllocationPence === null ? t('authority.published.set') : t('authority.published.change')}
                        <span className="visually-hidden"> {t('authority.published.editFor', { school: schoolName(r) })}</span>
                      </button>
                    </span>
                  </td>
                  <td className="num money" data-testid={`delegated-${key}`}>
                    {pounds(r.delegatedIncomePence)}
                  </td>
                  <td className={`num money ${(r.allocationDifferencePence ?? 0) < 0 ? 'negative' : ''}`} data-testid={`difference-${key}`}>
                    {r.allocationDifferencePence === null ? <span className="muted">{t('authority.notShown')}</span> : pounds(r.allocationDifferencePence)}
                  </td>
                  <ShareCell share={r.committedShareOfAllocation} money testId={`committedOfAllocation-${key}`} />
                  <td className="officer-note" data-testid={`note-${key}`}>
                    {r.note ?? ''}
                    <span className="cell-sub">
                      <button type="button" className="link-button" onClick={() => setNoteFor(r)}>
                        {r.note ? t('authority.schoolNote.edit') : t('authority.schoolNote.add')}
                        <span className="visually-hidden"> {t('authority.schoolNote.forSchool', { school: schoolName(r) })}</span>
                      </button>
                    </span>
                  </td>
                  <ButtonCell
                    className="actions"
                    text={t('authority.remove.button')}
                    label={t('authority.remove.buttonFor', { school: schoolName(r) })}
                    onClick={() => setRemoving(r)}
                    testId={`remove-${key}`}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {noted.length > 0 ? (
        <ol className="school-notes" data-testid="school-notes">
          {noted.map((r) => (
            <li key={r.schoolKey}>
              <strong>{schoolName(r)}:</strong> {r.notes.map((n) => t(`authority.notes.${n}`)).join(' ')}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="field-hint">{t('authority.schools.footnote')}</p>
      {noteFor ? <SchoolNoteDialog row={noteFor} onClose={() => setNoteFor(null)} /> : null}
      {allocationFor ? <PublishedAllocationDialog row={allocationFor} academicYear={props.academicYear} onClose={() => setAllocationFor(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('authority.remove.title', { school: schoolName(removing) })}
          body={<p>{t('authority.remove.body', { school: schoolName(removing) })}</p>}
          confirmLabel={t('authority.remove.confirm')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const key = removing.schoolKey;
            setRemoving(null);
            void removeSchool(key).then((o) => setProblem(o.ok ? null : problemText(o.error, useMapio.getState().lang)));
          }}
        />
      ) : null}
    </section>
  );
}

/** The school's published Section 52 allocation for the year, typed in pounds; empty clears it. */
function PublishedAllocationDialog(props: { row: SchoolComparisonRow; academicYear: string; onClose: () => void }) {
  const { t } = useTranslator();
  const schoolName = useSchoolName();
  const id = useId();
  const setPublishedAllocation = useAuthority((s) => s.setPublishedAllocation);
  const current = props.row.publishedAllocationPence;
  const [amount, setAmount] = useState(current === null ? '' : poundsForField(current));
  const [source, setSource] = useState(t('authority.published.defaultSource', { year: props.academicYear }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    // Empty clears the allocation; anything else must read as pounds, refused in the reader's words.
    const typed = amount.trim() === '' ? null : readPounds(amount);
    if (typed && !typed.ok) {
      setError(t(typed.error, typed.params ?? {}));
      return;
    }
    const pence = typed ? typed.value : null;
    setBusy(true);
    const outcome = await setPublishedAllocation({ schoolKey: props.row.schoolKey, academicYear: props.academicYear, amountPence: pence, source: readText(source).value });
    setBusy(false);
    if (!outcome.ok) {
      setError(problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    props.onClose();
  };

  return (
    <Dialog
      title={t('authority.published.title', { school: schoolName(props.row) })}
      onClose={() => !busy && props.onClose()}
      footer={
        <>
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={busy} data-testid="published-save">
            {t('common.save')}
          </button>
        </>
      }
    >
      <p className="intro">{t('authority.published.intro')}</p>
      <DialogTextField
        id={`${id}-amount`}
        label={t('authority.published.amountLabel', { year: props.academicYear })}
        hint={t('authority.published.amountHint')}
        value={amount}
        error={error}
        inputMode="decimal"
        testId="published-amount"
        onChange={(text) => {
          setAmount(text);
          setError(null);
        }}
        onEnter={() => void save()}
      />
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('authority.published.sourceLabel')}</label>
        <input id={`${id}-source`} type="text" value={source} maxLength={300} onChange={(e) => setSource(e.target.value)} />
      </div>
    </Dialog>
  );
}

/** The officer's own note on a school, kept in the authority file; empty removes it. */
function SchoolNoteDialog(props: { row: SchoolComparisonRow; onClose: () => void }) {
  const { t } = useTranslator();
  const schoolName = useSchoolName();
  const id = useId();
  const setSchoolNote = useAuthority((s) => s.setSchoolNote);
  const [note, setNote] = useState(props.row.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const outcome = await setSchoolNote(props.row.schoolKey, note);
    setBusy(false);
    if (!outcome.ok) {
      setError(problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    props.onClose();
  };
  return (
    <Dialog
      title={t('authority.schoolNote.title', { school: schoolName(props.row) })}
      onClose={() => !busy && props.onClose()}
      footer={
        <>
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void save()} disabled={busy} data-testid="note-save">
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('authority.schoolNote.label')}</label>
        <textarea id={`${id}-note`} value={note} maxLength={2000} rows={4} onChange={(e) => setNote(e.target.value)} data-testid="note-text" />
        {error ? <FieldMessage>{error}</FieldMessage> : null}
      </div>
    </Dialog>
  );
}
