"use client";

import { BarPanel } from "@/components/overview/bar-panel";
import { useOverview } from "@/components/overview/overview-queries";
import { JobsTable } from "@/components/jobs/jobs-table";
import { TableHead } from "@/components/shell/table-head";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The lead's overview: synthesis running, how its outputs execute, how review goes, what the curated data looks like. */
export function OverviewDashboard({ everyone }: { everyone: boolean }) {
  const { data, error } = useOverview();
  return (
    <div className="space-y-6">
      {everyone ? (
        <section aria-label="Jobs overview">
          <h2 className="mb-2 font-medium">Synthesis jobs</h2>
          <JobsTable />
        </section>
      ) : null}
      {error ? <p role="alert" className="text-sm text-red-700">{error.message}</p> : null}
      {data ? (
        <>
          <section>
            <h2 className="mb-2 font-medium">Execution of synthesized outputs</h2>
            <div className="flex flex-wrap gap-3">
              <BarPanel title="Strong samples: SQL execution" counts={Object.keys(data.strongExecution.byStatus).length ? { ...data.strongExecution.byStatus, "returns rows": data.strongExecution.returnsRows } : {}} />
              <BarPanel title="Weak-model answers: verdicts" counts={data.weakVerdicts["weak-model"] ?? {}} color="#7c3aed" />
              <BarPanel title="Mutations: verdicts" counts={data.weakVerdicts.mutation ?? {}} color="#a855f7" />
            </div>
          </section>
          <section>
            <h2 className="mb-2 font-medium">{everyone ? "Review progress" : "Review progress (yours)"}</h2>
            <div className="flex flex-wrap gap-3">
              <BarPanel title="SFT samples by status" counts={data.review.sft} color="#059669" />
              <BarPanel title="Preference pairs by status" counts={data.review.pairs} color="#059669" />
            </div>
            <table className="mt-3 w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Reviewers">
              <TableHead columns={["Reviewer", "Decisions (14 days)", "Accepted or edited", "Median time per item", "Per day"]} />
              <tbody>
                {data.review.reviewers.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className="px-3 py-1.5">{r.name}</td>
                    <td className="px-3 py-1.5 tabular-nums">{r.decided}</td>
                    <td className="px-3 py-1.5 tabular-nums">{pct(r.acceptanceRate)}</td>
                    <td className="px-3 py-1.5 tabular-nums">{r.medianSecondsPerItem === null ? "—" : `${r.medianSecondsPerItem.toFixed(1)} s`}</td>
                    <td className="px-3 py-1.5 text-xs">{Object.entries(r.perDay).map(([day, n]) => `${day.slice(5)}: ${n}`).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h2 className="mb-2 font-medium">Curated data (accepted or edited)</h2>
            <div className="flex flex-wrap gap-3">
              <BarPanel title="SFT samples by difficulty" counts={data.curated.sftByDifficulty} color="#ea580c" />
              <BarPanel title="SFT samples by database" counts={data.curated.sftByDatabase} color="#ea580c" />
              <BarPanel title="Pairs by difficulty" counts={data.curated.pairsByDifficulty} color="#db2777" />
              <BarPanel title="Pairs by origin" counts={data.curated.pairsByOrigin} color="#db2777" />
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
