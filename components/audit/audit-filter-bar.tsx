"use client";

import type { ReactNode } from "react";
import { inputClass } from "@/components/shell/form-styles";
import { eventActions, reviewActions } from "@/lib/audit/audit-actions";
import type { AuditFilters } from "@/lib/audit/audit-filters";

type TextKey = "person" | "target" | "from" | "to";
type Change = Partial<Record<keyof AuditFilters, string | undefined>>;

/** One filter: its label above its control. */
function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      {children}
    </label>
  );
}

/** A text filter that applies on Enter or when it loses focus. */
function TextFilter({
  name,
  label,
  placeholder,
  value,
  onChange,
}: {
  name: TextKey;
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (next: Change) => void;
}) {
  const apply = (text: string) => {
    if ((text.trim() || undefined) !== value) onChange({ [name]: text.trim() || undefined });
  };
  return (
    <FilterField label={label}>
      <input
        key={value ?? ""}
        aria-label={label}
        defaultValue={value ?? ""}
        placeholder={placeholder}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply(e.currentTarget.value);
        }}
        onBlur={(e) => apply(e.target.value)}
        className={`${inputClass} w-56 max-w-full`}
      />
    </FilterField>
  );
}

/** The audit log's filters; each change goes to the address (so a filtered view can be shared). */
export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: Partial<Record<keyof AuditFilters, unknown>>;
  onChange: (next: Change) => void;
}) {
  const text = (key: TextKey) => (typeof filters[key] === "string" ? (filters[key] as string) : undefined);
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Audit log filters">
      <TextFilter
        name="person"
        label="Person (email)"
        placeholder="ana@example.org"
        value={text("person")}
        onChange={onChange}
      />
      <FilterField label="Action">
        <select
          aria-label="Action"
          value={typeof filters.action === "string" ? filters.action : ""}
          onChange={(e) => onChange({ action: e.target.value || undefined })}
          className={inputClass}
        >
          <option value="">All</option>
          <optgroup label="Changes and sign-ins">
            {eventActions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </optgroup>
          <optgroup label="Review decisions">
            {reviewActions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </optgroup>
        </select>
      </FilterField>
      <TextFilter
        name="target"
        label="Target"
        placeholder="account:clx… or sft:clx…"
        value={text("target")}
        onChange={onChange}
      />
      <TextFilter
        name="from"
        label="From (UTC)"
        placeholder="2026-12-02 or 2026-12-02T14:05"
        value={text("from")}
        onChange={onChange}
      />
      <TextFilter
        name="to"
        label="To (UTC, included)"
        placeholder="2026-12-02 or 2026-12-02T14:05"
        value={text("to")}
        onChange={onChange}
      />
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
        onClick={() =>
          onChange({
            person: undefined,
            action: undefined,
            target: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        Clear filters
      </button>
    </div>
  );
}
