import Link from "next/link";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/shell/page-header";
import { checkStoreHealth } from "@/lib/store/store-health";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const { databases, tasks } = await checkStoreHealth();
  return (
    <>
      <PageHeader title="Overview" subtitle="How synthesis and review are going: updates by itself while jobs run and people review.">
        <div className="flex gap-3 text-sm">
          <Link href="/databases" className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 hover:border-sky-400">
            <span className="font-semibold tabular-nums">{databases}</span> target databases
          </Link>
          <Link href="/tasks" className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 hover:border-sky-400">
            <span className="font-semibold tabular-nums">{tasks}</span> tasks
          </Link>
        </div>
      </PageHeader>
      <OverviewDashboard />
    </>
  );
}
