import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { checkStoreHealth } from "@/lib/store/store-health";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const { databases, tasks } = await checkStoreHealth();
  return (
    <>
      <PageHeader title="Overview" subtitle="Sense Studio: synthesize, execute, review and export text-to-SQL training data." />
      <div className="grid max-w-2xl grid-cols-2 gap-4">
        <Link href="/databases" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-sky-400">
          <div className="text-3xl font-semibold tabular-nums">{databases}</div>
          <div className="text-sm text-slate-600">target databases</div>
        </Link>
        <Link href="/tasks" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-sky-400">
          <div className="text-3xl font-semibold tabular-nums">{tasks}</div>
          <div className="text-sm text-slate-600">tasks</div>
        </Link>
      </div>
      <p className="mt-6 max-w-2xl rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        The lead&apos;s overview (job progress, execution pass rates, review progress) is not built yet.
      </p>
    </>
  );
}
