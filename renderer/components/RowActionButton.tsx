/**
 * A small button acting on one row of a list (Edit, Delete, Remove, Rename…): it shows only the action,
 * and a screen reader hears the row's name after it ("Delete Speech group"), so each button's name is
 * unique on the page.
 */
export function RowActionButton(props: { label: string; rowName: string; onClick: () => void; tone?: 'primary' | 'danger' }) {
  return (
    <button type="button" className={props.tone ? `small ${props.tone}` : 'small'} onClick={props.onClick}>
      {props.label}
      <span className="visually-hidden"> {props.rowName}</span>
    </button>
  );
}
