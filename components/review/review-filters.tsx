"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { ChoiceSelect } from "@/components/shell/choice-select";
import { itemDatabaseOptions, useItemDatabases } from "@/components/items/item-queries";
import { QUEUE_FILTER_KEYS, reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import type { ReviewQueue } from "@/lib/review/review-types";
import { parsePageParams } from "@/lib/util/page-params";
import { ITEM_KINDS, KIND } from "@/lib/items/item-kinds";
import { capitalized } from "@/lib/util/field-labels";

const DIFFICULTIES = ["easy", "medium", "hard", "extra"];

/** The queue tabs (with pending counts) and the filters, kept in the URL. */
export function ReviewFilters({
  queue,
  counts,
}: {
  queue: ReviewQueue;
  counts: { sft: Record<string, number>; pairs: Record<string, number> } | undefined;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const { data: databases } = useItemDatabases();
  // the address's filters without those the page left out for a bad value (lib/util/page-params.ts)
  const kept = parsePageParams(reviewQueueFiltersSchema, Object.fromEntries(params), {
    droppable: QUEUE_FILTER_KEYS,
  }).raw;
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(kept);
    if (value) next.set(name, value);
    else next.delete(name);
    router.push(`/review?${next}`);
  };
  const tab = (q: ReviewQueue, label: string) => (
    <Link
      key={q}
      href={`/review?queue=${q}`}
      aria-current={q === queue ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${q === queue ? "bg-slate-900 text-white" : "bg-white hover:bg-slate-100"}`}
    >
      {label} <span className="tabular-nums opacity-75">{counts?.[q]?.pending ?? 0} pending</span>
    </Link>
  );
  const tally = counts?.[queue] ?? {};
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <nav aria-label="Queues" className="flex gap-2">
        {ITEM_KINDS.map((q) => tab(q, capitalized(KIND[q].many)))}
      </nav>
      <ChoiceSelect
        label="Database"
        ariaLabel="Filter database"
        value={kept.database ?? ""}
        options={itemDatabaseOptions(databases)}
        onChange={(v) => set("database", v)}
      />
      <ChoiceSelect
        label="Difficulty"
        ariaLabel="Filter difficulty"
        value={kept.difficulty ?? ""}
        options={DIFFICULTIES}
        onChange={(v) => set("difficulty", v)}
      />
      <ChoiceSelect
        label="Origin"
        ariaLabel="Filter origin"
        value={kept.origin ?? ""}
        options={[...KIND[queue].origins]}
        onChange={(v) => set("origin", v)}
      />
      {params.get("job") ? (
        <span className="text-xs">
          job <span className="font-mono">{params.get("job")!.slice(-8)}</span>{" "}
          <button type="button" className="underline" onClick={() => set("job", "")}>
            all jobs
          </button>
        </span>
      ) : null}
      <p className="text-xs text-slate-600" aria-label="Queue counts">
        {/* counted for the whole queue (the store keeps no counts per filter): said so when filters are on */}
        {kept.database || kept.difficulty || kept.origin || kept.job
          ? "Whole queue, without these filters: "
          : null}
        {["pending", "accepted", "edited", "rejected"].map((s) => `${tally[s] ?? 0} ${s}`).join(" · ")}
      </p>
      <Link href={`/review/browse?queue=${queue}`} className="text-xs underline">
        Browse by status
      </Link>
    </div>
  );
}
