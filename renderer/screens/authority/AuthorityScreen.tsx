/**
 * The local authority's comparison workspace: returns come in, schools sit side by side with
 * their context, classification differences and outliers are questions to ask, and the comparison goes
 * out as an Excel workbook. Renders from the open authority file's AuthorityView only.
 */
import { useId, useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useMapio } from '../../state/store';
import { ExportFrame } from '../exports/ExportFrame';
import { defaultExportPath, fileNameOf } from '../exports/exportPaths';
import { useAuthority } from './authorityState';
import { ClassificationDifferences } from './ClassificationDifferences';
import { ImportArea } from './ImportArea';
import { OutlierSection } from './OutlierCharts';
import { SchoolsTable } from './SchoolsTable';
import { AuthorityLists } from './AuthorityLists';
import { AuthorityTotals } from './AuthorityTotals';

export function AuthorityScreen() {
  const { t } = useTranslator();
  const id = useId();
  const view = useAuthority((s) => s.view);
  const showYear = useAuthority((s) => s.showYear);
  const close = useAuthority((s) => s.close);
  const hasSchool = useMapio((s) => s.view !== null);
  const [exporting, setExporting] = useState(false);
  if (!view) return null;
  const { comparison } = view;
  const year = view.academicYear;
  const stem = view.file.name.replace(/\.mapio-la$/i, '');

  return (
    <div className="authority-screen" data-testid="authority-screen">
      <div className="screen-head">
        <div>
          <h1>{t('authority.title')}</h1>
          <p className="muted" data-testid="authority-file-name">
            {t('authority.fileLabel', { name: view.file.name, count: view.returns.length })}
          </p>
        </div>
        <div className="button-row">
          {view.academicYears.length > 1 && year ? (
            <label className="filter">
              <span>{t('authority.yearLabel')}</span>
              <select id={`${id}-year`} value={year} onChange={(e) => void showYear(e.target.value)}>
                {view.academicYears.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className="primary" disabled={comparison.schools.length === 0} onClick={() => setExporting(true)} data-testid="export-comparison">
            {t('authority.export.button')}
          </button>
          <button
            type="button"
            onClick={() => {
              void close().then(() => useMapio.getState().show('map'));
            }}
          >
            {t('authority.closeFile')}
          </button>
        </div>
      </div>
      <p className="intro">{t('authority.intro')}</p>
      {!hasSchool ? null : <p className="field-hint">{t('authority.schoolStillOpen')}</p>}

      <ImportArea />
      <AuthorityLists academicYear={year} listedSchools={view.listedSchools} notReturned={comparison.notReturned} />

      {comparison.schools.length === 0 || !year ? (
        <p className="empty" data-testid="authority-empty">
          {t('authority.empty')}
        </p>
      ) : (
        <>
          <AuthorityTotals comparison={comparison} />
          <SchoolsTable rows={comparison.schools} academicYear={year} />
          <ClassificationDifferences comparison={comparison} />
          <OutlierSection comparison={comparison} />
        </>
      )}

      {exporting ? (
        <ExportFrame
          title={t('authority.export.title')}
          intro={t('authority.export.intro', { year: year ?? '' })}
          initialPath={defaultExportPath(view.file.path, stem, t('authority.export.what', { year: year ?? '' }), 'comparison', new Date())}
          pathHint={t('authority.export.pathHint')}
          busyText={t('authority.export.busy')}
          submitLabel={t('authority.export.submit')}
          testId="export-comparison-dialog"
          onClose={() => setExporting(false)}
          run={async (path) => {
            const outcome = await useAuthority.getState().exportComparison(path);
            if (!outcome.ok) throw outcome.error;
            return { message: t('authority.export.done', { file: fileNameOf(outcome.result.path) }), detail: t('exportDialogs.fullPath', { path: outcome.result.path }) };
          }}
        />
      ) : null}
    </div>
  );
}
