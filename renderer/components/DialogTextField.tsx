import { FieldMessage } from './FieldMessage';
/**
 * The one text box a dialog asks for (a file's path, an amount): its label, a hint below it, and the
 * reason it was refused beside it. Enter submits the dialog; typing clears the refusal (the caller's
 * `onChange` does that, so it decides what else typing resets).
 */
export function DialogTextField(props: {
  /** The input's id; the hint and the error take `${id}-hint` and `${id}-error`. */
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
  onEnter: () => void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  spellCheck?: boolean;
  testId?: string;
}) {
  const { id, error } = props;
  return (
    <div className={`field ${error ? 'field-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode={props.inputMode}
        value={props.value}
        data-autofocus
        spellCheck={props.spellCheck}
        data-testid={props.testId}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onEnter();
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {props.hint}
      </p>
      {error ? <FieldMessage id={`${id}-error`}>{error}</FieldMessage> : null}
    </div>
  );
}
