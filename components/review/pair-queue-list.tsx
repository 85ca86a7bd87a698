import { ExecutionResult } from "@/components/review/execution-result";
import { ItemMeta } from "@/components/review/item-meta";
import { VerdictBadge } from "@/components/shell/verdict-badge";
import { SqlBlock } from "@/components/sql/sql-block";
import type { listPairQueue } from "@/lib/review/read-review-queues";

type Item = Awaited<ReturnType<typeof listPairQueue>>["items"][number];
type Shown = Item["chosenResult"];

const side = (r: Shown) => ("error" in r ? { result: null, error: r.error } : { result: r, error: null });

/** Preference pairs: the question, chosen and rejected SQL side by side, each with its result. */
export function PairQueueList({ items }: { items: Item[] }) {
  return (
    <ol className="space-y-4" aria-label="Preference pairs">
      {items.map((p) => (
        <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4" data-pair-id={p.id}>
          <ItemMeta {...p} />
          <p className="font-medium">{p.question}</p>
          {p.evidence ? <p className="text-xs text-slate-600">Evidence: {p.evidence}</p> : null}
          <div className="mt-2 grid grid-cols-1 gap-4 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-emerald-700">
                Chosen ({p.chosenSource})
              </h3>
              <SqlBlock sql={p.chosenSql} label="Chosen SQL" />
              <div className="mt-2">
                <ExecutionResult {...side(p.chosenResult)} label="Chosen result" />
              </div>
            </div>
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-red-700">
                Rejected <VerdictBadge verdict={p.rejectedVerdict} />
              </h3>
              <SqlBlock sql={p.rejectedSql} label="Rejected SQL" />
              <div className="mt-2">
                <ExecutionResult {...side(p.rejectedResult)} label="Rejected result" />
              </div>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
