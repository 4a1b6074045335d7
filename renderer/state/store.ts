/**
 * The renderer's one store: the latest YearView from the backend (everything on screen renders from it),
 * which screen is showing and what is selected, and the plain-words alert.
 *
 * Calls to the backend run one at a time, in order, in the renderer's one queue (callQueue.ts): a debounced
 * save typed in one field and a click elsewhere can never land out of order and leave an older view on screen.
 */
import { create } from 'zustand';
// The store is the queue's own user: each call it makes is already inside `inQueue` (see `tracked`).
// eslint-disable-next-line no-restricted-imports
import { api, isApiErrorBody } from '../api/client';
import { takeFirstCalls } from '../api/firstCalls';
import { inQueue, queueIsEmpty } from './callQueue';
import { afterFrameDrawn } from './afterFrameDrawn';
import { callsInFlightStore } from './callsInFlight';
import { predictAhead, predictedView, predictionAnswered, predictionRefused, viewShown } from './editPrediction';
import { ApiError, type AppInfo, type MutationResult, type OperationInput, type OperationName, type OperationOutput, type YearView } from '../../shared/api/contract';
import { hasCatalogue, type Lang } from '../../shared/i18n/translator';
import { loadCatalogue } from '../i18n/catalogues';
import { issueText, problemText, type ErrorDetail } from '../errors/localisedError';

export type ScreenId = 'map' | 'learners' | 'staff' | 'budget' | 'dashboard' | 'checks' | 'scenarios' | 'school' | 'authority';
export const SCREENS: ScreenId[] = ['map', 'learners', 'staff', 'budget', 'dashboard', 'checks', 'scenarios', 'school'];

/** The parts of the School screen, in the order the first-run set-up walks through them. */
export const SCHOOL_PARTS = ['details', 'calendar', 'tiers', 'areas'] as const;
export type SchoolPart = (typeof SCHOOL_PARTS)[number];

/** A message for the alert region: a catalogue key and its params (translated when shown). */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** A backend error behind the notice: its `message` param is re-worded in the reader's language (renderer/errors). */
  error?: ErrorDetail;
}

export type MutationName = Exclude<OperationName, 'app.info' | 'file.create' | 'file.open' | 'file.saveAs' | 'file.close' | 'year.get' | 'year.shares'>;

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: ApiError };

export interface MutateOptions {
  /** The caller shows invalid_input issues beside its fields; don't also raise the alert. */
  fieldErrors?: boolean;
}

export interface FileOpOptions {
  /** The caller says a refusal itself (the path dialog, beside the path typed); else it is the page's alert. */
  refused?: (notice: Notice) => void;
}

export interface MapioState {
  /** The language the screens speak: its catalogue is loaded. */
  lang: Lang;
  /** The language chosen while its catalogue is being fetched (the screens still speak `lang`). */
  langLoading: Lang | null;
  appInfo: AppInfo | null;
  view: YearView | null;
  booting: boolean;
  pending: number;
  alert: Notice | null;
  status: Notice | null;
  screen: ScreenId;
  selectedLineId: number | null;
  selectedLearnerId: number | null;
  selectedStaffId: number | null;
  /** The School screen's part on show. */
  schoolPart: SchoolPart;
  /** True while a new empty school file is being set up for the first time (skippable). */
  settingUp: boolean;

  /** Speak `lang`: at once when its catalogue is loaded, else once it is (`langLoading` meanwhile). */
  setLang(lang: Lang): void;
  showSchoolPart(part: SchoolPart): void;
  /** End the first-run set-up (finished or skipped); the School screen stays reachable from the navigation. */
  endSetUp(): void;
  show(screen: ScreenId): void;
  selectLine(id: number | null): void;
  openLearner(id: number | null): void;
  selectStaff(id: number | null): void;
  setAlert(n: Notice | null): void;
  setStatus(n: Notice | null): void;

