"use client";

import { useSearchParams } from "next/navigation";
import { useJobDetail } from "@/components/jobs/job-detail-queries";
import { NewMutationJobForm } from "@/components/jobs/new-mutation-job-form";
import { NewStrongJobForm } from "@/components/jobs/new-strong-job-form";
import { NewWeakJobForm } from "@/components/jobs/new-weak-job-form";
import type { MutationJobConfig, StrongJobConfig, WeakJobConfig } from "@/lib/jobs/job-config";

/** The three new-job forms; with `?clone=<job id>` the form of that job's kind starts filled with its configuration. */
export function NewJobForms() {
  const cloneId = useSearchParams().get("clone");
  return cloneId ? <ClonedForms jobId={cloneId} /> : <Forms />;
}

function ClonedForms({ jobId }: { jobId: string }) {
  const { data, error, isPending } = useJobDetail(jobId);
  if (isPending) return <p className="text-sm text-slate-500">Loading the job to clone…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        Cannot clone job {jobId}: {error.message}
      </p>
    );
  const config = data.config as { kind: string };
  return (
    <>
      <p role="status" className="text-sm text-slate-700" data-testid="clone-notice">
        The {config.kind} form below holds the configuration of job {jobId.slice(-8)}: change what you like
        and start it.
      </p>
      <Forms key={jobId} config={config} />
    </>
  );
}

function Forms({ config }: { config?: { kind: string } }) {
  return (
    <>
      <NewStrongJobForm initial={config?.kind === "strong" ? (config as StrongJobConfig) : undefined} />
      <NewWeakJobForm initial={config?.kind === "weak" ? (config as WeakJobConfig) : undefined} />
      <NewMutationJobForm initial={config?.kind === "mutation" ? (config as MutationJobConfig) : undefined} />
    </>
  );
}
