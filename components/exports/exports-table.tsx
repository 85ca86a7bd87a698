"use client";

import { Fragment, useState } from "react";
import { fileUrl, useCancelExport, useExports } from "@/components/exports/export-queries";
import { ConfirmButton } from "@/components/shell/confirm-dialog";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { StatusBadge } from "@/components/shell/status-badge";
import { TableHead } from "@/components/shell/table-head";
import { DateTime } from "@/components/shell/date-time";
import { TableFrame } from "@/components/shell/table-frame";

/** Past exports with progress, their files to download again, and their manifest. */
export function ExportsTable() {
  const { data, error, isPending } = useExports();
  const cancel = useCancelExport();
  const [open, setOpen] = useState<string | null>(null);
  if (isPending) return <p className="text-sm text-slate-500">Loading exports…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  if (!data.length) return <p className="text-sm text-slate-600">No exports yet.</p>;
  return (
    <>
      <MutationFeedback error={cancel.error} />
      <TableFrame>
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Exports">
          <TableHead columns={["Export", "Status", "Rows", "Files", "Created", ""]} />
          <tbody>
            {data.map((e) => (
              <Fragment key={e.id}>
                <tr className="border-t border-slate-100" data-export-id={e.id}>
                  <td className="min-w-32 px-3 py-2 [overflow-wrap:anywhere]">
                    <div className="font-medium" data-testid="export-name">
                      {e.name ?? e.format}
                    </div>
                    <div className="text-xs text-slate-500">
                      {e.name ? `${e.format} · ` : ""}
                      {e.template}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge value={e.status} />
                    {e.error ? <div className="text-xs text-red-700">{e.error}</div> : null}
                  </td>
                  <td className="px-3 py-2 text-xs tabular-nums" data-testid="export-rows">
                    {e.rowCount}
                    {e.status === "running" ? ` / ${e.totalRows}` : ""}
                    {e.waiting ? <div className="text-slate-500">waiting for a job runner</div> : null}
                  </td>
                  <td className="space-y-0.5 px-3 py-2 text-xs">
                    {(e.manifest?.files ?? []).map((f) => (
                      <div key={f.name}>
                        <a className="underline" href={fileUrl(e.id, f.name)} download>
                          {f.name}
                        </a>{" "}
                        <span className="text-slate-500">
                          {f.rows} rows · {(f.bytes / 1024).toFixed(1)} KiB
                        </span>
                      </div>
                    ))}
                    {e.manifest ? (
                      <div className="space-x-2">
                        <a
                          className="text-slate-600 underline"
                          href={fileUrl(e.id, `${e.manifest.base}.manifest.json`)}
                          download
                        >
                          manifest
                        </a>
                        {e.manifest.trace ? (
                          <a
                            className="text-slate-600 underline"
                            href={fileUrl(e.id, e.manifest.trace.name)}
                            download
                            title="Which item each line came from"
                          >
                            trace
                          </a>
                        ) : null}
                        {e.manifest.datasetInfoFile ? (
                          <a
                            className="text-slate-600 underline"
                            href={fileUrl(e.id, e.manifest.datasetInfoFile)}
                            download
                            title="LLaMA-Factory's dataset_info.json for these files"
                          >
                            {e.manifest.datasetInfoFile}
                          </a>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    <DateTime at={e.createdAt} />
                  </td>
                  <td className="space-x-2 px-3 py-2 text-right text-xs">
                    {e.status === "running" ? (
                      <ConfirmButton
                        className="underline"
                        title={`Cancel the export ${e.name ?? e.format}?`}
                        description="It stops writing between pages and does not finish; to have it, start the export again."
                        confirmLabel={`Cancel export ${e.name ?? e.format}`}
                        onConfirm={() => cancel.mutate(e.id)}
                      >
                        Cancel
                      </ConfirmButton>
                    ) : null}
                    {e.manifest ? (
                      <button
                        type="button"
                        className="underline"
                        onClick={() => setOpen(open === e.id ? null : e.id)}
                      >
                        {open === e.id ? "Hide manifest" : "Manifest"}
                      </button>
                    ) : null}
                  </td>
                </tr>
                {open === e.id && e.manifest ? (
                  <tr>
                    <td colSpan={6} className="bg-slate-50 px-3 py-2">
                      <pre
                        aria-label="Manifest"
                        className="max-h-96 overflow-auto whitespace-pre-wrap text-xs [overflow-wrap:anywhere]"
                      >
                        {JSON.stringify(e.manifest, null, 2)}
                      </pre>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