  /** The first requests; `onAppInfo` hears app.info's answer (null if refused) as soon as it comes. */
  boot(onAppInfo?: (info: AppInfo | null) => void): Promise<void>;
  refreshAppInfo(): Promise<void>;
  /** Read the open file and the app's state again (after the data process was stopped and started again). */
  resync(): Promise<void>;
  mutate<N extends MutationName>(name: N, input: OperationInput<N>, options?: MutateOptions): Promise<Outcome<MutationResult>>;
  /** A mutation the person is about to make (a value still being typed): its figures are worked out ahead when the window is idle (editPrediction.ts `predictAhead`). */
  anticipate<N extends MutationName>(name: N, input: OperationInput<N>): void;
  /**
   * A mutation whose input is built from the latest view when its turn in the queue comes (not from what
   * was on screen when the person clicked): two quick edits to one list (a line's staff) never lose the first.
   * `build` returning null skips the call.
   */
  mutateFrom<N extends MutationName>(name: N, build: (view: YearView) => OperationInput<N> | null, options?: MutateOptions): Promise<Outcome<MutationResult> | null>;
  /**
   * Any operation, in the queue, without assuming its output is a MutationResult (scenarios, backups, MIS
   * previews). `viewOf` picks the view to show from the answer, if any. Errors raise the alert unless
   * `fieldErrors` (invalid_input shown beside fields) or `quiet` (the caller words it).
   */
  request<N extends OperationName>(
    name: N,
    input: OperationInput<N>,
    options?: MutateOptions & { quiet?: boolean; viewOf?: (result: Awaited<OperationOutput<N>>) => YearView | null },
  ): Promise<Outcome<Awaited<OperationOutput<N>>>>;
  /** View the year as at a teaching week (its figures to date and its checks); null follows today again. */
  viewAtWeek(week: number | null): Promise<void>;
  createFile(path: string, template: 'demo' | 'empty', options?: FileOpOptions): Promise<boolean>;
  openFile(path: string, options?: FileOpOptions): Promise<boolean>;
  saveAs(path: string, options?: FileOpOptions): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** The client (renderer/api/client.ts) rebuilds views from patches: ask the backend to answer changes with them. */
const ANSWER_CHANGES_AS_PATCHES = { answerChangesAsPatches: true } as const;

/** Turn anything a call rejects with into an ApiError (a dropped connection says the engine is not answering). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isApiErrorBody(err)) return ApiError.fromBody(err);
  if (err instanceof Error && /fetch|network|failed to/i.test(err.message)) return new ApiError('internal', 'engineNotResponding');
  return new ApiError('internal', 'unexpected');
}

/** Catalogue key for an error shown in the alert region. */
export function noticeFor(err: ApiError): Notice {
  if (err.code === 'internal' && err.reason === 'engineNotResponding') return { key: 'errors.network' };
  const error: ErrorDetail = err.toBody();
  // A change refused because the open file is read-only names that file in every language.
  const openPath = err.code === 'file_read_only' ? useMapio.getState().view?.file.path : undefined;
  if (openPath) error.path = openPath;
  return { key: 'errors.generic', params: {}, error };
}

/** A call made from inside the queue (see `tracked`): its outcome, never a rejection. */
async function outcomeOf<T>(answer: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, result: await answer };
  } catch (err) {
    return { ok: false, error: asApiError(err) };
  }
}

function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Outcome<OperationOutput<N>>> {
  return outcomeOf(api.call(name, input));
}

