import { FilePicker } from '../../components/FilePicker';
import { useId, useRef, useState, type ReactNode } from 'react';
import { errorText, issueText, problemText } from '../../errors/localisedError';
import { MIS_FIELDS, type MisField } from '../../../shared/schemas';
import type { MisColumnMapping, MisFieldChange, MisPreview, MisPreviewRow } from '../../../shared/api/contract';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { useDisplay } from '../../display';
import { useMapio } from '../../state/store';
import { fileToBase64 } from '../../api/fileContent';
import { isMisFileName, MIS_FILE_ACCEPT } from './misFileTypes';
import { FieldMessage } from '../../components/FieldMessage';

type Step = 'file' | 'mapping' | 'preview';
const REQUIRED: ReadonlySet<MisField> = new Set(['ref', 'yearGroup']);
/** The rows of each kind shown in the preview (the counts are always exact). */
const SHOWN_ROWS = 50;

interface Picked {
  fileName: string;
  contentBase64: string;
}

/**
 * Learners › Import from MIS: pick a CSV or .xlsx export, check which column holds what, see exactly
 * what would be added, updated and rejected, and only then import (one undo step).
 */
export function MisImportDialog(props: { onClose: () => void }) {
  const { t, yearGroup } = useDisplay();
  const lang = useMapio((s) => s.lang);
  const request = useMapio((s) => s.request);
  const mutate = useMapio((s) => s.mutate);
  const setStatus = useMapio((s) => s.setStatus);
  const [step, setStep] = useState<Step>('file');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<MisPreview | null>(null);
  const [mapping, setMapping] = useState<MisColumnMapping | null>(null);
  /** The columns Mapio found in the file, before the person changed any: a change is work to confirm losing. */
  const [detected, setDetected] = useState<MisColumnMapping | null>(null);
  const [confirmingBack, setConfirmingBack] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const runPreview = async (file: Picked, withMapping: MisColumnMapping | null): Promise<MisPreview | null> => {
    setBusy(t('mis.reading', { name: file.fileName }));
    setProblem(null);
    const outcome = await request('mis.preview', { ...file, ...(withMapping ? { mapping: withMapping } : {}) }, { quiet: true });
    setBusy(null);
    if (!outcome.ok) {
      setProblem(problemText(outcome.error, useMapio.getState().lang));
      return null;
    }
    setPreview(outcome.result);
    setMapping(outcome.result.mapping);
    return outcome.result;
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (!isMisFileName(file.name)) {
      setProblem(t('mis.wrongType', { name: file.name }));
      return;
    }
    setBusy(t('mis.reading', { name: file.name }));
    const next = { fileName: file.name, contentBase64: await fileToBase64(file) };
    setPicked(next);
    const result = await runPreview(next, null);
    if (result) {
      setDetected(result.mapping);
      setStep('mapping');
    }
  };

  const remap = async (field: MisField, column: string) => {
    if (!picked || !mapping) return;
    const next = { ...mapping, [field]: column === '' ? null : Number(column) };
    setMapping(next);
    await runPreview(picked, next);
  };

  const mappingChanged = !!mapping && !!detected && MIS_FIELDS.some((f) => mapping[f] !== detected[f]);
  const chooseAnotherFile = () => {
    setConfirmingBack(false);
    setStep('file');
    // The button that was pressed is gone: put the person on the file field (after the confirmation hands focus back).
    setTimeout(() => fileInput.current?.focus(), 0);
  };

  const toImport = preview ? preview.counts.add + preview.counts.update : 0;
  const doImport = async () => {
    if (!picked || !mapping || toImport === 0) return;
    setBusy(t('mis.importing', { count: toImport }));
    setProblem(null);
    const outcome = await mutate('mis.import', { ...picked, mapping }, { fieldErrors: true });
    setBusy(null);
    if (!outcome.ok) {
      setProblem(problemText(outcome.error, useMapio.getState().lang));
      return;
    }
    setStatus({ key: 'mis.imported', params: { added: preview?.counts.add ?? 0, updated: preview?.counts.update ?? 0 } });
    props.onClose();
  };

  const fieldLabel = (f: MisField) => t(`mis.field.${f}`);
  /** A refused row's reason in the reader's language, with its specifics (the value, the column, the other rows, the limit). */
  const rejectReason = (r: MisPreviewRow) => {
    if (!r.rejectCode) return r.reason ?? '';
    const params: Record<string, string | number> = { ...r.rejectParams };
    if (typeof params.field === 'string') params.field = t(params.field === 'ref' || params.field === 'name' ? `mis.col.${params.field}` : `mis.field.${params.field}`);
    return t(`mis.reject.${r.rejectCode}`, params);
  };
  const value = (field: MisFieldChange['field'], v: string | number | boolean) => {
    if (typeof v === 'boolean') return v ? t('mis.yes') : t('mis.no');
    if (field === 'yearGroup' && typeof v === 'number') return yearGroup(v);
    if (field === 'alnStatus' && typeof v === 'string') return t(`enums.alnStatus.${v}`);
    return String(v);
  };

  const stepNumber = step === 'file' ? 1 : step === 'mapping' ? 2 : 3;
  const footer =
    step === 'file' ? (
      <button type="button" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
    ) : step === 'mapping' ? (
      <>
        <button type="button" onClick={() => (mappingChanged ? setConfirmingBack(true) : chooseAnotherFile())} disabled={!!busy} data-testid="mis-back">
          {t('mis.back')}
        </button>
        <button type="button" className="primary" disabled={!!busy || !preview || !!preview.mappingProblem} onClick={() => setStep('preview')} data-testid="mis-to-preview">
          {t('mis.toPreview')}
        </button>
      </>
    ) : (
      <>
        <button type="button" onClick={() => setStep('mapping')} disabled={!!busy}>
          {t('mis.backToMapping')}
        </button>
        <button type="button" onClick={props.onClose} disabled={!!busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!!busy || toImport === 0} onClick={() => void doImport()} data-testid="mis-import">
          {t('mis.importButton', { count: toImport })}
        </button>
      </>
    );

  const counts = preview?.counts;
  const rejects = preview?.rows.filter((r) => r.action === 'reject') ?? [];
  const updates = preview?.rows.filter((r) => r.action === 'update') ?? [];
  const adds = preview?.rows.filter((r) => r.action === 'add') ?? [];

  return (
    <>
      <Dialog wide title={t('mis.title')} onClose={props.onClose} footer={footer}>
        <div className="mis-wizard">
          <p className="eyebrow" data-testid="mis-step">
            {t('mis.step', { n: stepNumber, of: 3 })} · {t(`mis.stepName.${step}`)}
          </p>
          <div aria-live="polite" className="mis-status">
            {busy ? (
              <p className="muted" role="status" data-testid="mis-busy">
                <span className="spinner" aria-hidden="true" /> {busy}
              </p>
            ) : null}
          </div>
          {problem ? (
            <FieldMessage testId="mis-problem">
              <span aria-hidden="true">⚠ </span>
              {problem}
            </FieldMessage>
          ) : null}

          {step === 'file' ? (
            <div>
              <p>{t('mis.fileIntro')}</p>
              <div className="field">
                <label htmlFor={`${id}-file`}>{t('mis.fileLabel')}</label>
                <FilePicker
                  ref={fileInput}
                  id={`${id}-file`}
                  accept={MIS_FILE_ACCEPT}
                  autoFocus
                  testId="mis-file"
                  describedBy={`${id}-file-hint`}
                  disabled={!!busy}
                  onFiles={(files) => void choose(files[0])}
                />
                <p id={`${id}-file-hint`} className="field-hint">
                  {t('mis.fileHint')}
                </p>
              </div>
              {picked ? <p className="muted">{t('mis.chosen', { name: picked.fileName })}</p> : null}
            </div>
          ) : null}

          {step === 'mapping' && preview && mapping ? (
            <div>
              <p>{t('mis.mappingIntro', { name: preview.fileName, columns: preview.columns.length })}</p>
              {preview.encoding ? <p className="muted">{t(`mis.encoding.${preview.encoding}`)}</p> : null}
              {preview.mappingProblem ? (
                <FieldMessage as="div" testId="mis-mapping-problem">
                  <p>
                    <span aria-hidden="true">⚠ </span>
                    {errorText(preview.mappingProblem, lang)}
                  </p>
                  {preview.mappingProblem.issues?.length ? (
                    <ul>
                      {preview.mappingProblem.issues.map((issue) => (
                        <li key={issue.path}>{issueText(issue, lang)}</li>
                      ))}
                    </ul>
                  ) : null}
                </FieldMessage>
              ) : (
                <p className="muted">{t('mis.mappingOk', { count: preview.counts.add + preview.counts.update + preview.counts.unchanged + preview.counts.reject })}</p>
              )}
              <div className="form-grid mis-mapping">
                {MIS_FIELDS.map((f) => {
                  const required = REQUIRED.has(f);
                  return (
                    <div className="field" key={f}>
                      <label htmlFor={`${id}-map-${f}`}>
                        {fieldLabel(f)}
                        {required ? <span className="required"> {t('mis.required')}</span> : null}
                      </label>
                      <select
                        id={`${id}-map-${f}`}
                        value={mapping[f] === null ? '' : String(mapping[f])}
                        disabled={!!busy}
                        aria-describedby={`${id}-maphint-${f}`}
                        onChange={(e) => void remap(f, e.target.value)}
                      >
                        <option value="">{t('mis.notInFile')}</option>
                        {preview.columns.map((c, i) => (
                          <option key={i} value={String(i)}>
                            {c.trim() === '' ? t('mis.unnamedColumn', { n: i + 1 }) : c}
                          </option>
                        ))}
                      </select>
                      <p id={`${id}-maphint-${f}`} className="field-hint">
                        {t(`mis.fieldHint.${f}`)}
                      </p>
                    </div>
                  );
                })}
              </div>
            </div>
          ) : null}

          {step === 'preview' && preview && counts ? (
            <div>
              <p>{t('mis.previewIntro', { name: preview.fileName })}</p>
              <dl className="mis-counts" data-testid="mis-counts">
                <div data-testid="mis-count-add">
                  <dt>{t('mis.count.add')}</dt>
                  <dd>{counts.add}</dd>
                </div>
                <div data-testid="mis-count-update">
                  <dt>{t('mis.count.update')}</dt>
                  <dd>{counts.update}</dd>
                </div>
                <div data-testid="mis-count-unchanged">
                  <dt>{t('mis.count.unchanged')}</dt>
                  <dd>{counts.unchanged}</dd>
                </div>
                <div data-testid="mis-count-reject" className={counts.reject > 0 ? 'warn' : undefined}>
                  <dt>{t('mis.count.reject')}</dt>
                  <dd>{counts.reject}</dd>
                </div>
                <div data-testid="mis-count-blank">
                  <dt>{t('mis.count.blank')}</dt>
                  <dd>{counts.blank}</dd>
                </div>
                <div data-testid="mis-count-notInFile">
                  <dt>{t('mis.count.notInFile')}</dt>
                  <dd>{counts.notInFile}</dd>
                </div>
              </dl>
              {preview.statusReadings.length > 0 ? (
                <section className="mis-status-readings" aria-labelledby="mis-status-readings" data-testid="mis-status-readings">
                  <h3 id="mis-status-readings">{t('mis.statusReadings.title')}</h3>
                  <table className="data-table compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('mis.statusReadings.word')}</th>
                        <th scope="col">{t('mis.statusReadings.readAs')}</th>
                        <th scope="col" className="num">
                          {t('mis.statusReadings.rows')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.statusReadings.map((r) => (
                        <tr key={r.text}>
                          <td>{r.text}</td>
                          <td>{t(`enums.alnStatus.${r.status}`)}</td>
                          <td className="num">{r.rows}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="muted">{t('mis.statusReadings.note')}</p>
                </section>
              ) : null}
              {counts.reject > 0 ? <p className="muted">{t('mis.nothingYet')}</p> : null}
              {counts.notInFile > 0 ? <p className="muted">{t('mis.notInFileKept', { count: counts.notInFile })}</p> : null}

              {rejects.length > 0 ? (
                <PreviewRowsSection
                  headingId={`${id}-rejects`}
                  heading={t('mis.rejectedHeading', { count: counts.reject })}
                  testId="mis-rejects"
                  columns={[t('mis.col.reason')]}
                  rows={rejects}
                  cells={(r) => <td>{rejectReason(r)}</td>}
                  more={rejects.length > SHOWN_ROWS ? t('mis.moreRows', { shown: SHOWN_ROWS, count: rejects.length }) : null}
                />
              ) : null}

              {preview.rows.some((r) => r.lostLetters) ? (
                <div className="notice notice-warn" role="status" data-testid="mis-lost-letters">
                  <p>{t('mis.lostLetters.intro')}</p>
                  <ul>
                    {preview.rows
                      .filter((r) => r.lostLetters)
                      .map((r) => (
                        <li key={r.rowNumber}>{t(r.action === 'add' ? 'mis.lostLetters.added' : 'mis.lostLetters.kept', { row: r.rowNumber, name: r.name })}</li>
                      ))}
                  </ul>
                </div>
              ) : null}

              {updates.length > 0 ? (
                <PreviewRowsSection
                  headingId={`${id}-updates`}
                  heading={t('mis.updatesHeading', { count: counts.update })}
                  testId="mis-updates"
                  columns={[t('mis.col.changes')]}
                  rows={updates}
                  cells={(r) => (
                    <td>
                      <ul className="plain-list">
                        {r.changes.map((c) => (
                          <li key={c.field}>{t('mis.change', { field: t(`mis.changeField.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })}</li>
                        ))}
                      </ul>
                    </td>
                  )}
                  more={updates.length > SHOWN_ROWS ? t('mis.moreRows', { shown: SHOWN_ROWS, count: counts.update }) : null}
                />
              ) : null}

              {adds.length > 0 ? (
                <PreviewRowsSection
                  headingId={`${id}-adds`}
                  heading={t('mis.addsHeading', { count: counts.add })}
                  testId="mis-adds"
                  columns={[t('mis.col.yearGroup'), t('mis.col.status')]}
                  rows={adds}
                  cells={(r) => (
                    <>
                      <td>{r.yearGroup === null ? t('common.dash') : yearGroup(r.yearGroup)}</td>
                      <td>{r.alnStatus ? t(`enums.alnStatus.${r.alnStatus}`) : t('common.dash')}</td>
                    </>
                  )}
                  more={counts.add > SHOWN_ROWS ? t('mis.moreRows', { shown: Math.min(SHOWN_ROWS, adds.length), count: counts.add }) : null}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </Dialog>
      {confirmingBack ? (
        <ConfirmDialog
          title={t('mis.backConfirmTitle')}
          body={<p>{t('mis.backConfirmBody', { name: picked?.fileName ?? '' })}</p>}
          confirmLabel={t('mis.back')}
          onConfirm={chooseAnotherFile}
          onCancel={() => setConfirmingBack(false)}
        />
      ) : null}
    </>
  );
}

/**
 * One kind of preview row (rejected, updated, added): a heading, the first SHOWN_ROWS rows with their
 * row number, reference and name followed by the kind's own columns, and a note when there are more.
 */
function PreviewRowsSection(props: {
  headingId: string;
  heading: string;
  testId: string;
  /** The headings of the kind's own columns, after row, reference and name. */
  columns: string[];
  rows: MisPreviewRow[];
  /** The kind's own cells for one row, one per column. */
  cells: (row: MisPreviewRow) => ReactNode;
  /** The "more rows" note, or null when every row is shown. */
  more: string | null;
}) {
  const { t } = useDisplay();
  return (
    <section>
      <h3 id={props.headingId}>{props.heading}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={props.headingId}>
        <table className="data-table compact" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('mis.col.row')}
              </th>
              <th scope="col">{t('mis.col.ref')}</th>
              <th scope="col">{t('mis.col.name')}</th>
              {props.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.slice(0, SHOWN_ROWS).map((r) => (
              <tr key={r.rowNumber}>
                <td className="num">{r.rowNumber}</td>
                <td>{r.ref}</td>
                <td>{r.name}</td>
                {props.cells(r)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.more !== null ? <p className="muted">{props.more}</p> : null}
    </section>
  );
}
