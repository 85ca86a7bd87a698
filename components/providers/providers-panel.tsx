"use client";

import { useState } from "react";
import { ProviderForm } from "@/components/providers/provider-form";
import { useDeleteProvider, useProviders } from "@/components/providers/provider-queries";
import { cardClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import type { ProviderView } from "@/lib/providers/provider-schema";

const limits = (p: ProviderView) => [p.requestsPerMin ? `${p.requestsPerMin} req/min` : null, p.tokensPerMin ? `${p.tokensPerMin} tok/min` : null].filter(Boolean).join(", ") || "—";
const managedLabel: Record<string, string> = { env: "SENSE_PROVIDERS", demo: "local stand-in", ui: "dashboard" };

/** The named OpenAI-compatible endpoints jobs can use. Keys are write-only: the browser never sees one. */
/** Providers for a job; only an admin (`canManage`) sees the add, edit and delete controls. */
export function ProvidersPanel({ canManage }: { canManage: boolean }) {
  const { data, error, isPending } = useProviders();
  const remove = useDeleteProvider();
  const [editing, setEditing] = useState<ProviderView | "new" | null>(null);
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
      <p className="mt-1 text-xs text-slate-500">Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, Together, OpenRouter) by base URL. demo-strong and demo-weak are the project&apos;s local stand-in, not real models.</p>
      {isPending ? <p className="mt-2 text-sm text-slate-500">Loading providers…</p> : null}
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error.message}</p> : null}
      {data?.length ? (
        <table className="mt-3 w-full text-sm" aria-label="Providers">
          <TableHead columns={["Name", "Model", "Base URL", "Key", "Concurrency", "Limits", "From", ""]} />
          <tbody>
            {data.map((p) => (
              <tr key={p.id} className="border-t border-slate-100">
                <td className="px-3 py-1.5 font-medium">{p.name}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{p.model}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{p.baseUrl}</td>
                <td className="px-3 py-1.5 text-xs">{p.hasApiKey ? "set" : "none"}</td>
                <td className="px-3 py-1.5 text-xs tabular-nums">{p.maxConcurrency}</td>
                <td className="px-3 py-1.5 text-xs">{limits(p)}</td>
                <td className="px-3 py-1.5 text-xs">{managedLabel[p.managedBy] ?? p.managedBy}</td>
                <td className="space-x-2 px-3 py-1.5 text-right text-xs">
                  {p.managedBy === "env" || !canManage ? null : (
                    <>
                      <button type="button" className="underline" onClick={() => setEditing(p)}>
                        Edit
                      </button>
                      <button type="button" className="text-red-700 underline" onClick={() => remove.mutate(p.id)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MutationFeedback error={remove.error} />
      {editing ? <ProviderForm key={editing === "new" ? "new" : editing.id} provider={editing === "new" ? null : editing} onDone={() => setEditing(null)} /> : null}
    </section>
  );
}
