"use client";

import { Fragment, type ReactNode } from "react";
import { useTestProvider } from "@/components/providers/provider-queries";
import type { ConnectionCheck, ProviderView } from "@/lib/providers/provider-schema";

const limits = (p: ProviderView) =>
  [
    p.requestsPerMin ? `${p.requestsPerMin} req/min` : null,
    p.tokensPerMin ? `${p.tokensPerMin} tok/min` : null,
  ]
    .filter(Boolean)
    .join(", ") || "—";
const managedLabel: Record<string, string> = {
  env: "SENSE_PROVIDERS",
  demo: "local stand-in",
  ui: "dashboard",
};

/** A connection test's answer in words, green when the model is there. */
export function ConnectionSummary({ check, name }: { check: ConnectionCheck; name: string }) {
  return (
    <span
      role="status"
      data-testid="provider-connection"
      className={check.verdict === "ok" ? "text-emerald-800" : "text-amber-900"}
    >
      {name}: {check.summary}
    </span>
  );
}

/** One provider; its Test button asks the server to call the endpoint's /models and says what it found. */
export function ProviderRow({ provider: p, actions }: { provider: ProviderView; actions: ReactNode }) {
  const test = useTestProvider();
  return (
    <Fragment>
      <tr className="border-t border-slate-100">
        <td className="px-3 py-1.5 font-medium">{p.name}</td>
        <td className="px-3 py-1.5 font-mono text-xs">{p.model}</td>
        <td className="px-3 py-1.5 font-mono text-xs">{p.baseUrl}</td>
        <td className="px-3 py-1.5 text-xs">{p.hasApiKey ? "set" : "none"}</td>
        <td className="px-3 py-1.5 text-xs tabular-nums">{p.maxConcurrency}</td>
        <td className="px-3 py-1.5 text-xs">{limits(p)}</td>
        <td className="px-3 py-1.5 text-xs">{managedLabel[p.managedBy] ?? p.managedBy}</td>
        <td className="space-x-2 px-3 py-1.5 text-right text-xs">
          <button
            type="button"
            className="underline"
            disabled={test.isPending}
            onClick={() => test.mutate(p.id)}
          >
            {test.isPending ? "Testing…" : "Test"}
          </button>
          {actions}
        </td>
      </tr>
      {test.data || test.error ? (
        <tr>
          <td colSpan={8} className="px-3 pb-2 text-xs">
            {test.data ? (
              <ConnectionSummary check={test.data.connection} name={p.name} />
            ) : (
              <span role="alert" className="text-red-700">
                {test.error?.message}
              </span>
            )}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
