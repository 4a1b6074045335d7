import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onMenuCommand } from './api/client';
import { listenForHistoryKeys, takeHistoryStep } from './historyKeys';
import { AlertRegion } from './components/AlertRegion';
import { BackupsDialogHost, useBackupsDialog } from './components/BackupsDialog';
import { menuOutcome } from './components/menuCommands';
import { FileMenu } from './components/FileMenu';
import { Nav } from './components/Nav';
import { PathDialog, type PathAction } from './components/PathDialog';
import { TotalsBar } from './components/TotalsBar';
import { selectRecentFiles, useMapio } from './state/store';
import { ProvisionMapScreen } from './screens/provisionMap/ProvisionMapScreen';
import { LearnersScreen } from './screens/learners/LearnersScreen';
import { StaffScreen } from './screens/staff/StaffScreen';
import { BudgetScreen } from './screens/budget/BudgetScreen';
import { ChecksScreen } from './screens/checks/ChecksScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { ScenariosScreen } from './screens/scenarios/ScenariosScreen';
import { SchoolScreen } from './screens/school/SchoolScreen';
import { ScenarioBanner } from './screens/scenarios/ScenarioBanner';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { BusyIndicator } from './components/BusyIndicator';
import { onEngineRestarted } from './state/callsInFlight';
import { useAuthority } from './screens/authority/authorityState';
import { ExportDialogHost } from './screens/exports/ExportDialogs';
import { useExportDialog } from './screens/exports/exportDialogState';
import { isLang, type Lang } from '../shared/i18n';

