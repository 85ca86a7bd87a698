import Link from "next/link";
import type { ReviewQueueFilters } from "@/lib/review/review-queue-filters";
import { ITEM_KINDS, KIND } from "@/lib/items/item-kinds";
import { capitalized } from "@/lib/util/field-labels";

/** The two queues and their statuses with counts; links keep the job filter. */
export function QueueTabs({
  filters,
  counts,
}: {
  filters: ReviewQueueFilters;
  counts: { sft: Record<string, number>; pairs: Record<string, number> };
}) {
  const href = (queue: string, status: string) =>
    `/review/browse?${new URLSearchParams({ queue, status, ...(filters.job ? { job: filters.job } : {}) })}`;
  return (
    <nav aria-label="Review queues" className="mb-4 flex flex-wrap gap-6 text-sm">
      {ITEM_KINDS.map((queue) => (
        <div key={queue}>
          <div className="font-medium">{capitalized(KIND[queue].many)}</div>
          <div className="mt-1 flex gap-2">
            {KIND[queue].statuses.map((status) => {
              const active = filters.queue === queue && filters.status === status;
              return (
                <Link
                  key={status}
                  href={href(queue, status)}
                  aria-current={active ? "page" : undefined}
                  className={`rounded px-2 py-0.5 text-xs ${active ? "bg-slate-900 text-white" : "bg-slate-100 hover:bg-slate-200"}`}
                >
                  {status} {counts[queue][status] ?? 0}
                </Link>
              );
            })}
          </div>
        </div>
      ))}
    </nav>
  );
}
