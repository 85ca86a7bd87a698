"use client";

import Link from "next/link";
import type { Overview } from "@/lib/overview/read-overview";
import { TableHead } from "@/components/shell/table-head";
import { TableFrame } from "@/components/shell/table-frame";

const STAGES = ["synthesized", "executed", "flagged for review", "reviewed", "exported"];

/** The funnel of each recent job in one row: the same stages as the overall one, linked to the job's page. */
export function JobFunnels({ jobs }: { jobs: Overview["jobFunnels"] }) {
  if (!jobs.length) return <p className="text-sm text-slate-600">No jobs yet.</p>;
  return (
    <TableFrame>
      <table
        className="w-full rounded-lg border border-slate-200 bg-white text-sm"
        aria-label="Funnel per job"
      >
        <TableHead columns={["Job", ...STAGES]} />
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} className="border-t border-slate-100" data-job-id={job.id}>
              <td className="min-w-32 px-3 py-1.5 [overflow-wrap:anywhere]">
                <Link href={`/jobs/${job.id}`} className="underline">
                  {job.kind} <span className="font-mono text-xs">{job.id.slice(-8)}</span>
                </Link>
                <div className="text-xs text-slate-500">{job.status}</div>
              </td>
              {job.stages.map((s) => (
                <td key={s.stage} className="px-3 py-1.5 tabular-nums" data-stage={s.stage}>
                  {s.n === null ? <span title="exports are not kept per job">—</span> : s.n}
                  {s.detail && s.stage === "reviewed" && s.n ? (
                    <div className="text-xs text-slate-500">
                      {Object.entries(s.detail)
                        .map(([k, n]) => `${k} ${n}`)
                        .join(" · ")}
                    </div>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
