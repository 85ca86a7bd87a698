"use client";

import { useJobFailures } from "@/components/jobs/job-queries";
import { ItemPayload } from "@/components/jobs/item-payload";

/** The failed items of a job with their kind and reason. */
export function JobFailures({ jobId }: { jobId: string }) {
  const { data, error, isPending } = useJobFailures(jobId);
  if (isPending) return <p className="text-xs text-slate-500">Loading failures…</p>;
  if (error)
    return (
      <p role="alert" className="text-xs text-red-700">
        {error.message}
      </p>
    );
  if (!data.length) return <p className="text-xs text-slate-500">No failed items.</p>;
  return (
    <ul aria-label="Failed items" className="space-y-1 text-xs">
      {data.map((f) => (
        <li key={f.id} className="font-mono">
          <span className="rounded bg-red-100 px-1 text-red-800">{f.errorKind ?? "unknown"}</span> {f.error}{" "}
          <span className="text-slate-500">
            (attempts {f.attempts}, <ItemPayload payloadJson={f.payloadJson} />)
          </span>
        </li>
      ))}
    </ul>
  );
}
