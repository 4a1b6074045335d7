import { FieldMessage } from './FieldMessage';
/** A form's own problem (not one field's), announced at the top of the form; nothing when there is none. */
export function FormProblem(props: { message: string | undefined }) {
  return props.message ? <FieldMessage>{props.message}</FieldMessage> : null;
}
