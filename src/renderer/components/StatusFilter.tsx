/** The status filter above a workflow's list: "all" or one status, each in the user's language. */
export function StatusFilter<S extends string>(props: {
  id: string;
  label: string;
  allLabel: string;
  statuses: readonly S[];
  statusLabel: (status: S) => string;
  value: S | '';
  onChange: (status: S | '') => void;
}) {
  return (
    <div className="filters">
      <label className="field" htmlFor={props.id}>
        <span className="field-label">{props.label}</span>
        <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as S | '')}>
          <option value="">{props.allLabel}</option>
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {props.statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
