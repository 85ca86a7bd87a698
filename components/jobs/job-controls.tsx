"use client";

import type { useJobAction } from "@/components/jobs/job-queries";
import { ConfirmButton } from "@/components/shell/confirm-dialog";

type ControlledJob = { id: string; kind: string; status: string };
const buttonClass = "rounded border px-2 py-0.5 text-xs hover:bg-slate-100";

/**
 * A job's Pause, Resume and Cancel, as the jobs table and the job page show them: pausing and
 * resuming at once, cancelling only once confirmed (a cancelled job cannot be resumed). Shown to
 * whoever sees the job (the pages and the action's route ask for the same permission, jobs.manage).
 */
export function JobControls({
  job,
  action,
}: {
  job: ControlledJob;
  action: ReturnType<typeof useJobAction>;
}) {
  const open = job.status === "running" || job.status === "paused";
  if (!open) return null;
  const shortId = job.id.slice(-8);
  return (
    <span className="inline-flex gap-1">
      {job.status === "running" ? (
        <button
          type="button"
          className={buttonClass}
          onClick={() => action.mutate({ id: job.id, action: "pause" })}
        >
          Pause
        </button>
      ) : (
        <button
          type="button"
          className={buttonClass}
          onClick={() => action.mutate({ id: job.id, action: "resume" })}
        >
          Resume
        </button>
      )}
      <ConfirmButton
        className={buttonClass}
        title={`Cancel the ${job.kind} job ${shortId}?`}
        description="It stops claiming items; what it already made stays. A cancelled job cannot be resumed: to go on, start a new one."
        confirmLabel={`Cancel ${job.kind} job ${shortId}`}
        onConfirm={() => action.mutate({ id: job.id, action: "cancel" })}
      >
        Cancel
      </ConfirmButton>
    </span>
  );
}
