import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { BusyIndicator } from './BusyIndicator';

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (focus
 * stays inside) and Escape closes it. Focus returns to whatever opened it. Mark the control that should
 * take focus first with `data-autofocus` (React's autoFocus fires before showModal() and is lost).
 * A form dialog passes `onSubmit`: its body and footer are one <form>, so Enter in a text field saves it
 * as the footer's submit button (FormFooter's `submit`) would. When a save is refused beside a field, focus goes
 * to the first field refused, in view: at 1366×768 a long form's refused field can be below the fold, and
 * Save seemed to do nothing.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; wide?: boolean; describedBy?: string; onSubmit?: () => void }) {
  const { t } = useTranslator();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  // Set on submit, cleared once a refused field has been shown: the form's errors come after submit (at
  // once when the form refuses it, later when the data process does), in a render of this dialog.
  const submitted = useRef(false);

  useEffect(() => {
    if (!submitted.current) return;
    const refused = ref.current?.querySelector<HTMLElement>('.dialog-body [aria-invalid="true"]');
    if (!refused) return;
    submitted.current = false;
    refused.focus();
    refused.scrollIntoView({ block: 'center' });
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element (the × button). Where the dialog names a better
    // first stop (the search box, the path, Cancel on a confirmation) focus lands there, else on the first field.
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('.dialog-body input:not([disabled]), .dialog-body select:not([disabled]), .dialog-body textarea:not([disabled])');
    first?.focus();
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  const body = (
    <>
      <div className="dialog-body">{props.children}</div>
      {props.footer ? <div className="dialog-foot">{props.footer}</div> : null}
    </>
  );

  return (
    <dialog ref={ref} className={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} aria-describedby={props.describedBy}>
      <div className="dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        {/* The page behind a modal dialog is inert: long work started here offers Stop here. */}
        <BusyIndicator />
        <button type="button" className="icon-button" onClick={() => props.onClose()} aria-label={t('common.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {props.onSubmit ? (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitted.current = true;
            props.onSubmit?.();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}

/** A yes/no confirmation naming what will happen. */
export function ConfirmDialog(props: { title: string; body: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void; danger?: boolean }) {
  const { t } = useTranslator();
  const bodyId = useId();
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      describedBy={bodyId}
      footer={
        <>
          <button type="button" onClick={props.onCancel} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <div id={bodyId}>{props.body}</div>
    </Dialog>
  );
}
