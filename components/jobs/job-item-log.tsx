"use client";

import { useState } from "react";
import { useJobItemLog } from "@/components/jobs/job-detail-queries";
import { ItemPayload } from "@/components/jobs/item-payload";
import { DateTime } from "@/components/shell/date-time";
import { inputClass } from "@/components/shell/form-styles";
import { StatusBadge } from "@/components/shell/status-badge";
import { TableHead } from "@/components/shell/table-head";
import { TableFrame } from "@/components/shell/table-frame";

const STATUSES = ["pending", "leased", "done", "failed"] as const;

/** A job's items, oldest first, 50 a page (keyset: "Next" continues after the last one shown), filtered by status and error kind. */
export function JobItemLog({
  jobId,
  errorKinds,
  live,
}: {
  jobId: string;
  errorKinds: string[];
  live: boolean;
}) {
  const [status, setStatus] = useState("");
  const [errorKind, setErrorKind] = useState("");
  const [cursors, setCursors] = useState<string[]>([]); // the "after" of each page walked, to go back
  const after = cursors.at(-1);
  const filters = {
    status: (status || undefined) as (typeof STATUSES)[number] | undefined,
    errorKind: errorKind || undefined,
    after,
  };
  const { data, error, isPending } = useJobItemLog(jobId, filters, live ? 2_000 : false);
  const reset = () => setCursors([]);
  return (
    <section aria-label="Item log" className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="mb-2 flex flex-wrap items-end gap-3">
        <h2 className="mr-auto font-medium">Items</h2>
        <label className="flex flex-col text-xs text-slate-600">
          Status
          <select
            aria-label="Item status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              reset();
            }}
            className={inputClass}
          >
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Error kind
          <select
            aria-label="Error kind"
            value={errorKind}
            onChange={(e) => {
              setErrorKind(e.target.value);
              if (e.target.value) setStatus("failed");
              reset();
            }}
            className={inputClass}
          >
            <option value="">any</option>
            {errorKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {isPending ? <p className="text-sm text-slate-500">Loading items…</p> : null}
      {data && !data.items.length ? (
        <p className="text-sm text-slate-600">No items match these filters.</p>
      ) : null}
      {data?.items.length ? (
        <TableFrame>
          <table className="w-full text-sm" aria-label="Job items">
            <TableHead columns={["Item", "Step", "Status", "Attempts", "Error", "Updated"]} />
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id} className="border-t border-slate-100 align-top">
                  <td className="px-2 py-1 font-mono text-xs">
                    {item.id.slice(-8)}
                    <div className="max-w-64 truncate">
                      <ItemPayload payloadJson={item.payloadJson} />
                    </div>
                  </td>
                  <td className="px-2 py-1 text-xs">{item.step}</td>
                  <td className="px-2 py-1">
                    <StatusBadge value={item.status} testId="item-status" />
                  </td>
                  <td className="px-2 py-1 text-xs tabular-nums">{item.attempts}</td>
                  <td className="min-w-48 px-2 py-1 text-xs [overflow-wrap:anywhere]">
                    {item.errorKind ? (
                      <span className="rounded bg-red-100 px-1 text-red-800" data-testid="item-error-kind">
                        {item.errorKind}
                      </span>
                    ) : null}{" "}
                    {item.error}
                  </td>
                  <td className="px-2 py-1 text-xs">
                    <DateTime at={item.updatedAt} seconds />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      <div className="mt-2 flex gap-2 text-sm">
        <button
          type="button"
          className="rounded border px-2 py-0.5 disabled:opacity-40"
          disabled={!cursors.length}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="rounded border px-2 py-0.5 disabled:opacity-40"
          disabled={!data?.next}
          onClick={() => data?.next && setCursors([...cursors, data.next])}
        >
          Next →
        </button>
      </div>
    </section>
  );
}
