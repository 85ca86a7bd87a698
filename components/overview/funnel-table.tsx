"use client";

import type { FunnelStage } from "@/lib/overview/funnel";
import { TableFrame } from "@/components/shell/table-frame";

const detailText = (d: Record<string, number> | undefined) =>
  d
    ? Object.entries(d)
        .map(([k, n]) => `${k} ${n}`)
        .join(" · ")
    : "";

/** A funnel as rows: each stage's count, a bar against the first stage, and its share of the stage before. */
export function FunnelTable({ label, stages }: { label: string; stages: FunnelStage[] }) {
  const top = Math.max(1, stages[0]?.n ?? 0);
  return (
    <TableFrame>
      <table className="w-full text-sm" aria-label={label}>
        <tbody>
          {stages.map((s, i) => {
            const before = stages[i - 1]?.n;
            const share =
              i > 0 && s.n !== null && before
                ? `${Math.round((100 * s.n) / before)}% of ${stages[i - 1]!.stage}`
                : "";
            return (
              <tr key={s.stage} data-stage={s.stage}>
                <th scope="row" className="w-36 py-0.5 pr-2 text-left font-normal text-slate-600">
                  {s.stage}
                </th>
                <td
                  className="w-16 py-0.5 pr-2 text-right font-semibold tabular-nums"
                  data-testid="stage-count"
                >
                  {s.n === null ? "—" : s.n}
                </td>
                <td className="py-0.5">
                  <div className="h-2 w-full max-w-48 rounded bg-slate-100" aria-hidden>
                    <div
                      className="h-2 rounded bg-sky-500"
                      style={{ width: `${s.n === null ? 0 : (100 * s.n) / top}%` }}
                    />
                  </div>
                </td>
                <td className="py-0.5 pl-2 text-xs text-slate-500">
                  {[share, detailText(s.detail)].filter(Boolean).join(" · ")}
                  {s.n === null ? "not kept per job" : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
