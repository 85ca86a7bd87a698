"use client";

import { TOKEN_NAME_MAX } from "@/lib/auth/account-limits";
import { useState, type FormEvent } from "react";
import { useCreateToken, useRevokeToken, useTokens } from "@/components/account/account-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import { DateTime } from "@/components/shell/date-time";
import { TableFrame } from "@/components/shell/table-frame";

const when = (iso: string | null) => <DateTime at={iso} />;

/** API tokens: the CLI (SENSE_API_TOKEN) and scripts (Authorization: Bearer) act as you with one. */
export function ApiTokensPanel() {
  const { data, error } = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  };
  return (
    <section className={`${cardClass} space-y-3`} aria-label="API tokens">
      <h2 className="font-medium">API tokens</h2>
      <p className="text-xs text-slate-500">
        The CLI acts as you with <code>SENSE_API_TOKEN=…</code>; scripts send{" "}
        <code>Authorization: Bearer …</code>. A token can do what your role can, and the audit log names you.
      </p>
      <form onSubmit={onSubmit} className="flex gap-2">
        <input
          aria-label="Token name"
          maxLength={TOKEN_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
          placeholder="e.g. laptop CLI"
        />
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Make a token
        </button>
      </form>
      <MutationFeedback
        error={create.error ?? revoke.error}
        success={
          create.data ? (
            <span>
              Copy it now, it is shown only once:{" "}
              <code data-testid="new-token" className="select-all rounded bg-slate-100 px-1">
                {create.data.token}
              </code>
            </span>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <TableFrame>
        <table className="w-full text-sm" aria-label="Your tokens">
          <TableHead columns={["Name", "Starts with", "Made", "Last used", ""]} />
          <tbody>
            {data && !data.tokens.length ? (
              <tr>
                <td colSpan={5} className="px-3 py-2 text-slate-500">
                  No tokens yet. Make one above for the CLI or a script.
                </td>
              </tr>
            ) : null}
            {data?.tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="min-w-32 px-3 py-1.5 [overflow-wrap:anywhere]">{t.name}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{t.prefix}…</td>
                <td className="px-3 py-1.5 text-xs">{when(t.createdAt)}</td>
                <td className="px-3 py-1.5 text-xs">{when(t.lastUsedAt)}</td>
                <td className="px-3 py-1.5 text-right">
                  {t.revokedAt ? (
                    <span className="text-xs text-slate-500">revoked</span>
                  ) : (
                    <button
                      type="button"
                      className="text-xs text-red-700 hover:underline"
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}
