import { ExecutionResult } from "@/components/review/execution-result";
import { ItemMeta } from "@/components/review/item-meta";
import { SqlBlock } from "@/components/sql/sql-block";
import type { listSftQueue } from "@/lib/review/read-review-queues";

type Item = Awaited<ReturnType<typeof listSftQueue>>["items"][number];

/** Strong samples with question, SQL and what it returned. */
export function SftQueueList({ items }: { items: Item[] }) {
  return (
    <ol className="space-y-4" aria-label="SFT samples">
      {items.map((s) => (
        <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4" data-sample-id={s.id}>
          <ItemMeta {...s} />
          <p className="mb-2 font-medium">{s.question}</p>
          <SqlBlock sql={s.sql} label="Sample SQL" />
          <div className="mt-2">
            <ExecutionResult
              result={s.result}
              error={s.execError ? `${s.execStatus}: ${s.execError}` : null}
              label="Sample result"
            />
          </div>
        </li>
      ))}
    </ol>
  );
}
