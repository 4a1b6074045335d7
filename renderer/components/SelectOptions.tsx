/** The options of a select choosing one of a fixed list (an enum, the year groups), each shown by its label. */
export function SelectOptions<V extends string | number>(props: { values: readonly V[]; label: (value: V) => string }) {
  return (
    <>
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.label(v)}
        </option>
      ))}
    </>
  );
}
