import { Suspense } from "react";
import { ReviewWorkspace } from "@/components/review/review-workspace";
import { BadAddress } from "@/components/shell/bad-address";
import { DroppedFilters } from "@/components/shell/dropped-filters";
import { PageHeader } from "@/components/shell/page-header";
import { QUEUE_FILTER_KEYS, reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { requirePageUser } from "@/lib/auth/page-auth";
import { dropUnknownDatabase } from "@/lib/databases/database-filter";
import { parsePageParams } from "@/lib/util/page-params";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("review", "Review");

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("review", "/review");
  const params = await dropUnknownDatabase(
    parsePageParams(reviewQueueFiltersSchema, await searchParams, { droppable: QUEUE_FILTER_KEYS }),
  );
  const header = (
    <PageHeader
      title="Review"
      subtitle="Decide each item with the keyboard: the next one is already claimed for you and loaded. Press ? for the shortcuts."
    />
  );
  if (!params.ok) {
    return (
      <>
        {header}
        <BadAddress
          problems={params.problems}
          links={[
            { href: "/review?queue=sft", label: "Review SFT samples" },
            { href: "/review?queue=pairs", label: "Review preference pairs" },
          ]}
        />
      </>
    );
  }
  const { queue, job, database, difficulty, origin } = params.values;
  return (
    <>
      {header}
      <DroppedFilters problems={params.dropped} />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <ReviewWorkspace
          reviewer={{ id: user.id, name: user.name }}
          queue={queue}
          filters={{ job, database, difficulty, origin }}
        />
      </Suspense>
    </>
  );
}
