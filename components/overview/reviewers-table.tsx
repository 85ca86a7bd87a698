"use client";

import Link from "next/link";
import type { Overview } from "@/lib/overview/read-overview";
import { TableHead } from "@/components/shell/table-head";
import { TableFrame } from "@/components/shell/table-frame";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** Each reviewer's last 14 days; an empty table says so and where reviewing happens. */
export function ReviewersTable({ reviewers }: { reviewers: Overview["review"]["reviewers"] }) {
  if (!reviewers.length) {
    return (
      <p
        className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-3 text-sm text-slate-600"
        data-testid="no-reviews"
      >
        No reviews yet in the last 14 days. Decisions made on the{" "}
        <Link href="/review" className="underline">
          Review page
        </Link>{" "}
        show here per reviewer.
      </p>
    );
  }
  return (
    <TableFrame>
      <table
        className="mt-3 w-full rounded-lg border border-slate-200 bg-white text-sm"
        aria-label="Reviewers"
      >
        <TableHead
          columns={[
            "Reviewer",
            "Decisions (14 days)",
            "Accepted or edited",
            "Median time per item",
            "Per day",
          ]}
        />
        <tbody>
          {reviewers.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="min-w-24 px-3 py-1.5 [overflow-wrap:anywhere]">{r.name}</td>
              <td className="px-3 py-1.5 tabular-nums">{r.decided}</td>
              <td className="px-3 py-1.5 tabular-nums">{pct(r.acceptanceRate)}</td>
              <td className="px-3 py-1.5 tabular-nums">
                {r.medianSecondsPerItem === null ? "—" : `${r.medianSecondsPerItem.toFixed(1)} s`}
              </td>
              <td className="px-3 py-1.5 text-xs">
                {Object.entries(r.perDay)
                  .map(([day, n]) => `${day.slice(5)}: ${n}`)
                  .join(" · ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
