"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { jobKeys } from "@/components/jobs/job-queries";
import type { JobConfigInput } from "@/lib/jobs/job-config";
import { formatCostUsd } from "@/lib/jobs/job-cost";
import type { JobEstimateView } from "@/lib/jobs/read-job-estimate";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** What the job in the form would ask of its model: requests, tokens and cost, with the assumptions behind them. */
export function JobEstimate({ config }: { config: JobConfigInput }) {
  const json = JSON.stringify(config);
  const { data, error } = useQuery({
    queryKey: [...jobKeys.all, "estimate", json] as const,
    queryFn: () => fetchJson<JobEstimateView>(`/api/jobs/estimate?${new URLSearchParams({ config: json })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (error)
    return (
      <p className="mt-2 text-xs text-slate-500" data-testid="job-estimate">
        No estimate: {error.message}
      </p>
    );
  if (!data) return null;
  const a = data.assumptions;
  return (
    <div className="mt-2 text-xs text-slate-600" data-testid="job-estimate">
      <p>
        <span className="font-medium">Estimate:</span> {data.requests} requests
        {data.taskCount !== null && config.kind === "weak" ? ` (${data.taskCount} tasks)` : ""} · ~
        {compact.format(data.promptTokens)} prompt + ~{compact.format(data.completionTokens)} completion
        tokens · {data.costUsd === null ? "cost unknown" : `~${formatCostUsd(data.costUsd)}`}
      </p>
      {config.kind !== "mutation" ? (
        <p className="text-slate-500">
          Assumes {a.charsPerToken} characters a token over the prompt templates, {a.schemaTokens} tokens of
          schema a request, and answers of {a.completionTokens.question} tokens a question,{" "}
          {a.completionTokens.answer} a weak answer, a database up to the provider&apos;s {data.maxTokens} max
          tokens.
        </p>
      ) : null}
      {data.notes.map((n) => (
        <p key={n} className="text-slate-500">
          {n}
        </p>
      ))}
    </div>
  );
}
