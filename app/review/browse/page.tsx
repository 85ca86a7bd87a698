import Link from "next/link";
import { PairQueueList } from "@/components/review/pair-queue-list";
import { QueueTabs } from "@/components/review/queue-tabs";
import { SftQueueList } from "@/components/review/sft-queue-list";
import { BadAddress } from "@/components/shell/bad-address";
import { DroppedFilters } from "@/components/shell/dropped-filters";
import { PageHeader } from "@/components/shell/page-header";
import { readReviewPage } from "@/lib/review/read-review-queues";
import { QUEUE_FILTER_KEYS, reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { requirePageUser } from "@/lib/auth/page-auth";
import { dropUnknownDatabase } from "@/lib/databases/database-filter";
import { parsePageParams } from "@/lib/util/page-params";
import { pageTitle } from "@/lib/auth/page-title";
import { KIND } from "@/lib/items/item-kinds";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("review", "Browse the queues");

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("review", "/review/browse");
  const params = await dropUnknownDatabase(
    parsePageParams(reviewQueueFiltersSchema, await searchParams, { droppable: QUEUE_FILTER_KEYS }),
  );
  if (!params.ok) {
    return (
      <>
        <PageHeader title="Browse the queues" />
        <BadAddress
          problems={params.problems}
          links={[
            { href: "/review/browse?queue=sft", label: "Browse SFT samples" },
            { href: "/review/browse?queue=pairs", label: "Browse preference pairs" },
          ]}
        />
      </>
    );
  }
  const { values: filters, raw, dropped } = params;
  const page = await readReviewPage(filters);
  const { after: _after, before: _before, ...kept } = raw;
  const link = (cursor: { after: string } | { before: string }) =>
    `/review/browse?${new URLSearchParams({ ...kept, ...cursor })}`;
  return (
    <>
      <PageHeader
        title="Browse the queues"
        subtitle="Strong-model samples and weak-model preference pairs by status, with their execution results. To review, open the workspace."
      >
        <Link
          href={`/review?queue=${filters.queue}${filters.job ? `&job=${filters.job}` : ""}`}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white"
        >
          Review this queue
        </Link>
      </PageHeader>
      <DroppedFilters problems={dropped} />
      <QueueTabs filters={filters} counts={page.counts} />
      {filters.job ? (
        <p className="mb-3 text-sm">
          Job <span className="font-mono">{filters.job.slice(-8)}</span> only ·{" "}
          <Link className="underline" href={`/review/browse?queue=${filters.queue}&status=${filters.status}`}>
            all jobs
          </Link>
        </p>
      ) : null}
      <p className="mb-3 text-sm text-slate-600" data-testid="queue-total">
        {page.total === null ? "" : `${page.total} `}
        {filters.status} {KIND[filters.queue].short}
        {page.total === null ? " matching these filters" : ""}
      </p>
      {page.queue === "sft" ? <SftQueueList items={page.items} /> : <PairQueueList items={page.items} />}
      {page.prevCursor || page.nextCursor ? (
        <nav aria-label="Queue pages" className="mt-4 flex gap-3 text-sm">
          {filters.after || filters.before ? (
            <Link href={`/review/browse?${new URLSearchParams(kept)}`}>First</Link>
          ) : null}
          {page.prevCursor ? <Link href={link({ before: page.prevCursor })}>← Previous</Link> : null}
          {page.nextCursor ? <Link href={link({ after: page.nextCursor })}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
