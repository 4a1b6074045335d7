/**
 * The shape every export dialog shares: where to save (a path, defaulted beside the open file), the
 * export's own choices, then a busy state while the file is written (nothing can be changed or closed
 * mid-write), then either a sentence naming what was saved or the backend's reason in plain words.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { Dialog } from '../../components/Dialog';
import { asApiError, issueFor, useMapio } from '../../state/store';
import { freeTextAt } from '../../../shared/freeTextNames';
import { errorText } from '../../errors/localisedError';
import { FieldMessage } from '../../components/FieldMessage';

/**
 * Writes the file; resolves to the sentence saying what was saved and the full path (or throws an ApiError).
 * `notLearners`: the person confirmed that the names Mapio found in the school's text are not learners.
 */
export type ExportRun = (path: string, notLearners: boolean) => Promise<{ message: string; detail?: string }>;

type Phase =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string; detail: string | null }
  | { kind: 'failed'; message: string; pathProblem: string | null }
  | { kind: 'names'; found: Array<{ path: string; found: string }> };

export function ExportFrame(props: {
  title: string;
  intro: ReactNode;
  initialPath: string;
  pathHint: string;
  busyText: string;
  submitLabel: string;
  run: ExportRun;
  onClose: () => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslator();
  const id = useId();
  const [path, setPath] = useState(props.initialPath);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'busy';
  const done = phase.kind === 'done';
  const pathError = phase.kind === 'failed' ? phase.pathProblem : null;
  const pathRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // While the file is written the fieldset and the button pressed are disabled, which drops focus to the
  // page. When the outcome is known it is brought into view (below the options of a tall dialog) and focus
  // goes to what comes next: Close after a save (described by the saved sentence), the path when the path
  // was refused, "Edit the text" when names were found, else the export button again beside the reason.
  useEffect(() => {
    if (phase.kind === 'idle' || phase.kind === 'busy') return;
    if (phase.kind === 'failed' && phase.pathProblem) {
      pathRef.current?.focus();
      return;
    }
    outcomeRef.current?.scrollIntoView({ block: 'nearest' });
    nextRef.current?.focus();
  }, [phase]);

  const submit = async (notLearners = false) => {
    if (busy) return;
    if (path.trim() === '') {
      setPhase({ kind: 'failed', message: t('exportDialogs.pathRequired'), pathProblem: t('exportDialogs.pathRequired') });
      return;
    }
    setPhase({ kind: 'busy' });
    try {
      const written = await props.run(path.trim(), notLearners);
      setPhase({ kind: 'done', message: written.message, detail: written.detail ?? null });
    } catch (err) {
      const error = asApiError(err);
      if (error.code === 'names_in_text') {
        setPhase({ kind: 'names', found: (error.issues ?? []).map((i) => ({ path: i.path, found: String(i.params?.found ?? '') })) });
        return;
      }
      const pathProblem = error.code === 'invalid_input' ? issueFor(error, 'path') : null;
      // The backend's reason in the reader's language (its code chooses the Welsh sentence).
      const lang = useMapio.getState().lang;
      setPhase({ kind: 'failed', message: errorText({ ...error.toBody(), path: path.trim() }, lang), pathProblem });
    }
  };

  // Mid-write the dialog stays: Escape and × do nothing until the file is written or refused.
  const close = () => {
    if (!busy) props.onClose();
  };

  return (
    <Dialog
      title={props.title}
      onClose={close}
      wide
      footer={
        done ? (
          <button type="button" className="primary" onClick={close} ref={nextRef} aria-describedby={`${id}-done`} data-testid={`${props.testId}-close`}>
            {t('common.close')}
          </button>
        ) : phase.kind === 'names' ? (
          <>
            <button type="button" onClick={close} ref={nextRef} data-testid={`${props.testId}-edit-text`}>
              {t('exportDialogs.names.edit')}
            </button>
            <button type="button" className="primary" onClick={() => void submit(true)} data-testid={`${props.testId}-not-learners`}>
              {t('exportDialogs.names.confirm')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void submit()} ref={nextRef} data-testid={`${props.testId}-submit`}>
              {busy ? t('exportDialogs.working') : props.submitLabel}
            </button>
          </>
        )
      }
    >
      <div className="export-dialog" data-testid={props.testId} aria-busy={busy}>
        <p className="intro">{props.intro}</p>
        <fieldset className="export-fields" disabled={busy || done}>
          <div className={`field ${pathError ? 'field-error' : ''}`}>
            <label htmlFor={`${id}-path`}>{t('exportDialogs.pathLabel')}</label>
            <input
              id={`${id}-path`}
              type="text"
              value={path}
              ref={pathRef}
              data-autofocus
              spellCheck={false}
              aria-describedby={`${id}-hint${pathError ? ` ${id}-path-error` : ''}`}
              aria-invalid={pathError ? true : undefined}
              data-testid={`${props.testId}-path`}
              onChange={(e) => {
                setPath(e.target.value);
                if (phase.kind === 'failed') setPhase({ kind: 'idle' });
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void submit();
              }}
            />
            <p id={`${id}-hint`} className="field-hint">
              {props.pathHint}
            </p>
            {pathError ? <FieldMessage id={`${id}-path-error`}>{pathError}</FieldMessage> : null}
          </div>
          {props.children}
        </fieldset>
        <div ref={outcomeRef}>
          <div role="status" className="export-status" data-testid={`${props.testId}-status`}>
            {busy ? (
              <div className="export-busy">
                <progress aria-label={props.busyText} />
                <span>{props.busyText}</span>
              </div>
            ) : phase.kind === 'done' ? (
              <div className="export-done" id={`${id}-done`}>
                <p>
                  <span aria-hidden="true">✓ </span>
                  {phase.message}
                </p>
                {phase.detail ? <p className="field-hint">{phase.detail}</p> : null}
              </div>
            ) : null}
          </div>
          {phase.kind === 'names' ? <NamesFound found={phase.found} testId={`${props.testId}-names`} /> : null}
          {phase.kind === 'failed' && !phase.pathProblem ? (
            <p role="alert" className="export-failed" data-testid={`${props.testId}-error`}>
              <strong>{t('exportDialogs.notSaved')} </strong>
              {phase.message}
            </p>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}

/** The language an export is written in (its own choice: a Welsh-speaking ALNCo may write English for governors). */
/** The document's language: English or Cymraeg, and for a document parents read, both in one. */
export function LanguageChoice<L extends 'en' | 'cy' | 'bilingual' = 'en' | 'cy'>(props: { value: L; onChange: (lang: L) => void; name: string; bilingual?: boolean }) {
  const { t } = useTranslator();
  const choices = (props.bilingual ? ['cy', 'en', 'bilingual'] : ['en', 'cy']) as L[];
  return (
    <fieldset className="choice-group">
      <legend>{t('exportDialogs.languageLabel')}</legend>
      {choices.map((lang) => (
        <label key={lang} className="field-check">
          <input type="radio" name={props.name} value={lang} checked={props.value === lang} onChange={() => props.onChange(lang)} />
          {lang === 'bilingual' ? <span>{t('exportDialogs.bilingual')}</span> : <span lang={lang}>{t(lang === 'cy' ? 'app.languageNames.cy' : 'app.languageNames.en')}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** The learners' names Mapio found in the school's own text, each with the text it is in, before anything is written. */
function NamesFound(props: { found: Array<{ path: string; found: string }>; testId: string }) {
  const { t } = useTranslator();
  const data = useMapio((s) => s.view?.data);
  return (
    <div role="alert" className="notice notice-warn" data-testid={props.testId}>
      <p>{t('exportDialogs.names.intro')}</p>
      <ul>
        {props.found.map((f) => (
          <li key={f.path}>{t('exportDialogs.names.item', { found: f.found, text: (data ? freeTextAt(data, f.path) : null) ?? f.path })}</li>
        ))}
      </ul>
    </div>
  );
}
