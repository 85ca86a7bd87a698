"use client";

import { ChoiceSelect } from "@/components/shell/choice-select";
import { inputClass } from "@/components/shell/form-styles";
import { useTaskFacets } from "@/components/tasks/task-queries";
import type { TaskFilters } from "@/lib/tasks/task-filters";

type FilterKey = "database" | "split" | "origin" | "difficulty" | "hardness";

export function TaskFilterBar({
  filters,
  onChange,
}: {
  filters: TaskFilters;
  onChange: (next: Partial<TaskFilters>) => void;
}) {
  const { data: facets } = useTaskFacets();
  const select = (key: FilterKey, label: string, options: string[] | undefined) => (
    <ChoiceSelect
      label={label}
      value={filters[key] ?? ""}
      options={options}
      onChange={(value) => onChange({ [key]: value || undefined, after: undefined, before: undefined })}
    />
  );
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
      {select("database", "Database", facets?.databases)}
      {select("split", "Split", facets?.splits)}
      {select("origin", "Origin", facets?.origins)}
      {select("difficulty", "Difficulty", facets?.difficulties)}
      {select("hardness", "Hardness", facets?.hardnesses)}
      <label className="flex flex-col text-xs text-slate-600">
        Question contains
        <input
          aria-label="Question contains"
          defaultValue={filters.q ?? ""}
          onKeyDown={(e) => {
            if (e.key === "Enter")
              onChange({ q: e.currentTarget.value || undefined, after: undefined, before: undefined });
          }}
          onBlur={(e) => {
            if ((e.target.value || undefined) !== filters.q)
              onChange({ q: e.target.value || undefined, after: undefined, before: undefined });
          }}
          className={inputClass}
        />
      </label>
    </div>
  );
}
