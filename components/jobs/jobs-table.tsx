"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { JobControls } from "@/components/jobs/job-controls";
import { JobFailures } from "@/components/jobs/job-failures";
import { useJobAction, useJobs } from "@/components/jobs/job-queries";
import { shownJobStatus } from "@/components/jobs/shown-job-status";
import { StatusBadge } from "@/components/shell/status-badge";
import { TableHead } from "@/components/shell/table-head";
import { formatCostUsd } from "@/lib/jobs/job-cost";
import type { JobProgress } from "@/lib/jobs/read-jobs";
import { TableFrame } from "@/components/shell/table-frame";

const eta = (s: number | null) =>
  s === null ? "—" : s < 90 ? `${Math.ceil(s)} s` : `${Math.ceil(s / 60)} min`;
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** What a job queued for review, linked to its review queue. */
function Outputs({ job }: { job: JobProgress }) {
  if (job.kind !== "strong") {
    return (
      <Link href={`/review/browse?queue=pairs&job=${job.id}`} className="underline" data-testid="job-pairs">
        {job.pairsCreated} pairs
      </Link>
    );
  }
  return (
    <Link href={`/review/browse?queue=sft&job=${job.id}`} className="underline" data-testid="job-samples">
      {job.samplesCreated} samples
      {job.samplesDiscarded ? (
        <span className="text-slate-500"> (+{job.samplesDiscarded} failed SQL)</span>
      ) : null}
    </Link>
  );
}

export function JobsTable() {
  const { data, error, isPending } = useJobs();
  const action = useJobAction();
  const [openFailures, setOpenFailures] = useState<string | null>(null);
  if (isPending) return <p className="text-sm text-slate-500">Loading jobs…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        Could not load jobs: {error.message}
      </p>
    );
  if (!data.length) return <p className="text-sm text-slate-600">No jobs yet.</p>;
  return (
    <>
      {action.error ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {action.error.message}
        </p>
      ) : null}
      <TableFrame>
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Jobs">
          <TableHead
            columns={["Job", "Status", "Progress", "Rate", "ETA", "Failures", "Tokens / cost", "Outputs", ""]}
          />
          <tbody>
            {data.map((job) => {
              const handled = job.itemsDone + job.itemsFailed;
              const failures = Object.entries(job.failuresByKind);
              return (
                <Fragment key={job.id}>
                  <tr className="border-t border-slate-100" data-job-id={job.id}>
                    <td className="min-w-32 px-3 py-2 [overflow-wrap:anywhere]">
                      <Link href={`/jobs/${job.id}`} className="font-medium underline" data-testid="job-link">
                        {job.kind}{" "}
                        <span className="font-mono text-xs text-slate-500">{job.id.slice(-8)}</span>
                      </Link>
                      {job.provider ? <div className="text-xs text-slate-500">{job.provider}</div> : null}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge value={shownJobStatus(job)} testId="job-status" />
                      {job.itemsInFlight ? (
                        <div className="mt-1 text-xs tabular-nums text-slate-500" data-testid="job-in-flight">
                          {job.itemsInFlight} in flight
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {/* done items in blue, failed ones in red: a job whose every item failed has a red bar, not a full blue one */}
                      <div className="flex h-2 w-40 overflow-hidden rounded bg-slate-100" aria-hidden>
                        <div
                          className="h-2 bg-sky-500"
                          style={{ width: `${(100 * job.itemsDone) / Math.max(1, job.itemsTotal)}%` }}
                        />
                        <div
                          className="h-2 bg-red-500"
                          style={{ width: `${(100 * job.itemsFailed) / Math.max(1, job.itemsTotal)}%` }}
                        />
                      </div>
                      <div className="mt-1 text-xs tabular-nums" data-testid="job-progress">
                        {handled}/{job.totalDiscovering ? "?" : job.itemsTotal}
                      </div>
                      {job.totalDiscovering ? (
                        <div className="text-xs text-slate-500" data-testid="job-discovering">
                          total still being discovered (the model is proposing domains)
                        </div>
                      ) : null}
                      {job.itemsFailed ? (
                        <div className="text-xs tabular-nums text-red-700" data-testid="job-failed-items">
                          {job.itemsFailed} failed
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 text-xs tabular-nums">
                      {job.itemsPerSecond ? `${job.itemsPerSecond.toFixed(1)}/s` : "—"}
                    </td>
                    <td className="px-3 py-2 text-xs tabular-nums">{eta(job.etaSeconds)}</td>
                    <td className="px-3 py-2 text-xs">
                      {failures.length ? (
                        <button
                          type="button"
                          className="text-left text-red-700 underline"
                          onClick={() => setOpenFailures(openFailures === job.id ? null : job.id)}
                        >
                          {failures.map(([kind, n]) => `${kind}: ${n}`).join(", ")}
                        </button>
                      ) : (
                        "none"
                      )}
                    </td>
                    <td className="px-3 py-2 text-xs tabular-nums" data-testid="job-tokens">
                      {job.modelCalls ? (
                        <>
                          {job.modelCalls} calls · {compact.format(job.promptTokens + job.completionTokens)}{" "}
                          tok
                          <div
                            className="text-slate-500"
                            title={
                              job.costUsd === null ? "cost unknown: the provider has no price" : undefined
                            }
                          >
                            {formatCostUsd(job.costUsd)}
                          </div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2 text-right text-xs tabular-nums">
                      <Outputs job={job} />
                    </td>
                    <td className="px-3 py-2 text-right">
                      <JobControls job={job} action={action} />
                    </td>
                  </tr>
                  {openFailures === job.id ? (
                    <tr>
                      <td colSpan={9} className="bg-red-50 px-3 py-2">
                        <JobFailures jobId={job.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
