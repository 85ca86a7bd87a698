import { ItemMeta } from "@/components/review/item-meta";
import { ResultDifferenceView } from "@/components/review/result-difference";
import { SqlSideView } from "@/components/review/sql-side";
import { VerdictBadge } from "@/components/shell/verdict-badge";
import { LabelChecks } from "@/components/review/label-checks";
import type { ReviewItemView } from "@/lib/review/read-review-item";

/** The evidence for one decision: question, SQL and results; for a pair both sides and their difference. */
export function ReviewItemCard({ item }: { item: ReviewItemView }) {
  return (
    <article
      aria-label="Review item"
      data-item-id={item.id}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <ItemMeta
        database={item.database}
        difficulty={item.difficulty}
        origin={item.origin}
        model={item.model}
        jobId={item.jobId}
      />
      <h2 className="text-lg font-medium" data-testid="review-question">
        {item.queue === "sft" && item.edited?.question ? item.edited.question : item.question}
      </h2>
      {item.evidence ? <p className="text-sm text-slate-600">Evidence: {item.evidence}</p> : null}
      {item.queue === "sft" ? (
        item.edited ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-slate-500">Original</h3>
              <SqlSideView side={item.side} label="Original" />
            </div>
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-sky-700">Edit</h3>
              <SqlSideView side={item.edited} label="Edited" />
            </div>
          </div>
        ) : (
          <SqlSideView side={item.side} label="Sample" />
        )
      ) : (
        <>
          <ResultDifferenceView difference={item.difference} />
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-emerald-700">
                Chosen ({item.chosen.source})
              </h3>
              <LabelChecks flags={item.chosen.flags} label="Label checks of the chosen side" />
              <SqlSideView side={item.chosen} label="Chosen" />
            </div>
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-red-700">
                Rejected <VerdictBadge verdict={item.rejected.verdict} />
              </h3>
              <LabelChecks
                flags={item.rejected.flags}
                errorClass={item.rejected.errorClass}
                label="Label checks of the rejected side"
              />
              <SqlSideView side={item.rejected} label="Rejected" />
            </div>
          </div>
        </>
      )}
    </article>
  );
}
