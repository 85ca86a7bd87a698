import { inputClass } from "@/components/shell/form-styles";

/** A labelled number input for small forms; the label doubles as its accessible name. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  width = "w-24",
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: number;
  max?: number;
  step?: number;
  width?: string;
}) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <input
        aria-label={label}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass} ${width}`}
      />
    </label>
  );
}
