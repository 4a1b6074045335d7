/**
 * The authority workspace's state: the open `.mapio-la` file's AuthorityView (everything the workspace
 * renders from), and the officer's import in progress. Kept apart from the school store: an officer may
 * have an authority file open with or without a school file.
 *
 * Every call goes through the renderer's one queue (`queuedCall`); a failure comes back as an ApiError whose sentence is shown.
 */
import { problemText } from '../../errors/localisedError';
import { create } from 'zustand';
import { queuedCall } from '../../state/callQueue';
import { asApiError, useMapio } from '../../state/store';
import type { ApiError, AuthorityView, ListImportOutcome, OperationInput, ReturnImportOutcome } from '../../../shared/api/contract';
import { bytesToBase64 } from '../../api/fileContent';

export type AuthorityOutcome<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** The import running now: "Importing n of N". */
export interface ImportProgress {
  done: number;
  total: number;
  fileName: string;
}

/** A file to import as the browser gives it (a File from an input or a drop). */
export interface PickedReturn {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface AuthorityState {
  view: AuthorityView | null;
  progress: ImportProgress | null;
  /** What the last import did: every file imported or rejected with its reason. */
  lastImport: ReturnImportOutcome | null;

  /** Show the authority file the backend still holds (after a reload), if app.info says one is open. */
  restore(): Promise<void>;
  create(path: string): Promise<AuthorityOutcome<AuthorityView>>;
  open(path: string): Promise<AuthorityOutcome<AuthorityView>>;
  close(): Promise<void>;
  /** Import the files one at a time, so progress reads "Importing n of N"; the others go on after a rejection. */
  importFiles(files: readonly PickedReturn[], replace?: boolean): Promise<ReturnImportOutcome>;
  importFolder(path: string): Promise<AuthorityOutcome<ReturnImportOutcome>>;
  showYear(academicYear: string): Promise<AuthorityOutcome<AuthorityView>>;
  setMapping(input: OperationInput<'authority.setMapping'>): Promise<AuthorityOutcome<AuthorityView>>;
  removeSchool(schoolKey: string): Promise<AuthorityOutcome<AuthorityView>>;
  setPublishedAllocation(input: OperationInput<'authority.setPublishedAllocation'>): Promise<AuthorityOutcome<AuthorityView>>;
  /** The authority's published allocations for the year shown (CSV or .xlsx, £ or £k). */
  importAllocations(file: PickedReturn): Promise<AuthorityOutcome<ListImportOutcome>>;
  /** The authority's list of its schools (CSV or .xlsx). */
  importSchoolList(file: PickedReturn): Promise<AuthorityOutcome<ListImportOutcome>>;
  setSchoolNote(schoolKey: string, note: string): Promise<AuthorityOutcome<AuthorityView>>;
  exportComparison(path: string, flatUnit?: 'pounds' | 'thousands'): Promise<AuthorityOutcome<{ path: string; bytes: number }>>;
  clearImport(): void;
}

async function attempt<T>(work: () => Promise<T>): Promise<AuthorityOutcome<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (err) {
    return { ok: false, error: asApiError(err) };
  }
}

/** Merge a second import's outcome into the first (the list the officer sees covers the whole batch). */
export function mergeOutcomes(a: ReturnImportOutcome, b: ReturnImportOutcome): ReturnImportOutcome {
  return { imported: [...a.imported, ...b.imported], rejected: [...a.rejected, ...b.rejected] };
}

