"use client";

import { useProviders } from "@/components/providers/provider-queries";
import { inputClass } from "@/components/shell/form-styles";

/** Picks a provider by name; shows its model beside the name. */
export function ProviderSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
}) {
  const { data } = useProviders();
  return (
    <label className="flex flex-col text-xs text-slate-600">
      Provider
      <select
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      >
        {!data?.some((p) => p.name === value) ? <option value={value}>{value || "choose…"}</option> : null}
        {(data ?? []).map((p) => (
          <option key={p.id} value={p.name}>
            {p.name} ({p.model})
          </option>
        ))}
      </select>
    </label>
  );
}
