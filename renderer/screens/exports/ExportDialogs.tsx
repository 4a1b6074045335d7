/**
 * The school's three exports, each from the File menu: the governors' workbook, the statement
 * for parents of what the school regards as ALP, and the return to the local authority.
 * Exports are refused while a scenario is open: the backend's sentence says so and is shown as it is.
 */
import { useState } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { queuedCall } from '../../state/callQueue';
import { useMapio } from '../../state/store';
import { AuthorityFileDialog } from '../authority/AuthorityFileDialog';
import { ExportFrame, LanguageChoice } from './ExportFrame';
import { useExportDialog } from './exportDialogState';
import { defaultExportPath, fileNameOf, type ExportKind } from './exportPaths';
import { localToday } from '../../../shared/localToday';
import { useDisplay } from '../../display';
import { VERSION_NAME_MAX } from '../../../shared/api/contract';
import { GovernorVersionsDialog } from './GovernorVersionsDialog';
import { recordName } from '../../../shared/i18n/recordNames';

type LearnersSheet = 'none' | 'pseudonymised' | 'named';

/** The default path beside the open school file, in the person's language (the school's Welsh name to a Welsh reader, where given). */
function useDefaultPath(kind: ExportKind, whatKey: string): string {
  const { t } = useTranslator();
  const view = useMapio((s) => s.view);
  const lang = useMapio((s) => s.lang);
  const preset = useExportDialog((s) => s.presetPath);
  if (preset) return preset;
  return view ? defaultExportPath(view.file.path, recordName(view.data.school, lang), t(whatKey), kind, new Date()) : '';
}

export function GovernorsExportDialog(props: { onClose: () => void }) {
  const { t } = useTranslator();
  const uiLang = useMapio((s) => s.lang);
  const initialPath = useDefaultPath('governors', 'exportDialogs.governors.what');
  const [learners, setLearners] = useState<LearnersSheet>('none');
  const [lang, setLang] = useState<'en' | 'cy'>(uiLang);
  const warningId = 'governors-named-warning';
  const [keepVersion, setKeepVersion] = useState(false);
  const [versionName, setVersionName] = useState(() => t('exportDialogs.governors.versionDefaultName'));
  const [presentedOn, setPresentedOn] = useState(() => localToday());
  const { date } = useDisplay();

  return (
    <ExportFrame
      title={t('exportDialogs.governors.title')}
      intro={t('exportDialogs.governors.intro')}
      initialPath={initialPath}
      pathHint={t('exportDialogs.pathHintXlsx')}
      busyText={t('exportDialogs.governors.busy')}
      submitLabel={t('exportDialogs.governors.submit')}
      testId="export-governors"
      onClose={props.onClose}
      run={async (path) => {
        // Left empty, the name and the date fall back to what they started as.
        const version = keepVersion ? { name: versionName.trim() || t('exportDialogs.governors.versionDefaultName'), presentedOn: presentedOn || localToday() } : undefined;
        const written = await queuedCall('export.governorsWorkbook', { path, learners, lang, ...(version ? { version } : {}) });
        const message = t('exportDialogs.governors.done', { file: fileNameOf(written.path), sheets: written.sheets.join(', ') });
        const kept = written.version ? ` ${t('exportDialogs.governors.doneVersion', { name: written.version.name, date: date(written.version.presentedOn) })}` : '';
        return { message: message + kept, detail: t('exportDialogs.fullPath', { path: written.path }) };
      }}
    >
      <fieldset className="choice-group">
        <legend>{t('exportDialogs.governors.learnersLegend')}</legend>
        {(['none', 'pseudonymised', 'named'] as const).map((choice) => (
          <label key={choice} className="field-check">
            <input
              type="radio"
              name="governors-learners"
              value={choice}
              checked={learners === choice}
              onChange={() => setLearners(choice)}
              aria-describedby={choice === 'named' ? warningId : undefined}
              data-testid={`export-learners-${choice}`}
            />
            <span>{t(`exportDialogs.governors.learners.${choice}`)}</span>
          </label>
        ))}
        <p id={warningId} className={learners === 'named' ? 'personal-data-warning' : 'field-hint'}>
          {learners === 'named' ? <strong>{t('exportDialogs.governors.namedWarningTitle')} </strong> : null}
          {t('exportDialogs.governors.namedWarning')}
        </p>
      </fieldset>
      <LanguageChoice name="governors-lang" value={lang} onChange={setLang} />
      <fieldset className="choice-group">
        <label className="field-check">
          <input type="checkbox" checked={keepVersion} onChange={(e) => setKeepVersion(e.target.checked)} aria-describedby="governors-version-hint" data-testid="export-keep-version" />
          <span>{t('exportDialogs.governors.saveVersion')}</span>
        </label>
        <p id="governors-version-hint" className="field-hint">
          {t('exportDialogs.governors.saveVersionHint')}
        </p>
        {keepVersion ? (
          <>
            <div className="field">
              <label htmlFor="governors-version-name">{t('exportDialogs.governors.versionName')}</label>
              <input id="governors-version-name" type="text" value={versionName} maxLength={VERSION_NAME_MAX} onChange={(e) => setVersionName(e.target.value)} data-testid="export-version-name" />
            </div>
            <div className="field">
              <label htmlFor="governors-version-date">{t('exportDialogs.governors.presentedOn')}</label>
              <input id="governors-version-date" type="date" value={presentedOn} onChange={(e) => setPresentedOn(e.target.value)} data-testid="export-version-date" />
            </div>
          </>
        ) : null}
      </fieldset>
    </ExportFrame>
  );
}

