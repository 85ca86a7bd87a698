import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemHistoryList } from "@/components/review/item-history-list";
import { ReviewItemCard } from "@/components/review/review-item-card";
import { SchemaPanel } from "@/components/review/schema-panel";
import { PageHeader } from "@/components/shell/page-header";
import { StatusBadge } from "@/components/shell/status-badge";
import { isAppError } from "@/lib/errors";
import { readItemHistory } from "@/lib/review/item-history";
import { readReviewItem, reviewItemExists } from "@/lib/review/read-review-item";
import { reviewQueueSchema } from "@/lib/review/review-types";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";
import { KIND } from "@/lib/items/item-kinds";
import { capitalized } from "@/lib/util/field-labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ queue: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { queue: rawQueue, id } = await params;
  const queue = reviewQueueSchema.safeParse(rawQueue);
  return pageTitle("review", async () => {
    if (!queue.success || !(await reviewItemExists(queue.data, id))) return null;
    return capitalized(KIND[queue.data].one);
  });
}

export default async function ReviewItemPage({ params }: Props) {
  await requirePageUser("review", "/review/browse");
  const { queue: rawQueue, id } = await params;
  const queue = reviewQueueSchema.safeParse(rawQueue);
  if (!queue.success) notFound();
  const item = await readReviewItem(queue.data, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const history = await readItemHistory(queue.data, id);
  return (
    <>
      <PageHeader
        title={capitalized(KIND[queue.data].one)}
        subtitle={<span className="font-mono">{id}</span>}
      >
        <Link href={`/review?queue=${queue.data}`} className="text-sm underline">
          Back to the queue
        </Link>
      </PageHeader>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm" aria-label="Decision">
        <StatusBadge value={item.status} />
        {item.reviewedBy ? <span>by {item.reviewedBy}</span> : null}
        {item.rejectReason ? (
          <span>
            · reason: {item.rejectReason.replace(/_/g, " ")}
            {item.rejectNote ? ` (${item.rejectNote})` : ""}
          </span>
        ) : null}
      </p>
      <div className="space-y-4">
        <ReviewItemCard item={item} />
        {item.queue === "pairs" && item.original ? (
          <p className="text-sm text-slate-700">
            Originally: chosen <code className="font-mono">{item.original.chosenSql}</code>, rejected{" "}
            <code className="font-mono">{item.original.rejectedSql}</code>
          </p>
        ) : null}
        <SchemaPanel database={item.database} tables={item.tables} used={item.used} />
        <section>
          <h2 className="mb-2 font-medium">History</h2>
          <ItemHistoryList history={history} />
        </section>
      </div>
    </>
  );
}
