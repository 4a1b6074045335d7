import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * Why a field (or a whole form) was refused, said beside it: `field-message`, as every form shows it.
 * As it appears, and whenever its words change, it is scrolled into view with the field it speaks of
 * (the nearest `.field` around it), no further than needed: a refusal said after Tab below the visible
 * part of a side panel or a dialog (the line editor's weeks at 1366×768) is brought up to where the
 * person is looking, not left to be found.
 */
export function FieldMessage(props: {
  id?: string;
  /** Announced as it appears (role="alert"); false where the form announces its refusals itself. Default true. */
  alert?: boolean;
  testId?: string;
  /** A `div` for a message that holds paragraphs or a list; a `p` by default. */
  as?: 'p' | 'div';
  children: ReactNode;
}) {
  const ref = useRef<HTMLParagraphElement & HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const words = el?.textContent ?? '';
    if (!el || words === shown.current) return;
    shown.current = words;
    (el.closest('.field') ?? el).scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });
  const Tag = props.as ?? 'p';
  return (
    <Tag ref={ref} id={props.id} className="field-message" role={props.alert === false ? undefined : 'alert'} data-testid={props.testId}>
      {props.children}
    </Tag>
  );
}
