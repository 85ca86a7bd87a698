import type { HistoryEntry } from "@/lib/review/item-history";
import { DateTime } from "@/components/shell/date-time";
import { TableFrame } from "@/components/shell/table-frame";

const show = (v: unknown) =>
  v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/** The audit rows of an item, oldest first: who did what when, and what it changed. */
export function ItemHistoryList({ history }: { history: HistoryEntry[] }) {
  if (!history.length) return <p className="text-sm text-slate-600">No review actions yet.</p>;
  return (
    <ol aria-label="History" className="space-y-2">
      {history.map((h) => (
        <li key={h.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
          <div>
            <span className="font-medium">{h.action}</span> by {h.who} · <DateTime at={h.at} seconds />
            {h.undone ? <span className="ml-2 rounded bg-slate-200 px-1 text-xs">undone</span> : null}
          </div>
          {h.changes.length ? (
            <TableFrame>
              <table className="mt-1 w-full font-mono text-xs">
                <tbody>
                  {h.changes.map((c) => (
                    <tr key={c.field}>
                      <td className="w-40 py-0.5 pr-2 text-slate-500">{c.field}</td>
                      <td className="py-0.5 pr-2 text-red-800 line-through decoration-red-300">
                        {show(c.before)}
                      </td>
                      <td className="py-0.5 text-emerald-800">{show(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