export function AlpStatementDialog(props: { onClose: () => void }) {
  const { t } = useTranslator();
  const uiLang = useMapio((s) => s.lang);
  const initialPath = useDefaultPath('alpStatement', 'exportDialogs.alpStatement.what');
  const [lang, setLang] = useState<'en' | 'cy' | 'bilingual'>(uiLang);
  return (
    <ExportFrame
      title={t('exportDialogs.alpStatement.title')}
      intro={t('exportDialogs.alpStatement.intro')}
      initialPath={initialPath}
      pathHint={t('exportDialogs.pathHintHtml')}
      busyText={t('exportDialogs.alpStatement.busy')}
      submitLabel={t('exportDialogs.alpStatement.submit')}
      testId="export-alp-statement"
      onClose={props.onClose}
      run={async (path, notLearners) => {
        const written = await queuedCall('export.alpStatement', { path, lang, notLearners });
        return { message: t('exportDialogs.alpStatement.done', { file: fileNameOf(written.path) }), detail: t('exportDialogs.fullPath', { path: written.path }) };
      }}
    >
      <LanguageChoice name="statement-lang" value={lang} onChange={setLang} bilingual />
    </ExportFrame>
  );
}

export function AuthorityReturnDialog(props: { onClose: () => void }) {
  const { t } = useTranslator();
  const uiLang = useMapio((s) => s.lang);
  const initialPath = useDefaultPath('authorityReturn', 'exportDialogs.authorityReturn.what');
  const [lang, setLang] = useState<'en' | 'cy'>(uiLang);
  return (
    <ExportFrame
      title={t('exportDialogs.authorityReturn.title')}
      intro={t('exportDialogs.authorityReturn.intro')}
      initialPath={initialPath}
      pathHint={t('exportDialogs.pathHintXlsx')}
      busyText={t('exportDialogs.authorityReturn.busy')}
      submitLabel={t('exportDialogs.authorityReturn.submit')}
      testId="export-return"
      onClose={props.onClose}
      run={async (path, notLearners) => {
        const written = await queuedCall('return.create', { path, lang, notLearners });
        return {
          message: t('exportDialogs.authorityReturn.done', { school: written.schoolName, year: written.academicYear, file: fileNameOf(written.path) }),
          detail: t('exportDialogs.fullPath', { path: written.path }),
        };
      }}
    >
      <LanguageChoice name="return-lang" value={lang} onChange={setLang} />
    </ExportFrame>
  );
}

/** Mounted once by App: shows whichever export (or authority file) dialog is open. */
export function ExportDialogHost() {
  const open = useExportDialog((s) => s.open);
  const close = useExportDialog((s) => s.close);
  const hasSchool = useMapio((s) => s.view !== null);
  if (open === 'authorityNew' || open === 'authorityOpen') return <AuthorityFileDialog mode={open === 'authorityNew' ? 'create' : 'open'} onClose={close} />;
  if (!hasSchool) return null;
  if (open === 'governors') return <GovernorsExportDialog onClose={close} />;
  if (open === 'alpStatement') return <AlpStatementDialog onClose={close} />;
  if (open === 'authorityReturn') return <AuthorityReturnDialog onClose={close} />;
  if (open === 'governorVersions') return <GovernorVersionsDialog onClose={close} />;
  return null;
}