// The two screens with charts load when first shown: the charts library is over a third of the
// screens' code, and leaving it out of the first bundle lets the map paint sooner (docs/performance.md).
const DashboardScreen = lazy(() => import('./screens/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const AuthorityScreen = lazy(() => import('./screens/authority/AuthorityScreen').then((m) => ({ default: m.AuthorityScreen })));

export function App() {
  const { t, i18n } = useTranslation();
  const view = useMapio((s) => s.view);
  const booting = useMapio((s) => s.booting);
  const pending = useMapio((s) => s.pending);
  const screen = useMapio((s) => s.screen);
  const lang = useMapio((s) => s.lang);
  const setLang = useMapio((s) => s.setLang);
  const recent = useMapio(selectRecentFiles);
  const schoolFolder = useMapio((s) => s.appInfo?.schoolFolder ?? null);
  const { boot, createFile, openFile, saveAs, undo, redo, setAlert } = useMapio.getState();
  const [pathAction, setPathAction] = useState<PathAction | null>(null);

  useEffect(() => {
    void boot();
  }, [boot]);

  // An authority file the backend still holds (a reload in browser mode) opens its workspace again.
  const authorityView = useAuthority((s) => s.view);
  useEffect(() => {
    void useAuthority.getState().restore();
  }, []);
  // After a call was stopped (time limit or Stop) the data process reopened the files: show them afresh.
  useEffect(
    () =>
      onEngineRestarted(() => {
        void useMapio.getState().resync();
        void useAuthority.getState().restore();
      }),
    [],
  );

  // The language lives in the backend's settings, so it survives a restart in every mode (a new browser-mode
  // port is a new origin with empty localStorage). localStorage only gives the first paint before app.info answers.
  const savedLang = useMapio((s) => s.appInfo?.language ?? null);
  const langSettled = useRef(false);
  useEffect(() => {
    if (langSettled.current || savedLang === null) return;
    langSettled.current = true;
    if (savedLang !== useMapio.getState().lang) setLang(savedLang);
  }, [savedLang, setLang]);
  const chooseLang = useCallback(
    (next: Lang) => {
      // A choice made before app.info answered wins over what was saved before.
      langSettled.current = true;
      setLang(next);
      void useMapio
        .getState()
        .request('settings.setLanguage', { language: next })
        .then((outcome) => {
          if (outcome.ok) useMapio.setState({ appInfo: outcome.result });
        });
    },
    [setLang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang, i18n]);

  useEffect(() => {
    document.title = view ? `${view.data.school.name} · ${view.file.name} · Mapio` : 'Mapio';
  }, [view]);

  const runPath = useCallback(
    (action: PathAction, path: string) => {
      if (action === 'newDemo') return createFile(path, 'demo');
      if (action === 'newEmpty') return createFile(path, 'empty');
      if (action === 'open') return openFile(path);
      return saveAs(path);
    },
    [createFile, openFile, saveAs],
  );

  // Electron's native File menu: the same dialogs as the in-page one.
  useEffect(
    () =>
      onMenuCommand((cmd) => {
        const outcome = menuOutcome(cmd, useMapio.getState().view !== null);
        if (outcome.kind === 'undo' || outcome.kind === 'redo') return takeHistoryStep(outcome.kind, (step) => (step === 'undo' ? undo() : redo()));
        if (outcome.kind === 'backups') return useBackupsDialog.getState().show();
        if (outcome.kind === 'needSchoolFile') return setAlert({ key: 'exportDialogs.needSchoolFile' });
        if (outcome.kind === 'export') return useExportDialog.getState().show(outcome.dialog, outcome.presetPath);
        if (outcome.path) void runPath(outcome.action, outcome.path);
        else setPathAction(outcome.action);
      }),
    [runPath, undo, redo, setAlert],
  );

  // Ctrl/Cmd+Z undoes, Ctrl+Y or Ctrl/Cmd+Shift+Z redoes: the file's history, one step a press (renderer/historyKeys.ts).
  useEffect(() => listenForHistoryKeys(window, (step) => (step === 'undo' ? undo() : redo())), [undo, redo]);

  const history = view?.history;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            M
          </span>
          <div>
            <p className="school-name" data-testid="school-name">
              {view ? view.data.school.name : t('app.title')}
            </p>
            <p className="file-name" data-testid="file-name">
              {view ? t('app.fileLabel', { name: view.file.name }) : t('app.tagline')}
            </p>
          </div>
        </div>
        <div className="header-actions">
          <FileMenu onAction={setPathAction} onOpenRecent={(p) => void openFile(p)} />
          <button
            type="button"
            data-testid="undo"
            disabled={!history?.canUndo}
            title={history?.undoLabel ? t('menu.undoWhat', { label: history.undoLabel }) : t('menu.nothingToUndo')}
            onClick={() => void undo()}
          >
            <span aria-hidden="true">↶ </span>
            {t('menu.undo')}
          </button>
          <button
            type="button"
            data-testid="redo"
            disabled={!history?.canRedo}
            title={history?.redoLabel ? t('menu.redoWhat', { label: history.redoLabel }) : t('menu.nothingToRedo')}
            onClick={() => void redo()}
          >
            <span aria-hidden="true">↷ </span>
            {t('menu.redo')}
          </button>
          <span className="save-state" aria-live="polite">
            {view ? (pending > 0 ? t('app.saving') : t('app.saved')) : ''}
          </span>
          <BusyIndicator />
          <label className="lang-select">
            <span>{t('app.language')}</span>
            <select value={lang} onChange={(e) => isLang(e.target.value) && chooseLang(e.target.value)}>
              <option value="en">{t('app.languageNames.en')}</option>
              <option value="cy">{t('app.languageNames.cy')}</option>
            </select>
          </label>
        </div>
      </header>
      <AlertRegion />
      {view ? <ScenarioBanner /> : null}
      {view ? <ReadOnlyBanner onSaveAs={() => setPathAction('saveAs')} /> : null}
      {view && !(screen === 'authority' && authorityView) ? <TotalsBar /> : null}
      <div className="app-body">
        {view || authorityView ? <Nav /> : null}
        <main id="main" className="app-main" tabIndex={-1}>
          {booting ? (
            <p className="muted">{t('app.loading')}</p>
          ) : screen === 'authority' && authorityView ? (
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <AuthorityScreen />
            </Suspense>
          ) : !view ? (
            <WelcomeScreen onAction={setPathAction} onOpenRecent={(p) => void openFile(p)} />
          ) : screen === 'map' ? (
            <ProvisionMapScreen />
          ) : screen === 'learners' ? (
            <LearnersScreen />
          ) : screen === 'staff' ? (
            <StaffScreen />
          ) : screen === 'budget' ? (
            <BudgetScreen />
          ) : screen === 'checks' ? (
            <ChecksScreen />
          ) : screen === 'scenarios' ? (
            <ScenariosScreen />
          ) : screen === 'school' ? (
            <SchoolScreen />
          ) : (
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <DashboardScreen />
            </Suspense>
          )}
        </main>
      </div>
      {pathAction ? <PathDialog action={pathAction} recent={recent} folder={schoolFolder} onSubmit={(p) => runPath(pathAction, p)} onClose={() => setPathAction(null)} /> : null}
      <ExportDialogHost />
      <BackupsDialogHost />
    </div>
  );
}
