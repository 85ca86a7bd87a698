import { inputClass } from "@/components/shell/form-styles";

/** A labelled select over known values, with "All" (empty) first: for filters and task selections. */
export function ChoiceSelect({
  label,
  ariaLabel = label,
  value,
  options,
  onChange,
}: {
  label: string;
  ariaLabel?: string;
  value: string;
  /** The values, or values with the words shown for them. */
  options: readonly (string | { value: string; label: string })[] | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
      {label}
      <select
        aria-label={ariaLabel}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      >
        <option value="">All</option>
        {(options ?? []).map((option) => {
          const { value: v, label: text } =
            typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}
