import type { ReactNode } from 'react';
import { FieldMessage } from './FieldMessage';

/**
 * A form control with its label, an optional hint, and the reason it was refused beside it: the one
 * layout every form saved with a button uses (income, other costs, a new line, a new member of staff).
 * `children` gets the ids to put in the control's aria-describedby.
 */
export function Labelled(props: { id: string; label: string; error?: string | undefined; hint?: string | undefined; children: (describedBy: string | undefined) => ReactNode; className?: string }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].join(' ').trim() || undefined;
  return (
    <div className={`field ${props.error ? 'field-error' : ''} ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(describedBy)}
      {props.hint ? (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <FieldMessage id={`${props.id}-error`} alert={false}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </FieldMessage>
      ) : null}
    </div>
  );
}

/** A one-line text box in a `Labelled` field; typing in it clears the reason it was refused. */
export function LabelledInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  inputMode?: 'numeric' | 'decimal' | 'text';
  testId?: string;
  className?: string;
}) {
  return (
    <Labelled id={props.id} label={props.label} error={props.error} hint={props.hint} className={props.className}>
      {(describedBy) => (
        <input
          id={props.id}
          type="text"
          inputMode={props.inputMode}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Labelled>
  );
}
