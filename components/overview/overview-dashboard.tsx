"use client";

import { CountsPanel } from "@/components/overview/counts-panel";
import { FunnelTable } from "@/components/overview/funnel-table";
import { JobFunnels } from "@/components/overview/job-funnels";
import { useOverview } from "@/components/overview/overview-queries";
import { ReviewersTable } from "@/components/overview/reviewers-table";
import { ThroughputCharts } from "@/components/overview/throughput-charts";
import { JobsTable } from "@/components/jobs/jobs-table";

/** The lead's overview: the funnel, synthesis running, how its outputs execute, how review goes, what the curated data looks like. */
export function OverviewDashboard({ everyone }: { everyone: boolean }) {
  const { data, error } = useOverview();
  return (
    <div className="space-y-6">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {data ? (
        <section aria-label="Funnel">
          <h2 className="mb-2 font-medium">From synthesis to export</h2>
          <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <h3 className="mb-1 text-sm font-medium">SFT samples (strong jobs)</h3>
              <FunnelTable label="SFT funnel" stages={data.funnel.sft} />
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <h3 className="mb-1 text-sm font-medium">Preference pairs (weak and mutation jobs)</h3>
              <FunnelTable label="Pairs funnel" stages={data.funnel.pairs} />
            </div>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            Exported counts rows written by finished exports: an item exported twice counts twice.
          </p>
          {everyone ? (
            <div className="mt-3">
              <h3 className="mb-1 text-sm font-medium">Per job</h3>
              <JobFunnels jobs={data.jobFunnels} />
            </div>
          ) : null}
        </section>
      ) : null}
      {everyone ? (
        <section aria-label="Jobs overview">
          <h2 className="mb-2 font-medium">Synthesis jobs</h2>
          <JobsTable />
        </section>
      ) : null}
      {data ? (
        <>
          <section>
            <h2 className="mb-2 font-medium">Throughput</h2>
            <ThroughputCharts throughput={data.throughput} />
          </section>
          <section>
            <h2 className="mb-2 font-medium">Execution of synthesized outputs</h2>
            <div className="flex flex-wrap gap-3">
              <CountsPanel
                title="Strong samples: SQL execution"
                counts={data.strongExecution.byStatus}
                total="samples"
              />
              <CountsPanel
                title="Weak-model answers: verdicts"
                counts={data.weakVerdicts["weak-model"] ?? {}}
                total="answers"
                verdicts
              />
              <CountsPanel
                title="Mutations: verdicts"
                counts={data.weakVerdicts.mutation ?? {}}
                total="mutants"
                verdicts
              />
            </div>
            {data.strongExecution.byStatus.ok ? (
              <p className="mt-1 text-xs text-slate-600" data-testid="returns-rows">
                {data.strongExecution.returnsRows} of {data.strongExecution.byStatus.ok} strong SQL that ran
                return rows.
              </p>
            ) : null}
          </section>
          <section>
            <h2 className="mb-2 font-medium">{everyone ? "Review progress" : "Review progress (yours)"}</h2>
            <div className="flex flex-wrap gap-3">
              <CountsPanel title="SFT samples by status" counts={data.review.sft} total="samples" />
              <CountsPanel title="Preference pairs by status" counts={data.review.pairs} total="pairs" />
            </div>
            <ReviewersTable reviewers={data.review.reviewers} />
          </section>
          <section>
            <h2 className="mb-2 font-medium">Curated data (accepted or edited)</h2>
            <div className="flex flex-wrap gap-3">
              <CountsPanel title="SFT samples by difficulty" counts={data.curated.sftByDifficulty} />
              <CountsPanel title="SFT samples by database" counts={data.curated.sftByDatabase} />
              <CountsPanel title="Pairs by difficulty" counts={data.curated.pairsByDifficulty} />
              <CountsPanel title="Pairs by origin" counts={data.curated.pairsByOrigin} />
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
