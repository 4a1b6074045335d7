import { useTranslator } from '../i18n/useTranslator';

/**
 * Cancel and Save (or another word for saving): the footer of every form that is saved with its button (nothing
 * exists until Save). `submit`: Save is the submit button of the Dialog's form (its `onSubmit` saves), so Enter saves.
 */
export function FormFooter(props: { busy: boolean; onCancel: () => void; onSave?: () => void; submit?: boolean; saveTestId?: string; saveLabel?: string }) {
  const { t } = useTranslator();
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
      <button type={props.submit ? 'submit' : 'button'} className="primary" disabled={props.busy} onClick={props.submit ? undefined : props.onSave} data-testid={props.saveTestId}>
        {props.saveLabel ?? t('common.save')}
      </button>
    </>
  );
}
