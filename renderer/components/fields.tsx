/**
 * Form fields that save as you type: each holds what the person typed, reads it (refusing it next to
 * the field, with the reason, when it doesn't read), and commits about 300 ms after typing stops, at
 * once on leaving the field, or as the window goes away. The backend's field issues show in the same
 * place. No Save button.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { formatPounds } from '../../shared/money';
import type { Pence } from '../../shared/domain';
import { readPounds, readText, type Parsed } from '../forms/parse';
import { whenWindowLeaves } from '../state/windowLeaving';
import { FieldMessage } from './FieldMessage';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };
/** Commit a value; resolve to an error message to show beside the field, or null when saved. */
export type Commit<T> = (value: T) => Promise<string | null>;

const DEBOUNCE_MS = 300;

/** Turn a parse.ts result into a translated read result. */
export function useReader() {
  const { t } = useTranslator();
  const fromParsed = useCallback(<T,>(p: Parsed<T>): ReadResult<T> => (p.ok ? p : { ok: false, message: t(p.error, p.params ?? {}) }), [t]);
  /** Pounds typed into a money field, refused above `max` pence: the field's ceiling in the contract, when it has one. */
  const money = useCallback((text: string, max?: Pence): ReadResult<Pence> => fromParsed(readPounds(text, max === undefined ? {} : { max })), [fromParsed]);
  return { fromParsed, money };
}

export function poundsForField(p: Pence): string {
  return formatPounds(p).replace('£', '');
}

interface DraftFieldProps<T> {
  label: string;
  hint?: ReactNode;
  value: T;
  format: (value: T) => string;
  read: (text: string) => ReadResult<T>;
  commit: Commit<T>;
  /**
   * Told each value that reads while the person is still typing it (not yet committed, and not the saved
   * value), so the window can work out ahead what committing it will show.
   */
  prepare?: (value: T) => void;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  className?: string;
  /** A unit shown after the box (e.g. "min"). */
  suffix?: string;
  /** Accessible label when the visible label is hidden (e.g. inside a table row). */
  hideLabel?: boolean;
  /** Shown in the empty box where the label is hidden: which of a pair of boxes this one is ("Welsh"). */
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}

