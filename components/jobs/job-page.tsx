"use client";

import Link from "next/link";
import { JobCallsChart } from "@/components/jobs/job-calls-chart";
import { JobControls } from "@/components/jobs/job-controls";
import { useJobDetail } from "@/components/jobs/job-detail-queries";
import { JobItemLog } from "@/components/jobs/job-item-log";
import { useJobAction } from "@/components/jobs/job-queries";
import { shownJobStatus } from "@/components/jobs/shown-job-status";
import { DateTime } from "@/components/shell/date-time";
import { StatusBadge } from "@/components/shell/status-badge";
import { jobConfigRows } from "@/lib/jobs/job-config-rows";
import { formatCostUsd } from "@/lib/jobs/job-cost";
import type { JobDetail } from "@/lib/jobs/read-job-detail";

/** The provider once: the job's own (name · model · base URL), or the name it was started with when that provider is gone. */
function ProviderValue({ detail }: { detail: JobDetail }) {
  if (detail.provider) {
    return (
      <>
        {detail.provider.name} · {detail.provider.model} ·{" "}
        <span className="font-mono text-xs">{detail.provider.baseUrl}</span>
      </>
    );
  }
  return (
    <>
      {typeof detail.config.provider === "string"
        ? `${detail.config.provider} (no longer registered)`
        : "none (no model is called)"}
    </>
  );
}

function Configuration({ detail }: { detail: JobDetail }) {
  return (
    <section aria-label="Configuration" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 font-medium">Configuration</h2>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Provider</dt>
        <dd data-testid="job-provider" className="break-words">
          <ProviderValue detail={detail} />
        </dd>
        {jobConfigRows(detail.config).map(({ label, value }) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
        {Object.entries(detail.prompts).map(([name, id]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">Prompt {name}</dt>
            <dd>
              <Link href="/jobs/prompts" className="font-mono text-xs underline">
                {id}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One job: who started it and when, its controls, configuration, proposed domains, progress, calls over time and its item log. */
export function JobPage({ jobId }: { jobId: string }) {
  const { data, error, isPending } = useJobDetail(jobId);
  const action = useJobAction();
  if (isPending) return <p className="text-sm text-slate-500">Loading the job…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  const p = data.progress;
  const live = p.status === "running" || p.status === "paused" || p.itemsInFlight > 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge value={shownJobStatus(p)} testId="job-status" />
        <span data-testid="job-progress" className="tabular-nums">
          {p.itemsDone + p.itemsFailed}/{p.totalDiscovering ? "?" : p.itemsTotal} items
          {p.totalDiscovering ? " · total still being discovered" : ""}
        </span>
        <span data-testid="job-started-by">
          started by {data.startedBy ? data.startedBy.name : "the command line or a script"} on{" "}
          <DateTime at={data.startedAt ?? data.createdAt} />
        </span>
        {data.finishedAt ? (
          <span>
            finished <DateTime at={data.finishedAt} />
          </span>
        ) : null}
        <span className="ml-auto flex gap-1">
          <JobControls job={p} action={action} />
          <Link
            href={`/jobs?clone=${jobId}`}
            className="rounded border px-2 py-0.5 text-xs hover:bg-slate-100"
          >
            Clone
          </Link>
        </span>
      </div>
      {action.error ? (
        <p role="alert" className="text-sm text-red-700">
          {action.error.message}
        </p>
      ) : null}
      <Configuration detail={data} />
      {data.proposedDomains ? (
        <section
          aria-label="Proposed domains"
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
        >
          <h2 className="mb-1 font-medium">Domains the model proposed</h2>
          {data.proposedDomains.domains?.length ? (
            data.proposedDomains.domains.join(", ")
          ) : (
            <span className="text-slate-500">Not yet ({data.proposedDomains.status}).</span>
          )}
        </section>
      ) : null}
      <section aria-label="Model calls" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 className="mb-1 font-medium">Model calls, tokens and cost per hour</h2>
        <p className="mb-2 text-xs text-slate-600 tabular-nums">
          {p.modelCalls} calls · {p.promptTokens} prompt + {p.completionTokens} completion tokens · cost{" "}
          {formatCostUsd(p.costUsd)}
          {p.costUsd === null ? (
            <span className="text-slate-500"> (the provider has no price per token)</span>
          ) : null}
        </p>
        <JobCallsChart hours={data.callsPerHour} />
      </section>
      <JobItemLog jobId={jobId} errorKinds={Object.keys(p.failuresByKind)} live={live} />
    </div>
  );
}
