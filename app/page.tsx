import Link from "next/link";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/shell/page-header";
import { readStoreTotals } from "@/lib/store/store-health";
import { requirePageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("data.read", "Overview");

export default async function OverviewPage() {
  const user = await requirePageUser("data.read", "/");
  const everyone = can(user.role, "progress.all");
  const { databases, tasks } = await readStoreTotals();
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={
          everyone
            ? "How synthesis and review are going: updates by itself while jobs run and people review."
            : "How review is going, and your own progress: updates by itself."
        }
      >
        <div className="flex gap-3 text-sm">
          <Link
            href="/databases"
            className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 hover:border-sky-400"
          >
            <span className="font-semibold tabular-nums">{databases}</span> target databases
          </Link>
          <Link
            href="/tasks"
            className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 hover:border-sky-400"
          >
            <span className="font-semibold tabular-nums">{tasks}</span> tasks
          </Link>
        </div>
      </PageHeader>
      <OverviewDashboard everyone={everyone} />
    </>
  );
}
