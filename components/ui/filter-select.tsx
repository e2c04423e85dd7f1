import clsx from "clsx";

/** A labelled <select> for a GET filter form: the first option clears the filter. */
export function FilterSelect({
  label,
  name,
  value,
  allLabel,
  options,
  className,
}: {
  label: string;
  name: string;
  value: string | undefined;
  allLabel: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className={clsx("control", className)}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
