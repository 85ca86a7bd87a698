"use client";

import { useAccounts, useUpdateAccount } from "@/components/admin/admin-queries";
import { ResetPasswordControl } from "@/components/admin/reset-password-control";
import { inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import { roles, type Role } from "@/lib/auth/roles";
import { DateTime } from "@/components/shell/date-time";

const when = (iso: string | null) => <DateTime at={iso} />;

export function AccountsTable() {
  const { data, error } = useAccounts();
  const update = useUpdateAccount();
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  return (
    <div>
      <MutationFeedback error={update.error} />
      <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Accounts">
        <TableHead columns={["Name", "Email", "Role", "Status", "Last seen", ""]} />
        <tbody>
          {data?.accounts.map((a) => (
            <tr key={a.id} className="border-t border-slate-100" data-email={a.email}>
              <td className="px-3 py-1.5">{a.name}</td>
              <td className="px-3 py-1.5">{a.email}</td>
              <td className="px-3 py-1.5">
                <select aria-label={`Role of ${a.email}`} value={a.role} onChange={(e) => update.mutate({ id: a.id, role: e.target.value as Role })} className={inputClass}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-1.5">{a.disabledAt ? "disabled" : a.canSignIn ? "active" : "no password"}</td>
              <td className="px-3 py-1.5 text-xs">{when(a.lastSeenAt)}</td>
              <td className="space-x-3 whitespace-nowrap px-3 py-1.5 text-right">
                <ResetPasswordControl id={a.id} email={a.email} />
                <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => update.mutate({ id: a.id, disabled: !a.disabledAt })}>
                  {a.disabledAt ? "Enable" : "Disable"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
