import Link from "next/link";
import { DateTime } from "@/components/shell/date-time";
import { StatusBadge } from "@/components/shell/status-badge";
import { VerdictBadge } from "@/components/shell/verdict-badge";
import type { TaskOutputs } from "@/lib/tasks/task-outputs";
import { TableFrame } from "@/components/shell/table-frame";
import { LabelChecks } from "@/components/review/label-checks";

const heading = "mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500";
const shownOf = (shown: number, total: number) =>
  shown < total ? ` (the newest ${shown} of ${total})` : ` (${total})`;

/** The preference pairs and weak answers made from a task, each pair linked to its review page. */
export function TaskOutputsLists({ outputs }: { outputs: TaskOutputs }) {
  const { pairs, candidates } = outputs;
  return (
    <>
      <section aria-label="Preference pairs of this task">
        <h2 className={heading}>Preference pairs{shownOf(pairs.items.length, pairs.total)}</h2>
        {pairs.items.length ? (
          <ul className="space-y-1 text-sm">
            {pairs.items.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge value={p.status} />
                <Link className="text-sky-700 hover:underline" href={`/review/pairs/${p.id}`}>
                  pair {p.id}
                </Link>
                <span className="truncate font-mono text-xs text-slate-600" title={p.rejectedSql}>
                  rejected: {p.rejectedSql}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">
            No preference pairs from this task yet (a weak or mutation job makes them).
          </p>
        )}
      </section>
      <section aria-label="Candidates of this task">
        <h2 className={heading}>Candidates{shownOf(candidates.items.length, candidates.total)}</h2>
        {candidates.items.length ? (
          <TableFrame>
            <table
              className="w-full rounded-lg border border-slate-200 bg-white text-sm"
              aria-label="Candidates"
            >
              <thead className="bg-slate-100 text-left text-xs text-slate-600">
                <tr>
                  <th className="px-3 py-2">Verdict</th>
                  <th className="px-3 py-2">SQL</th>
                  <th className="px-3 py-2">Checks</th>
                  <th className="px-3 py-2">Source</th>
                  <th className="px-3 py-2">Made</th>
                </tr>
              </thead>
              <tbody>
                {candidates.items.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-1">
                      <VerdictBadge verdict={c.verdict} />
                    </td>
                    <td className="min-w-48 max-w-xl px-3 py-1 font-mono text-xs [overflow-wrap:anywhere]">
                      {c.sql ?? <span className="text-slate-500">(no SQL in the answer)</span>}
                      {c.error ? <div className="text-red-700">{c.error}</div> : null}
                    </td>
                    <td className="px-3 py-1">
                      <LabelChecks
                        flags={c.flags}
                        errorClass={c.errorClass}
                        label="Label checks of this candidate"
                      />
                    </td>
                    <td className="px-3 py-1">{c.source}</td>
                    <td className="px-3 py-1 text-xs">
                      <DateTime at={c.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        ) : (
          <p className="text-sm text-slate-500">No candidates from this task yet.</p>
        )}
      </section>
    </>
  );
}
