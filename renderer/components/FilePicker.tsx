/**
 * A file input that reads in the reader's language. The browser's own file input says "Choose Files" and
 * "No file chosen" in the browser's language, whatever the page's, so a Welsh reader met English there.
 * The input itself stays (visually hidden, still focusable, named by its field's label), so the keyboard,
 * screen readers and tests use it as before; a button in Mapio's words opens it for the mouse, and the
 * chosen files' names are shown beside it.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslator } from '../i18n/useTranslator';

export interface FilePickerProps {
  id: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  testId: string;
  /** The id of the hint that describes the input. */
  describedBy?: string;
  /** Focused when its dialog opens. */
  autoFocus?: boolean;
  onFiles: (files: File[], input: HTMLInputElement) => void;
}

export const FilePicker = forwardRef<HTMLInputElement, FilePickerProps>(function FilePicker(props, ref) {
  const { t } = useTranslator();
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="file-picker">
      <input
        ref={input}
        id={props.id}
        type="file"
        className="visually-hidden"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        data-testid={props.testId}
        data-autofocus={props.autoFocus ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          setNames(files.map((f) => f.name));
          props.onFiles(files, e.target);
        }}
      />
      {/* For the mouse only: the input above is what the keyboard and screen readers use. */}
      <button type="button" tabIndex={-1} aria-hidden="true" disabled={props.disabled} onClick={() => input.current?.click()}>
        {t(props.multiple ? 'common.files.chooseMany' : 'common.files.choose')}
      </button>
      <span className="muted" data-testid={`${props.testId}-chosen`}>
        {names.length > 0 ? names.join(', ') : t('common.files.none')}
      </span>
    </div>
  );
});
