import { useTranslator } from '../i18n/useTranslator';

/** Cancel and Save (or another word for saving): the footer of every form that is saved with its button (nothing exists until Save). */
export function FormFooter(props: { busy: boolean; onCancel: () => void; onSave: () => void; saveTestId?: string; saveLabel?: string }) {
  const { t } = useTranslator();
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
      <button type="button" className="primary" disabled={props.busy} onClick={props.onSave} data-testid={props.saveTestId}>
        {props.saveLabel ?? t('common.save')}
      </button>
    </>
  );
}
