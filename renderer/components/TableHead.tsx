/**
 * A table's column headings, one row: each a column heading (`scope="col"`), right-aligned figures marked
 * with `className: 'num'`, and a heading only screen readers need (an actions column) with `hidden`.
 */
import { memo, type ReactNode } from 'react';

export interface ColumnHeading {
  label: ReactNode;
  className?: string;
  /** Read by screen readers, not shown (a column of buttons needs a name, not a visible heading). */
  hidden?: boolean;
}

/** Memoised: a table whose headings are kept (worded once per language) does not render them again with its rows. */
export const TableHead = memo(function TableHead({ columns }: { columns: readonly ColumnHeading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.className}>
            {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
});
