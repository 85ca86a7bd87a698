import { Suspense } from "react";
import { ReviewWorkspace } from "@/components/review/review-workspace";
import { PageHeader } from "@/components/shell/page-header";
import { reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { requirePageUser } from "@/lib/auth/page-auth";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("review", "/review");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const { queue, job, database, difficulty, origin } = reviewQueueFiltersSchema.parse(raw);
  return (
    <>
      <PageHeader title="Review" subtitle="Decide each item with the keyboard: the next one is already claimed for you and loaded. Press ? for the shortcuts." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <ReviewWorkspace reviewer={{ id: user.id, name: user.name }} queue={queue} filters={{ job, database, difficulty, origin }} />
      </Suspense>
    </>
  );
}
