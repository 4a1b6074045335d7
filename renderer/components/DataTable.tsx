/**
 * A table of records: the data-table styles, an optional caption for screen readers, its column headings
 * (or a heading block of its own) and its rows, inside the scrolling wrapper unless `wrap` is false.
 */
import type { ReactNode } from 'react';
import { TableHead, type ColumnHeading } from './TableHead';

export function DataTable(props: {
  /** Classes beside `data-table` ("compact", "terms-table"…). */
  className?: string;
  testId?: string;
  /** Read by screen readers only. */
  caption?: ReactNode;
  columns?: readonly ColumnHeading[];
  /** A heading block of its own (two heading rows), instead of `columns`. */
  head?: ReactNode;
  /** The wrapper's class ("table-wrap" by default), or false for none. */
  wrap?: string | false;
  children: ReactNode;
}) {
  const table = (
    <table className={props.className ? `data-table ${props.className}` : 'data-table'} data-testid={props.testId}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      {props.columns ? <TableHead columns={props.columns} /> : props.head}
      <tbody>{props.children}</tbody>
    </table>
  );
  return props.wrap === false ? table : <div className={props.wrap ?? 'table-wrap'}>{table}</div>;
}

/** The last cell of a row: one small button acting on that row, named for it (`label` is what a screen reader hears). */
export function ButtonCell(props: { text: string; label?: string; onClick: () => void; disabled?: boolean; testId?: string; className?: string }) {
  return (
    <td className={props.className}>
      <button type="button" className="small" onClick={props.onClick} aria-label={props.label} disabled={props.disabled} data-testid={props.testId}>
        {props.text}
      </button>
    </td>
  );
}