export const useMapio = create<MapioState>()((set, get) => {
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    set((s) => ({ pending: s.pending + 1 }));
    try {
      return await inQueue(work);
    } finally {
      set((s) => ({ pending: s.pending - 1 }));
    }
  };

  const fileOp = async (
    name: 'file.create' | 'file.open' | 'file.saveAs',
    input: OperationInput<'file.create'> | OperationInput<'file.open'>,
    errorKey: string,
    options: FileOpOptions = {},
  ): Promise<boolean> => {
    const outcome = await tracked(() => call(name, input as never));
    if (!outcome.ok) {
      // The file that was open stays open: the view is left untouched.
      const notice: Notice = { key: errorKey, params: {}, error: { ...outcome.error.toBody(), path: input.path } };
      if (options.refused) options.refused(notice);
      else set({ alert: notice });
      return false;
    }
    const view = outcome.result as YearView;
    set({ view, alert: null, settingUp: false, selectedLineId: null, selectedLearnerId: null, selectedStaffId: null, status: { key: 'menu.opened', params: { name: view.file.name } } });
    void get().refreshAppInfo();
    return true;
  };

  return {
    // Until app.info's answer names the reader's language (main.tsx renders nothing before it).
    lang: 'en',
    langLoading: null,
    appInfo: null,
    view: null,
    booting: true,
    pending: 0,
    alert: null,
    status: null,
    screen: 'map',
    selectedLineId: null,
    selectedLearnerId: null,
    selectedStaffId: null,
    schoolPart: 'details',
    settingUp: false,

    showSchoolPart(schoolPart) {
      set({ schoolPart });
    },
    endSetUp() {
      set({ settingUp: false });
    },
    setLang(lang) {
      const speak = () => set({ lang, langLoading: null });
      if (hasCatalogue(lang)) {
        speak();
        return;
      }
      // Only the last choice is followed; if the catalogue cannot be fetched the screens keep their language.
      set({ langLoading: lang });
      loadCatalogue(lang).then(
        () => {
          if (get().langLoading === lang) speak();
        },
        () => {
          if (get().langLoading === lang) set({ langLoading: null });
        },
      );
    },
    show(screen) {
      set({ screen });
    },
    selectLine(id) {
      set({ selectedLineId: id });
    },
    openLearner(id) {
      set({ selectedLearnerId: id, screen: 'learners' });
    },
    selectStaff(id) {
      set({ selectedStaffId: id });
    },
    setAlert(alert) {
      set({ alert });
    },
    setStatus(status) {
      set({ status });
    },

    async boot(onAppInfo) {
      // Both asked at once, so the map's data does not wait for the app's state to come back and for the
      // first render that runs meanwhile (≈130 ms of a first paint); main.tsx sent them before the app's
      // code was evaluated (renderer/api/firstCalls.ts). With no file open, year.get's refusal means nothing
      // and is dropped. Whichever the door answers first, the view is whole.
      const first = takeFirstCalls();
      const [info, year] = await tracked(() =>
        Promise.all([
          (first ? outcomeOf(api.answerOf('app.info', first.appInfo)) : call('app.info', ANSWER_CHANGES_AS_PATCHES)).then((info) => {
            onAppInfo?.(info.ok ? info.result : null);
            return info;
          }),
          first ? outcomeOf(api.answerOf('year.get', first.year)) : call('year.get', {}),
        ]),
      );
      if (!info.ok) {
        set({ booting: false, alert: noticeFor(info.error) });
        return;
      }
      set({ appInfo: info.result });
      if (info.result.file) {
        if (year.ok) set({ view: year.result });
        else set({ alert: noticeFor(year.error) });
      }
      set({ booting: false });
    },

    async refreshAppInfo() {
      const info = await call('app.info', {});
      if (info.ok) set({ appInfo: info.result });
    },

    async resync() {
      const info = await call('app.info', ANSWER_CHANGES_AS_PATCHES);
      if (!info.ok) return;
      set({ appInfo: info.result });
      if (!info.result.file) {
        set({ view: null });
        return;
      }
      const year = await call('year.get', {});
      if (year.ok) set({ view: year.result });
    },

    async viewAtWeek(week) {
      const outcome = await tracked(() => call('year.get', { asAtWeek: week }));
      if (outcome.ok) set({ view: outcome.result });
      else set({ alert: noticeFor(outcome.error) });
    },

    async mutate(name, input, options = {}) {
      // An edit whose figures the window can predict (renderer/state/editPrediction.ts) shows them at once,
      // when nothing else is waiting or running (so the view it predicts from is the one the data process
      // holds); "Saving…" still lasts until the answer (docs/performance.md, "Round 11"). With nothing else
      // waiting the call is the queue's next anyway. Its request leaves once the frame showing the
      // prediction is on the screen (afterFrameDrawn.ts): sent sooner, the save's work shared the cores with
      // that frame and put it on the screen later (docs/performance.md, "Round 16" and "Round 17"). An edit
      // that cannot be predicted is sent at once. Either way it is counted as pending in the same render as
      // the prediction.
      const before = get().view;
      const idle = get().pending === 0 && queueIsEmpty() && Object.keys(callsInFlightStore.getState().running).length === 0;
      const predicted = idle ? predictedView(before, name, input) : null;
      const sent = predicted ? afterFrameDrawn().then(() => call(name, input)) : idle ? call(name, input) : null;
      // The new view is shown as soon as the answer is in, inside the call's turn in the queue: before the
      // queue's next call starts (it may build on this view) and before "Saving…" becomes "Saved". A refused
      // prediction puts back the view it was made from, unless another view has replaced it since.
      const settled = tracked(async () => {
        const answered = (await (sent ?? call(name, input))) as Outcome<MutationResult>;
        if (answered.ok) {
          set({ view: predicted ? predictionAnswered(predicted, answered.result.view) : answered.result.view });
        } else if (predicted) {
          predictionRefused(predicted);
          if (get().view === predicted) set({ view: before });
        }
        return answered;
      });
      if (predicted) set({ view: predicted });
      const outcome = (await settled) as Outcome<MutationResult>;
      if (!outcome.ok && !(options.fieldErrors && outcome.error.code === 'invalid_input')) set({ alert: noticeFor(outcome.error) });
      return outcome;
    },

    anticipate(name, input) {
      predictAhead(() => get().view, name, input);
    },

    async mutateFrom(name, build, options = {}) {
      let skipped = false;
      const outcome = (await tracked(async () => {
        const current = get().view;
        const input = current ? build(current) : null;
        if (input === null) {
          skipped = true;
          return null;
        }
        // As in `mutate`: the new view is shown inside the call's turn in the queue.
        const answered = (await call(name, input)) as Outcome<MutationResult>;
        if (answered.ok) set({ view: answered.result.view });
        return answered;
      })) as Outcome<MutationResult> | null;
      if (skipped || !outcome) return null;
      if (!outcome.ok && !(options.fieldErrors && outcome.error.code === 'invalid_input')) set({ alert: noticeFor(outcome.error) });
      return outcome;
    },

    async request(name, input, options = {}) {
      const outcome = (await tracked(() => call(name, input))) as Outcome<Awaited<OperationOutput<typeof name>>>;
      if (outcome.ok) {
        const next = options.viewOf?.(outcome.result);
        if (next) set({ view: next });
      } else if (!options.quiet && !(options.fieldErrors && outcome.error.code === 'invalid_input')) {
        set({ alert: noticeFor(outcome.error) });
      }
      return outcome;
    },

    async createFile(path, template, options) {
      const created = await fileOp('file.create', { path, template } as OperationInput<'file.create'>, 'errors.createFailed', options);
      // A new empty school starts with its set-up: name, authority, official number, calendar, tiers and areas.
      if (created && template === 'empty') set({ screen: 'school', schoolPart: 'details', settingUp: true });
      return created;
    },
    openFile(path, options) {
      return fileOp('file.open', { path }, 'errors.openFailed', options);
    },
    saveAs(path, options) {
      return fileOp('file.saveAs', { path }, 'errors.saveAsFailed', options);
    },
    // Whether there is a step to undo or redo is read when the call's turn in the queue comes, from the view
    // the data process answered last: an undo pressed while an edit is saving (its figures already shown,
    // predicted) undoes that edit once it is saved.
    async undo() {
      await get().mutateFrom('history.undo', (view) => (view.history.canUndo ? {} : null));
    },
    async redo() {
      await get().mutateFrom('history.redo', (view) => (view.history.canRedo ? {} : null));
    },
  };
});