export const useAuthority = create<AuthorityState>()((set, get) => {
  /** Run a call that answers with a fresh AuthorityView and keep it. */
  const viewCall = async (work: () => Promise<AuthorityView>) => {
    const outcome = await attempt(work);
    if (outcome.ok) set({ view: outcome.result });
    return outcome;
  };
  const year = () => get().view?.academicYear ?? undefined;

  return {
    view: null,
    progress: null,
    lastImport: null,

    async restore() {
      // app.info, answered before this is asked (renderer/main.tsx, App.tsx), says whether the backend holds
      // an authority file: with none open, asking for its comparison would only be refused.
      if (useMapio.getState().appInfo?.authorityFileOpen === false) {
        set({ view: null });
        return;
      }
      const outcome = await attempt(() => queuedCall('authority.comparison', {}));
      if (outcome.ok) set({ view: outcome.result });
      else if (outcome.error.code === 'no_file') set({ view: null });
    },
    create(path) {
      set({ lastImport: null });
      return viewCall(() => queuedCall('authority.create', { path }));
    },
    open(path) {
      set({ lastImport: null });
      return viewCall(() => queuedCall('authority.open', { path }));
    },
    async close() {
      await attempt(() => queuedCall('authority.close', {}));
      set({ view: null, lastImport: null, progress: null });
    },
    async importFiles(files, replace) {
      let outcome: ReturnImportOutcome = { imported: [], rejected: [] };
      set({ lastImport: null });
      for (let i = 0; i < files.length; i++) {
        const file = files[i] as PickedReturn;
        set({ progress: { done: i, total: files.length, fileName: file.name } });
        let one: ReturnImportOutcome;
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          one = await queuedCall('authority.importReturn', { fileName: file.name, contentBase64: bytesToBase64(bytes), ...(replace ? { replace: true } : {}) });
        } catch (err) {
          // Refused at the door (empty, too large, unreadable): listed like any other rejection.
          const error = asApiError(err);
          one = { imported: [], rejected: [{ fileName: file.name, code: error.code === 'too_large' ? 'too_big' : 'other', params: {}, reason: problemText(error.toBody(), 'en') }] };
        }
        outcome = mergeOutcomes(outcome, one);
        set({ progress: { done: i + 1, total: files.length, fileName: file.name }, lastImport: outcome });
      }
      // The comparison for the newest year now that the returns are in.
      await viewCall(() => queuedCall('authority.comparison', {}));
      set({ progress: null, lastImport: outcome });
      return outcome;
    },
    async importFolder(path) {
      set({ lastImport: null, progress: { done: 0, total: 0, fileName: path } });
      const outcome = await attempt(() => queuedCall('authority.importFolder', { path }));
      if (outcome.ok) {
        set({ lastImport: outcome.result });
        await viewCall(() => queuedCall('authority.comparison', {}));
      }
      set({ progress: null });
      return outcome;
    },
    showYear(academicYear) {
      return viewCall(() => queuedCall('authority.comparison', { academicYear }));
    },
    async setMapping(input) {
      const outcome = await viewCall(() => queuedCall('authority.setMapping', input));
      // setMapping answers for the newest year: keep the officer on the year they were looking at.
      const shown = year();
      if (outcome.ok && shown && outcome.result.academicYear !== shown) return viewCall(() => queuedCall('authority.comparison', { academicYear: shown }));
      return outcome;
    },
    async removeSchool(schoolKey) {
      return viewCall(() => queuedCall('authority.removeSchool', { schoolKey }));
    },
    setPublishedAllocation(input) {
      return viewCall(() => queuedCall('authority.setPublishedAllocation', input));
    },
    async importAllocations(file) {
      const academicYear = year();
      const outcome = await attempt(async () => {
        if (!academicYear) throw new Error('no academic year');
        const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        return queuedCall('authority.importAllocations', { fileName: file.name, contentBase64, academicYear });
      });
      if (!outcome.ok) return outcome;
      set({ view: outcome.result.view });
      return { ok: true, result: outcome.result.outcome };
    },
    async importSchoolList(file) {
      const shown = year();
      const outcome = await attempt(async () => queuedCall('authority.importSchoolList', { fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }));
      if (!outcome.ok) return outcome;
      set({ view: outcome.result.view });
      if (shown && outcome.result.view.academicYear !== shown) await viewCall(() => queuedCall('authority.comparison', { academicYear: shown }));
      return { ok: true, result: outcome.result.outcome };
    },
    async setSchoolNote(schoolKey, note) {
      const shown = year();
      const outcome = await viewCall(() => queuedCall('authority.setSchoolNote', { schoolKey, note }));
      if (outcome.ok && shown && outcome.result.academicYear !== shown) return viewCall(() => queuedCall('authority.comparison', { academicYear: shown }));
      return outcome;
    },
    exportComparison(path, flatUnit) {
      const academicYear = year();
      const lang = useMapio.getState().lang;
      const unit = flatUnit ? { flatUnit } : {};
      return attempt(() => queuedCall('authority.exportComparison', academicYear ? { path, academicYear, lang, ...unit } : { path, lang, ...unit }));
    },
    clearImport() {
      set({ lastImport: null });
    },
  };
});
