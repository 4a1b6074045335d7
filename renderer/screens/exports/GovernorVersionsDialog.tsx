/**
 * The versions presented to governors kept in the school file (docs/exports.md, "Versions presented to
 * governors"): each can be opened read-only, its workbook exported again (the same file), compared with the
 * map now in the scenario comparison's table, or deleted once the person confirms.
 */
import { recordName } from '../../../shared/i18n/recordNames';
import { useEffect, useState } from 'react';
import type { GovernorVersionSummary, GovernorVersionView } from '../../../shared/api/contract';
import type { ScenarioComparison } from '../../../shared/engine';
import { Dialog } from '../../components/Dialog';
import { useDisplay } from '../../display';
import { errorText } from '../../errors/localisedError';
import { queuedCall } from '../../state/callQueue';
import { asApiError, useMapio } from '../../state/store';
import { ScenarioComparisonTable } from '../scenarios/ScenarioComparisonTable';
import { defaultExportPath, fileNameOf } from './exportPaths';

type Shown =
  | { kind: 'none' }
  | { kind: 'open'; view: GovernorVersionView }
  | { kind: 'compare'; version: GovernorVersionSummary; comparison: ScenarioComparison }
  | { kind: 'export'; version: GovernorVersionSummary; path: string; written: string | null }
  | { kind: 'delete'; version: GovernorVersionSummary };

export function GovernorVersionsDialog(props: { onClose: () => void }) {
  const { t, date, pounds } = useDisplay();
  const schoolView = useMapio((s) => s.view);
  const [versions, setVersions] = useState<GovernorVersionSummary[] | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  /** Run a call, showing the backend's reason in the reader's language if it is refused. */
  const attempt = async (work: () => Promise<void>) => {
    setProblem(null);
    setStatus(null);
    try {
      await work();
    } catch (err) {
      const error = asApiError(err);
      const lang = useMapio.getState().lang;
      setProblem(errorText(error.toBody(), lang));
    }
  };

  useEffect(() => {
    void attempt(async () => setVersions(await queuedCall('versions.list', {})));
    // Listed once when the dialog opens; every change below returns the list again.
  }, []);

  const exportPath = (v: GovernorVersionSummary) =>
    schoolView
      ? defaultExportPath(schoolView.file.path, recordName(schoolView.data.school, useMapio.getState().lang), `${t('exportDialogs.versions.what')} ${v.presentedOn}`, 'governors', new Date())
      : '';

  return (
    <Dialog title={t('exportDialogs.versions.title')} onClose={props.onClose} wide>
      <div className="export-dialog" data-testid="governor-versions">
        <p className="intro">{t('exportDialogs.versions.intro')}</p>
        {versions === null ? <p>{t('exportDialogs.versions.loading')}</p> : null}
        {versions !== null && versions.length === 0 ? <p data-testid="governor-versions-none">{t('exportDialogs.versions.none')}</p> : null}
        {versions && versions.length > 0 ? (
          <ul className="version-list">
            {versions.map((v) => (
              <li key={v.id} data-testid={`governor-version-${v.id}`}>
                <strong>{v.name}</strong> · {t('exportDialogs.versions.presentedOn', { date: date(v.presentedOn) })} ·{' '}
                {t('exportDialogs.versions.language', { language: t(v.options.lang === 'cy' ? 'enums.deliveryLanguage.welsh' : 'enums.deliveryLanguage.english') })}
                <div className="button-row">
                  <button type="button" data-testid="version-open" onClick={() => void attempt(async () => setShown({ kind: 'open', view: await queuedCall('versions.open', { id: v.id }) }))}>
                    {t('exportDialogs.versions.open')}
                  </button>
                  <button type="button" data-testid="version-export" onClick={() => setShown({ kind: 'export', version: v, path: exportPath(v), written: null })}>
                    {t('exportDialogs.versions.exportAgain')}
                  </button>
                  <button
                    type="button"
                    data-testid="version-compare"
                    onClick={() => void attempt(async () => setShown({ kind: 'compare', version: v, comparison: await queuedCall('versions.compare', { id: v.id }) }))}
                  >
                    {t('exportDialogs.versions.compare')}
                  </button>
                  <button type="button" className="danger" data-testid="version-delete" onClick={() => setShown({ kind: 'delete', version: v })}>
                    {t('exportDialogs.versions.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}

        {shown.kind === 'open' ? (
          <section aria-label={shown.view.version.name} data-testid="version-read-only">
            <p className="notice">{t('exportDialogs.versions.readOnly', { date: date(shown.view.version.presentedOn) })}</p>
            <table className="data-table">
              <tbody>
                {(
                  [
                    ['totalCost', pounds(shown.view.costed.totals.costPence)],
                    ['charged', pounds(shown.view.costed.totals.chargedPence)],
                    ['income', pounds(shown.view.costed.budget.incomePence)],
                    ['position', pounds(shown.view.costed.budget.positionPence)],
                    ['lines', String(shown.view.data.lines.length)],
                    ['learnersWithAln', String(shown.view.costed.totals.learnersWithAln)],
                  ] as const
                ).map(([key, value]) => (
                  <tr key={key} data-testid={`version-figure-${key}`}>
                    <th scope="row">{t(`exportDialogs.versions.${key}`)}</th>
                    <td className="num">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        {shown.kind === 'compare' ? (
          <section data-testid="version-comparison">
            <p>{t('exportDialogs.versions.compareIntro', { name: shown.version.name })}</p>
            <ScenarioComparisonTable comparison={shown.comparison} comparedDetail={() => t('exportDialogs.versions.presentedOn', { date: date(shown.version.presentedOn) })} />
          </section>
        ) : null}

        {shown.kind === 'export' ? (
          <section data-testid="version-export-form">
            <div className="field">
              <label htmlFor="version-export-path">{t('exportDialogs.versions.exportPath')}</label>
              <input
                id="version-export-path"
                type="text"
                spellCheck={false}
                value={shown.path}
                onChange={(e) => setShown({ ...shown, path: e.target.value, written: null })}
                data-testid="version-export-path"
              />
            </div>
            <button
              type="button"
              className="primary"
              data-testid="version-export-submit"
              onClick={() =>
                void attempt(async () => {
                  const written = await queuedCall('versions.export', { id: shown.version.id, path: shown.path.trim() });
                  setShown({ ...shown, written: written.path });
                  setStatus(t('exportDialogs.versions.exported', { file: fileNameOf(written.path) }));
                })
              }
            >
              {t('exportDialogs.versions.exportSubmit')}
            </button>
          </section>
        ) : null}

        {shown.kind === 'delete' ? (
          <section role="alertdialog" aria-label={t('exportDialogs.versions.confirmDeleteButton')} data-testid="version-delete-confirm">
            <p>{t('exportDialogs.versions.confirmDelete', { name: shown.version.name })}</p>
            <div className="button-row">
              <button type="button" data-autofocus onClick={() => setShown({ kind: 'none' })}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="danger"
                data-testid="version-delete-yes"
                onClick={() =>
                  void attempt(async () => {
                    setVersions(await queuedCall('versions.delete', { id: shown.version.id }));
                    setShown({ kind: 'none' });
                    setStatus(t('exportDialogs.versions.deleted', { name: shown.version.name }));
                  })
                }
              >
                {t('exportDialogs.versions.confirmDeleteButton')}
              </button>
            </div>
          </section>
        ) : null}

        <div role="status" className="export-status" data-testid="governor-versions-status">
          {status}
        </div>
        {problem ? (
          <p role="alert" className="export-failed" data-testid="governor-versions-error">
            {problem}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
