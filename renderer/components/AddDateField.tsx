import { useId } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { FieldMessage } from './FieldMessage';

/** A date typed to add something (a teaching week, a closed day), with its button, the date hint and the reason it was refused. */
export function AddDateField(props: { label: string; buttonLabel: string; value: string; problem: string | null; onChange: (text: string) => void; onAdd: () => void; testId: string }) {
  const { t } = useTranslator();
  const id = useId();
  return (
    <div className="row-fields add-week">
      <div className={`field ${props.problem ? 'field-error' : ''}`}>
        <label htmlFor={`${id}-add`}>{props.label}</label>
        <input
          id={`${id}-add`}
          type="text"
          value={props.value}
          aria-describedby={`${id}-add-hint${props.problem ? ` ${id}-add-error` : ''}`}
          aria-invalid={props.problem ? true : undefined}
          data-testid={props.testId}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onAdd();
          }}
        />
        <p id={`${id}-add-hint`} className="field-hint">
          {t('forms.dateHint')}
        </p>
        {props.problem ? <FieldMessage id={`${id}-add-error`}>{props.problem}</FieldMessage> : null}
      </div>
      <button type="button" onClick={props.onAdd}>
        {props.buttonLabel}
      </button>
    </div>
  );
}
