"use client";

import { useState } from "react";
import { useAccounts, useUpdateAccount, type AccountRow } from "@/components/admin/admin-queries";
import { ResetPasswordControl } from "@/components/admin/reset-password-control";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import { roles, type Role } from "@/lib/auth/roles";
import { DateTime } from "@/components/shell/date-time";
import { TableFrame } from "@/components/shell/table-frame";

const when = (iso: string | null) => <DateTime at={iso} />;

/** A change waiting for the admin's confirmation: a new role, or a disable. */
type PendingChange = { account: AccountRow; role: Role } | { account: AccountRow; disable: true };

const article = (role: string) => (/^[aeiou]/.test(role) ? "an" : "a");

function confirmation(change: PendingChange) {
  const { email } = change.account;
  if ("role" in change) {
    return {
      title: `Change the role of ${email}?`,
      description: `${email} becomes ${article(change.role)} ${change.role} (now ${change.account.role}) and may do what that role may, from their next request on.`,
      confirmLabel: `Make ${email} ${article(change.role)} ${change.role}`,
    };
  }
  return {
    title: `Disable ${email}?`,
    description: `${email} is signed out at once and their API tokens stop working (they are revoked: enabling the account again does not bring them back).`,
    confirmLabel: `Disable ${email}`,
  };
}

/** The accounts with their roles and status; `selfId` is the admin looking, who is not offered their own disable. */
export function AccountsTable({ selfId }: { selfId: string }) {
  const { data, error } = useAccounts();
  const update = useUpdateAccount();
  const [pending, setPending] = useState<PendingChange | null>(null);
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  return (
    <div>
      <MutationFeedback error={update.error} />
      <TableFrame>
        <table
          className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-sm"
          aria-label="Accounts"
        >
          <TableHead columns={["Name", "Email", "Role", "Status", "Last seen", ""]} />
          <tbody>
            {data?.accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-100" data-email={a.email}>
                <td className="min-w-32 px-3 py-1.5 [overflow-wrap:anywhere]">{a.name}</td>
                <td className="min-w-48 px-3 py-1.5 [overflow-wrap:anywhere]">{a.email}</td>
                <td className="px-3 py-1.5">
                  <select
                    aria-label={`Role of ${a.email}`}
                    value={a.role}
                    onChange={(e) => setPending({ account: a, role: e.target.value as Role })}
                    className={inputClass}
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-1.5">
                  {a.disabledAt ? "disabled" : a.canSignIn ? "active" : "no password"}
                </td>
                <td className="px-3 py-1.5 text-xs">{when(a.lastSeenAt)}</td>
                <td className="space-x-3 whitespace-nowrap px-3 py-1.5 text-right">
                  <ResetPasswordControl id={a.id} email={a.email} />
                  {a.disabledAt ? (
                    <button
                      type="button"
                      className="text-xs text-sky-700 hover:underline"
                      onClick={() => update.mutate({ id: a.id, disabled: false })}
                    >
                      Enable
                    </button>
                  ) : a.id === selfId ? (
                    <span className="text-xs text-slate-500" title="Another admin can disable your account">
                      you
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="text-xs text-sky-700 hover:underline"
                      onClick={() => setPending({ account: a, disable: true })}
                    >
                      Disable
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {/* one dialog for the table: it closes (and gives the focus back) before the change is sent */}
      <ConfirmDialog
        open={pending !== null}
        {...(pending ? confirmation(pending) : { title: "", description: "", confirmLabel: "" })}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending)
            update.mutate(
              "role" in pending
                ? { id: pending.account.id, role: pending.role }
                : { id: pending.account.id, disabled: true },
            );
          setPending(null);
        }}
      />
    </div>
  );
}
