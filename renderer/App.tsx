import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslator } from './i18n/useTranslator';
import { onMenuCommand } from './api/client';
import { listenForHistoryKeys, takeHistoryStep } from './historyKeys';
import { AlertRegion } from './components/AlertRegion';
import { useBackupsDialog } from './components/backupsDialogState';
import { menuOutcome } from './components/menuCommands';
import { FileMenu } from './components/FileMenu';
import { Loading } from './components/Loading';
import { Nav } from './components/Nav';
import type { PathAction } from './components/PathDialog';
import { TotalsBar } from './components/TotalsBar';
import { selectRecentFiles, useMapio, type FileOpOptions } from './state/store';
import { ProvisionMapScreen } from './screens/provisionMap/ProvisionMapScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { ScenarioBanner } from './screens/scenarios/ScenarioBanner';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { BusyIndicator } from './components/BusyIndicator';
import { HistoryButtons } from './components/HistoryButtons';
import { SaveState } from './components/SaveState';
import { onEngineRestarted } from './state/callsInFlight';
import { useAuthority } from './screens/authority/authorityState';
import { useExportDialog } from './screens/exports/exportDialogState';
import { isLang, type Lang } from '../shared/i18n/translator';
import { recordName } from '../shared/i18n/recordNames';

// Only the map (and the welcome screen, when no file is open) is in the first bundle. Every other screen
// and dialog loads when first shown, showing "Loading…" meanwhile, so the map paints sooner; the charts
// library alone is over a third of the screens' code (docs/performance.md). Once the map is on screen
// they are fetched in the background (`loadTheRest`), so opening one later rarely waits.
const loadLearners = () => import('./screens/learners/LearnersScreen');
const loadStaff = () => import('./screens/staff/StaffScreen');
const loadBudget = () => import('./screens/budget/BudgetScreen');
const loadChecks = () => import('./screens/checks/ChecksScreen');
const loadScenarios = () => import('./screens/scenarios/ScenariosScreen');
const loadSchool = () => import('./screens/school/SchoolScreen');
const loadDashboard = () => import('./screens/dashboard/DashboardScreen');
const loadAuthority = () => import('./screens/authority/AuthorityScreen');
const loadExportDialogs = () => import('./screens/exports/ExportDialogs');
const loadBackupsDialog = () => import('./components/BackupsDialog');
const loadPathDialog = () => import('./components/PathDialog');
const LearnersScreen = lazy(() => loadLearners().then((m) => ({ default: m.LearnersScreen })));
const StaffScreen = lazy(() => loadStaff().then((m) => ({ default: m.StaffScreen })));
const BudgetScreen = lazy(() => loadBudget().then((m) => ({ default: m.BudgetScreen })));
const ChecksScreen = lazy(() => loadChecks().then((m) => ({ default: m.ChecksScreen })));
const ScenariosScreen = lazy(() => loadScenarios().then((m) => ({ default: m.ScenariosScreen })));
const SchoolScreen = lazy(() => loadSchool().then((m) => ({ default: m.SchoolScreen })));
const DashboardScreen = lazy(() => loadDashboard().then((m) => ({ default: m.DashboardScreen })));
const AuthorityScreen = lazy(() => loadAuthority().then((m) => ({ default: m.AuthorityScreen })));
const ExportDialogHost = lazy(() => loadExportDialogs().then((m) => ({ default: m.ExportDialogHost })));
const BackupsDialog = lazy(() => loadBackupsDialog().then((m) => ({ default: m.BackupsDialog })));
const PathDialog = lazy(() => loadPathDialog().then((m) => ({ default: m.PathDialog })));

/** The screens and dialogs not in the first bundle, fetched once the first screen has painted. */
function loadTheRest(): void {
  for (const load of [loadLearners, loadStaff, loadBudget, loadChecks, loadScenarios, loadSchool, loadExportDialogs, loadBackupsDialog, loadPathDialog]) {
    void load().catch(() => undefined); // a failed fetch is tried again when the screen is opened
  }
}

