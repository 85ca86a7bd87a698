"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { JobEstimate } from "@/components/jobs/job-estimate";
import { useCreateJob } from "@/components/jobs/job-queries";
import { ProviderSelect } from "@/components/providers/provider-select";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { NumberField } from "@/components/shell/number-field";
import type { JobConfigInput, StrongJobConfig } from "@/lib/jobs/job-config";

const LEVELS = ["easy", "medium", "hard", "extra"] as const;

/** Starts a strong job (SFT data): databases per domain, then questions + SQL per difficulty. */
export function NewStrongJobForm({ initial }: { initial?: StrongJobConfig }) {
  const create = useCreateJob();
  const [provider, setProvider] = useState(initial?.provider ?? "demo-strong");
  const [domains, setDomains] = useState(
    initial ? initial.domains.join(", ") : "ferry timetables, beekeeping cooperative",
  );
  const [propose, setPropose] = useState(String(initial?.proposeDomains ?? 0));
  const [perDomain, setPerDomain] = useState(String(initial?.databasesPerDomain ?? 1));
  const [questions, setQuestions] = useState(String(initial?.questionsPerDatabase ?? 8));
  const [mix, setMix] = useState<Record<(typeof LEVELS)[number], string>>(() => {
    const m: Record<string, number> = initial?.difficultyMix ?? { easy: 2, medium: 2, hard: 1, extra: 1 };
    return {
      easy: String(m.easy ?? 0),
      medium: String(m.medium ?? 0),
      hard: String(m.hard ?? 0),
      extra: String(m.extra ?? 0),
    };
  });
  const config: JobConfigInput = {
    kind: "strong",
    provider,
    domains: domains
      .split(/[,\n]/)
      .map((d) => d.trim())
      .filter(Boolean),
    proposeDomains: Number(propose) || 0,
    databasesPerDomain: Number(perDomain),
    questionsPerDatabase: Number(questions),
    difficultyMix: {
      easy: Number(mix.easy),
      medium: Number(mix.medium),
      hard: Number(mix.hard),
      extra: Number(mix.extra),
    },
    ...(initial?.temperature !== undefined ? { temperature: initial.temperature } : {}),
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(config);
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-label="Start a strong job">
      <h2 className="font-medium">Strong job: databases, questions and SQL (SFT data)</h2>
      <p className="mt-1 text-xs text-slate-500">
        The model writes a database per domain (materialized as SQLite and registered), then questions with
        SQL at each difficulty; every SQL is executed and the ones that run are queued for review.{" "}
        <Link href="/jobs/prompts" className="underline">
          Prompts used
        </Link>
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <ProviderSelect label="Strong provider" value={provider} onChange={setProvider} />
        <label className="flex flex-col text-xs text-slate-600">
          Domains (comma separated; up to 100, each 2–80 characters)
          <input
            aria-label="Domains"
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            className={`${inputClass} w-80`}
          />
        </label>
        <NumberField
          label="Domains the model proposes"
          value={propose}
          onChange={setPropose}
          min={0}
          max={100}
          width="w-28"
        />
        <NumberField
          label="Databases per domain"
          value={perDomain}
          onChange={setPerDomain}
          min={1}
          max={20}
        />
        <NumberField
          label="Questions per database"
          value={questions}
          onChange={setQuestions}
          min={1}
          max={200}
        />
        {LEVELS.map((level) => (
          <NumberField
            key={level}
            label={`Weight ${level}`}
            value={mix[level]}
            onChange={(v) => setMix({ ...mix, [level]: v })}
            min={0}
            max={100}
            width="w-20"
          />
        ))}
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Start strong job
        </button>
      </div>
      <JobEstimate config={config} />
      <MutationFeedback error={create.error} success={create.data ? "Strong job started." : null} />
    </form>
  );
}