export function DraftField<T>(props: DraftFieldProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const formatted = props.format(props.value);
  const [draft, setDraft] = useState(formatted);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** While a typed value waits for its pause: stops the window's going away from sending it (windowLeaving.ts). */
  const stopLeaving = useRef<(() => void) | null>(null);
  const latest = useRef({ props, draft, formatted });
  latest.current = { props, draft, formatted };

  // When the saved value changes (undo, the backend's answer), show it unless the person is mid-typing.
  // What they have typed is kept while they are in the field and it already reads as what was saved:
  // a space before the next word, or a new line, must not vanish when the text before it is saved.
  useEffect(() => {
    if (timer.current) return;
    setError(null);
    if (focused.current && readsAs(latest.current.props, latest.current.draft, formatted)) return;
    setDraft(formatted);
  }, [formatted]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    stopLeaving.current?.();
    stopLeaving.current = null;
    const { props: p, draft: text, formatted: saved } = latest.current;
    const r = p.read(text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    if (p.format(r.value) === saved) {
      setError(null);
      // Left the field: show the value as saved (without the spaces around a text, say).
      if (!focused.current) setDraft(saved);
      return;
    }
    const problem = await p.commit(r.value);
    setError(problem);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void flush();
      }
    },
    [flush],
  );

  const onChange = (text: string) => {
    setDraft(text);
    latest.current.draft = text;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    // Closed, reloaded or navigated from before the pause is over, the window sends the value first.
    stopLeaving.current ??= whenWindowLeaves(() => void flush());
    const { props: p, formatted: saved } = latest.current;
    if (p.prepare) {
      const r = p.read(text);
      if (r.ok && p.format(r.value) !== saved) p.prepare(r.value);
    }
  };
  const onBlur = () => {
    focused.current = false;
    void flush();
  };
  const describedBy = [props.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': props.testId,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    onFocus: () => {
      focused.current = true;
    },
    onBlur,
  } as const;

  return (
    <div className={`field ${props.className ?? ''} ${error ? 'field-error' : ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <div className="field-control">
        {props.multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type="text" inputMode={props.inputMode} onChange={(e) => onChange(e.target.value)} />
        )}
        {props.suffix ? (
          <span className="field-suffix" aria-hidden="true">
            {props.suffix}
          </span>
        ) : null}
      </div>
      {props.hint ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <FieldMessage id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </FieldMessage>
      ) : null}
    </div>
  );
}

/** Whether `text` reads as the value shown as `formatted`. */
function readsAs<T>(p: Pick<DraftFieldProps<T>, 'read' | 'format'>, text: string, formatted: string): boolean {
  const r = p.read(text);
  return r.ok && p.format(r.value) === formatted;
}

/**
 * Plain text a person types (a name, a source, a note): saved without the spaces and blank lines around
 * it; a `required` text left empty is refused beside the field, an optional one is saved as empty text
 * (forms/parse.ts `readText`, docs/limits.md).
 */
export function TextField(props: {
  label: string;
  hint?: ReactNode;
  value: string;
  commit: Commit<string>;
  required?: boolean;
  multiline?: boolean;
  className?: string;
  hideLabel?: boolean;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { fromParsed } = useReader();
  const { required, ...field } = props;
  return <DraftField {...field} format={asTyped} read={(text) => fromParsed(readText(text, required))} />;
}

const asTyped = (text: string) => text;

/**
 * What a select or checkbox shows: the person's choice at once (so the control never snaps back while
 * the save is on its way), then whatever the saved value becomes (the backend's answer, an undo).
 */
function useOptimistic<T>(saved: T, hold?: RefObject<number>): [T, (value: T) => void, () => void] {
  const [shown, setShown] = useState(saved);
  const latest = useRef(saved);
  latest.current = saved;
  const key = JSON.stringify(saved);
  useEffect(() => {
    // While changes are on their way (`hold`), an earlier change's answer must not put back what was shown.
    if (!hold || hold.current === 0) setShown(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value: a fresh array each render is the same choice
  }, [key]);
  /** Show what is saved now (after the last answer, or a refusal). */
  const sync = () => setShown(latest.current);
  return [shown, setShown, sync];
}

/** A select that commits on change. */
export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  commit: Commit<V>;
  hint?: string;
  className?: string;
  hideLabel?: boolean;
  testId?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useOptimistic(props.value);
  return (
    <div className={`field ${props.className ?? ''} ${error ? 'field-error' : ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}
        data-testid={props.testId}
        onChange={async (e) => {
          const next = e.target.value as V;
          setShown(next);
          const problem = await props.commit(next);
          if (problem) setShown(props.value);
          setError(problem);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <FieldMessage id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </FieldMessage>
      ) : null}
    </div>
  );
}

/** A checkbox that commits on change. */
export function CheckboxField(props: { label: string; checked: boolean; commit: Commit<boolean>; className?: string; testId?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useOptimistic(props.checked);
  return (
    <div className={`field field-check ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={shown}
        data-testid={props.testId}
        onChange={async (e) => {
          const next = e.target.checked;
          setShown(next);
          const problem = await props.commit(next);
          if (problem) setShown(props.checked);
          setError(problem);
        }}
      />
      <label htmlFor={id}>{props.label}</label>
      {error ? <FieldMessage>{error}</FieldMessage> : null}
    </div>
  );
}

/** A group of checkboxes (e.g. areas of need) committing the chosen set. */
export function CheckboxGroup(props: { legend: string; options: Array<{ value: string; label: string }>; value: string[]; commit: Commit<string[]> }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  // Two quick ticks show both at once: the first answer does not untick the second while it is on its way.
  const pending = useRef(0);
  const [shown, setShown, sync] = useOptimistic(props.value, pending);
  const toggle = async (v: string, on: boolean) => {
    const next = props.options.map((o) => o.value).filter((x) => (x === v ? on : shown.includes(x)));
    setShown(next);
    pending.current++;
    const problem = await props.commit(next);
    pending.current--;
    if (problem || pending.current === 0) sync();
    setError(problem);
  };
  return (
    <fieldset className="field checkbox-group">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <div key={o.value} className="field-check">
          <input id={`${id}-${o.value}`} type="checkbox" checked={shown.includes(o.value)} onChange={(e) => void toggle(o.value, e.target.checked)} />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error ? <FieldMessage>{error}</FieldMessage> : null}
    </fieldset>
  );
}