export function App() {
  const { t, i18n } = useTranslator();
  // Only what the shell shows of the view, each a plain value: an edit (a new view, calls starting and
  // ending) leaves these as they were, so the shell and its header do not render again for it; the parts
  // that show the edit (the totals, the screen, saving…) subscribe to what they show (docs/performance.md).
  const hasView = useMapio((s) => s.view !== null);
  // The school's name in the reader's language: its Welsh name to a Welsh reader, where it gave one.
  const schoolName = useMapio((s) => (s.view ? recordName(s.view.data.school, s.lang) : null));
  const fileName = useMapio((s) => s.view?.file.name ?? null);
  const booting = useMapio((s) => s.booting);
  const screen = useMapio((s) => s.screen);
  const lang = useMapio((s) => s.lang);
  const langLoading = useMapio((s) => s.langLoading);
  const setLang = useMapio((s) => s.setLang);
  const recent = useMapio(selectRecentFiles);
  const schoolFolder = useMapio((s) => s.appInfo?.schoolFolder ?? null);
  const { createFile, openFile, saveAs, undo, redo, setAlert } = useMapio.getState();
  const [pathAction, setPathAction] = useState<PathAction | null>(null);

  // Once the first screen is up (booted), the other screens' code is fetched while the person reads it.
  useEffect(() => {
    if (booting) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(loadTheRest, { timeout: 2_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(loadTheRest, 300);
    return () => window.clearTimeout(timer);
  }, [booting]);
  const exportDialogOpen = useExportDialog((s) => s.open !== null);
  const backupsDialogOpen = useBackupsDialog((s) => s.open);
  const closeBackups = useBackupsDialog((s) => s.close);

  // The school year is asked for, and then any authority file the backend still holds (a reload in browser
  // mode), before this first renders (renderer/main.tsx).
  const authorityView = useAuthority((s) => s.view);
  // After a call was stopped (time limit or Stop) the data process reopened the files: show them afresh.
  useEffect(
    () =>
      onEngineRestarted(() => {
        // The authority file is asked for after app.info is fresh, since that says whether one is open.
        void useMapio
          .getState()
          .resync()
          .then(() => useAuthority.getState().restore());
      }),
    [],
  );

  // The language lives in the backend's settings, so it survives a restart in every mode (a new browser-mode
  // port is a new origin with empty storage); main.tsx renders first in the language app.info answers.
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

  // The tab names what is on screen: on the authority comparison, its own file, not the school file behind it.
  const authorityFileName = authorityView?.file.name ?? null;
  const onAuthority = screen === 'authority' && authorityFileName !== null;
  const authorityTitle = t('authority.title');
  useEffect(() => {
    document.title = onAuthority ? `${authorityTitle} · ${authorityFileName} · Mapio` : hasView ? `${schoolName} · ${fileName} · Mapio` : 'Mapio';
  }, [onAuthority, authorityTitle, authorityFileName, hasView, schoolName, fileName]);

  const runPath = useCallback(
    (action: PathAction, path: string, options?: FileOpOptions) => {
      if (action === 'newDemo') return createFile(path, 'demo', options);
      if (action === 'newEmpty') return createFile(path, 'empty', options);
      if (action === 'open') return openFile(path, options);
      return saveAs(path, options);
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
              {hasView ? schoolName : t('app.title')}
            </p>
            <p className="file-name" data-testid="file-name">
              {hasView ? t('app.fileLabel', { name: fileName }) : t('app.tagline')}
            </p>
          </div>
        </div>
        <div className="header-actions">
          <FileMenu onAction={setPathAction} onOpenRecent={(p) => void openFile(p)} />
          <HistoryButtons onUndo={undo} onRedo={redo} />
          <SaveState />
          <BusyIndicator />
          <label className="lang-select">
            <span>{t('app.language')}</span>
            <select value={langLoading ?? lang} onChange={(e) => isLang(e.target.value) && chooseLang(e.target.value)}>
              <option value="en">{t('app.languageNames.en')}</option>
              <option value="cy">{t('app.languageNames.cy')}</option>
            </select>
          </label>
          {/* The chosen language's words are fetched the first time it is chosen: a moment, from disk. */}
          {langLoading ? <Loading /> : null}
        </div>
      </header>
      <AlertRegion />
      {hasView ? <ScenarioBanner /> : null}
      {hasView ? <ReadOnlyBanner onSaveAs={() => setPathAction('saveAs')} /> : null}
      {hasView && !(screen === 'authority' && authorityView) ? <TotalsBar /> : null}
      <div className="app-body">
        {hasView || authorityView ? <Nav /> : null}
        <main id="main" className="app-main" tabIndex={-1}>
          {booting ? (
            <p className="muted">{t('app.loading')}</p>
          ) : (
            <Suspense fallback={<Loading />}>
              {screen === 'authority' && authorityView ? (
                <AuthorityScreen />
              ) : !hasView ? (
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
                <DashboardScreen />
              )}
            </Suspense>
          )}
        </main>
      </div>
      {/* A boundary each: one loading never hides another (an open modal dialog hidden would leave the page inert). */}
      <Suspense fallback={<Loading />}>
        {pathAction ? (
          <PathDialog action={pathAction} recent={recent} folder={schoolFolder} onSubmit={(p, refused) => runPath(pathAction, p, { refused })} onClose={() => setPathAction(null)} />
        ) : null}
      </Suspense>
      <Suspense fallback={<Loading />}>{exportDialogOpen ? <ExportDialogHost /> : null}</Suspense>
      <Suspense fallback={<Loading />}>{backupsDialogOpen ? <BackupsDialog onClose={closeBackups} /> : null}</Suspense>
    </div>
  );
}
