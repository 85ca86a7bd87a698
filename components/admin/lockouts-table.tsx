"use client";

import { useLiftLockout, useLockouts } from "@/components/admin/lockout-queries";
import { DateTime } from "@/components/shell/date-time";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { TableHead } from "@/components/shell/table-head";
import { cardClass } from "@/components/shell/form-styles";
import { TableFrame } from "@/components/shell/table-frame";

/** The sign-in lockouts in force: who (an email, or a client address), since and until when, and a Lift button. */
export function LockoutsTable() {
  const { data, error } = useLockouts();
  const lift = useLiftLockout();
  return (
    <section aria-label="Sign-in lockouts" className={cardClass}>
      <h2 className="text-sm font-semibold">Sign-in lockouts</h2>
      <p className="mt-1 text-xs text-slate-600">
        Five failed sign-ins for an email within 15 minutes lock it (thirty from one address behind a trusted
        proxy). Lifting a lockout forgets its failures: the person can sign in at once.
      </p>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <MutationFeedback
        error={lift.error}
        success={lift.data ? `Lifted the lockout of ${lift.data.lifted.key}.` : undefined}
      />
      {data && !data.lockouts.length ? (
        <p className="mt-2 text-sm text-slate-600">Nobody is locked out.</p>
      ) : null}
      {data?.lockouts.length ? (
        <TableFrame className="mt-2">
          <table className="w-full text-sm" aria-label="Lockouts">
            <TableHead columns={["Who", "Locked since", "Until", "Failed attempts>", ""]} />
            <tbody>
              {data.lockouts.map((l) => (
                <tr key={l.id} className="border-t border-slate-100" data-lockout={l.key}>
                  <td className="px-3 py-1.5">
                    {l.kind === "address" ? (
                      <>
                        address <span className="font-mono text-xs">{l.key}</span>
                      </>
                    ) : (
                      <>
                        {l.account ? l.account.name : <span className="text-slate-500">no account</span>}{" "}
                        <span className="text-xs text-slate-600">{l.key}</span>
                      </>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                    <DateTime at={l.lockedAt} seconds />
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                    <DateTime at={l.lockedUntil} seconds />
                  </td>
                  <td className="px-3 py-1.5 text-right">{l.failedAttempts}</td>
                  <td className="px-3 py-1.5 text-right">
                    <button
                      type="button"
                      className="text-xs text-sky-700 hover:underline disabled:opacity-50"
                      disabled={lift.isPending}
                      aria-label={`Lift the lockout of ${l.key}`}
                      onClick={() => lift.mutate(l.id)}
                    >
                      Lift
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      {data?.more ? (
        <p className="mt-2 text-xs text-slate-600">
          More lockouts are in force than shown here (the newest 100); the audit log lists them all (action
          session.lockout).
        </p>
      ) : null}
    </section>
  );
}
