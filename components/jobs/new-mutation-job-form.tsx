"use client";

import { useState, type FormEvent } from "react";
import { JobEstimate } from "@/components/jobs/job-estimate";
import { useCreateJob } from "@/components/jobs/job-queries";
import { ChoiceSelect } from "@/components/shell/choice-select";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { useTaskFacets } from "@/components/tasks/task-queries";
import type { JobConfigInput, MutationJobConfig } from "@/lib/jobs/job-config";

/** Starts a weak job whose wrong answers come from SQL mutation (no model needed). */
export function NewMutationJobForm({ initial }: { initial?: MutationJobConfig }) {
  const { data: facets } = useTaskFacets();
  const create = useCreateJob();
  const [database, setDatabase] = useState(initial?.tasks.database ?? "");
  const [split, setSplit] = useState(initial?.tasks.split ?? "");
  const [limit, setLimit] = useState(initial?.tasks.limit ? String(initial.tasks.limit) : "");
  const [keep, setKeep] = useState(String(initial?.keepPerTask ?? 2));
  const config: JobConfigInput = {
    kind: "mutation",
    metric: initial?.metric ?? "spider",
    keepPerTask: Number(keep),
    tasks: {
      ...initial?.tasks,
      database: database || undefined,
      split: split || undefined,
      limit: limit ? Number(limit) : undefined,
    },
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(config);
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-label="Start a mutation job">
      <h2 className="font-medium">Weak job: SQL mutation (offline)</h2>
      <p className="mt-1 text-xs text-slate-500">
        Perturbs each task&apos;s gold SQL and keeps mutants that run to another result as rejected answers of
        preference pairs.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <ChoiceSelect
          label="Database"
          ariaLabel="Job database"
          value={database}
          options={facets?.databases}
          onChange={setDatabase}
        />
        <ChoiceSelect
          label="Split"
          ariaLabel="Job split"
          value={split}
          options={facets?.splits}
          onChange={setSplit}
        />
        <label className="flex flex-col text-xs text-slate-600">
          At most tasks
          <input
            aria-label="At most tasks"
            type="number"
            min={1}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            className={`${inputClass} w-28`}
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Rejected per task
          <input
            aria-label="Rejected per task"
            type="number"
            min={1}
            max={20}
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
            className={`${inputClass} w-24`}
          />
        </label>
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Start job
        </button>
      </div>
      <JobEstimate config={config} />
      <MutationFeedback error={create.error} success={create.data ? "Job started." : null} />
    </form>
  );
}
