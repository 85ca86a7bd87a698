"use client";

import { useState } from "react";
import { ProviderForm } from "@/components/providers/provider-form";
import { ConnectionSummary, ProviderRow } from "@/components/providers/provider-row";
import { useDeleteProvider, useProviders } from "@/components/providers/provider-queries";
import { ConfirmButton } from "@/components/shell/confirm-dialog";
import { cardClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import type { ConnectionCheck, ProviderView } from "@/lib/providers/provider-schema";
import { TableFrame } from "@/components/shell/table-frame";

/** The named OpenAI-compatible endpoints jobs can use. Keys are write-only: the browser never sees one. */
/** Providers for a job; only an admin (`canManage`) sees the add, edit and delete controls. */
export function ProvidersPanel({ canManage }: { canManage: boolean }) {
  const { data, error, isPending } = useProviders();
  const remove = useDeleteProvider();
  const [editing, setEditing] = useState<ProviderView | "new" | null>(null);
  // the connection test the server ran when a provider was added (the answer of that mutation)
  const [added, setAdded] = useState<{ name: string; connection: ConnectionCheck } | null>(null);
  return (
    <section className={cardClass} aria-label="Model providers">
      <div className="flex items-center justify-between">
        <h2 className="font-medium">Model providers</h2>
        {canManage ? (
          <button type="button" className="text-sm text-sky-700 underline" onClick={() => setEditing("new")}>
            Add provider
          </button>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, Together, OpenRouter) by base URL. demo-strong
        and demo-weak are the project&apos;s local stand-in, not real models.
      </p>
      {isPending ? <p className="mt-2 text-sm text-slate-500">Loading providers…</p> : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      {data?.length ? (
        <TableFrame>
          <table className="mt-3 w-full text-sm" aria-label="Providers">
            <TableHead columns={["Name", "Model", "Base URL", "Key", "Concurrency", "Limits", "From", ""]} />
            <tbody>
              {data.map((p) => (
                <ProviderRow
                  key={p.id}
                  provider={p}
                  actions={
                    p.managedBy === "env" || !canManage ? null : (
                      <>
                        <button type="button" className="underline" onClick={() => setEditing(p)}>
                          Edit
                        </button>
                        <ConfirmButton
                          className="text-red-700 underline"
                          title={`Delete the provider ${p.name}?`}
                          description="It leaves the list: new jobs can no longer use it, and its API key is removed from the store. To have it back, add it again."
                          confirmLabel={`Delete provider ${p.name}`}
                          onConfirm={() => remove.mutate(p.id)}
                        >
                          Delete
                        </ConfirmButton>
                      </>
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      {added ? (
        <p className="mt-2 text-xs">
          Added. Connection test of <ConnectionSummary check={added.connection} name={added.name} />
        </p>
      ) : null}
      <MutationFeedback error={remove.error} />
      {editing ? (
        <ProviderForm
          key={editing === "new" ? "new" : editing.id}
          provider={editing === "new" ? null : editing}
          onDone={(result) => {
            setEditing(null);
            setAdded(
              result?.connection ? { name: result.provider.name, connection: result.connection } : null,
            );
          }}
        />
      ) : null}
    </section>
  );
}