// Every view put on screen is learnt when the window is idle, so an edit from it can be predicted.
useMapio.subscribe((state, previous) => {
  if (state.view !== previous.view) viewShown(state.view);
});

/**
 * The open year and its figures, each taken on its own rather than with the view around them: a save's
 * answer equal to the window's prediction keeps both (shared/api/predictedView.ts `settle`) while its
 * history and version are new, so a screen that shows only these does not render again for it.
 */
export function useYearAndFigures(): { data: YearView['data'] | null; costed: YearView['costed'] | null } {
  const data = useMapio((s) => s.view?.data ?? null);
  const costed = useMapio((s) => s.view?.costed ?? null);
  return { data, costed };
}

/** The first field issue for a field name, in the reader's language (paths look like "changes.minutesPerSession" or "minutesPerSession"). */
export function issueFor(error: ApiError, field: string): string | null {
  const issues = error.issues ?? [];
  const match = issues.find((i) => i.path === field || i.path.endsWith(`.${field}`) || i.path.includes(`.${field}.`) || i.path.startsWith(`${field}.`));
  return match ? issueText(match, useMapio.getState().lang) : null;
}

/** What to show beside a field after a save: null when saved, else the backend's reason in plain words. */
export function problemOf(outcome: Outcome<unknown>): string | null {
  if (outcome.ok) return null;
  return problemText(outcome.error, useMapio.getState().lang);
}

const NO_RECENT: string[] = [];
/** Selector with a stable empty value (a fresh [] each time would re-render forever). */
export const selectRecentFiles = (s: MapioState): string[] => s.appInfo?.recentFiles ?? NO_RECENT;
