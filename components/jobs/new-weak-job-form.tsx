"use client";

import { useState, type FormEvent } from "react";
import { JobEstimate } from "@/components/jobs/job-estimate";
import { useCreateJob } from "@/components/jobs/job-queries";
import { ProviderSelect } from "@/components/providers/provider-select";
import { ChoiceSelect } from "@/components/shell/choice-select";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { NumberField } from "@/components/shell/number-field";
import { useTaskFacets } from "@/components/tasks/task-queries";
import type { JobConfigInput, WeakJobConfig } from "@/lib/jobs/job-config";

/** Starts a weak job (preference data): k answers per task, executed and compared with the gold. */
export function NewWeakJobForm({ initial }: { initial?: WeakJobConfig }) {
  const { data: facets } = useTaskFacets();
  const create = useCreateJob();
  const [provider, setProvider] = useState(initial?.provider ?? "demo-weak");
  const [source, setSource] = useState<"tasks" | "accepted-sft">(initial?.source ?? "tasks");
  const [database, setDatabase] = useState(initial?.tasks.database ?? "");
  const [split, setSplit] = useState(initial?.tasks.split ?? "");
  const [limit, setLimit] = useState(initial?.tasks.limit ? String(initial.tasks.limit) : "");
  const [samples, setSamples] = useState(String(initial?.samples ?? 4));
  const [temperature, setTemperature] = useState(String(initial?.temperature ?? 0.8));
  const [chosen, setChosen] = useState<"gold" | "correct-candidate">(initial?.chosen ?? "gold");
  const [metric, setMetric] = useState<"spider" | "bird">(initial?.metric ?? "spider");
  const [maxPairs, setMaxPairs] = useState(String(initial?.maxPairsPerTask ?? 1));
  const config: JobConfigInput = {
    kind: "weak",
    provider,
    source,
    tasks: {
      ...initial?.tasks,
      database: database || undefined,
      split: split || undefined,
      limit: limit ? Number(limit) : undefined,
    },
    samples: Number(samples),
    temperature: Number(temperature),
    chosen,
    metric,
    maxPairsPerTask: Number(maxPairs),
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(config);
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-label="Start a weak job">
      <h2 className="font-medium">Weak job: sampled answers and preference pairs (DPO data)</h2>
      <p className="mt-1 text-xs text-slate-500">
        The weak model answers each task k times; each answer is executed and compared with the gold result;
        distinct wrong answers become the rejected side of preference pairs (chosen = gold, or a correct
        answer).
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <ProviderSelect label="Weak provider" value={provider} onChange={setProvider} />
        <label className="flex flex-col text-xs text-slate-600">
          Questions from
          <select
            aria-label="Questions from"
            value={source}
            onChange={(e) => setSource(e.target.value as typeof source)}
            className={inputClass}
          >
            <option value="tasks">tasks (filters)</option>
            <option value="accepted-sft">accepted strong samples</option>
          </select>
        </label>
        <ChoiceSelect
          label="Database"
          ariaLabel="Weak job database"
          value={database}
          options={facets?.databases}
          onChange={setDatabase}
        />
        <ChoiceSelect
          label="Split"
          ariaLabel="Weak job split"
          value={split}
          options={facets?.splits}
          onChange={setSplit}
        />
        <NumberField label="Weak job at most tasks" value={limit} onChange={setLimit} min={1} width="w-28" />
        <NumberField label="Samples per task" value={samples} onChange={setSamples} min={1} max={32} />
        <NumberField
          label="Temperature"
          value={temperature}
          onChange={setTemperature}
          min={0}
          max={2}
          step={0.1}
        />
        <label className="flex flex-col text-xs text-slate-600">
          Chosen side
          <select
            aria-label="Chosen side"
            value={chosen}
            onChange={(e) => setChosen(e.target.value as typeof chosen)}
            className={inputClass}
          >
            <option value="gold">gold SQL</option>
            <option value="correct-candidate">a correct answer</option>
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Judged as
          <select
            aria-label="Judged as"
            value={metric}
            onChange={(e) => setMetric(e.target.value as typeof metric)}
            className={inputClass}
          >
            <option value="spider">Spider (test-suite execution match)</option>
            <option value="bird">BIRD (set of rows)</option>
          </select>
        </label>
        <NumberField label="Pairs per task" value={maxPairs} onChange={setMaxPairs} min={1} max={50} />
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Start weak job
        </button>
      </div>
      <JobEstimate config={config} />
      <MutationFeedback error={create.error} success={create.data ? "Weak job started." : null} />
    </form>
  );
}
