"use client";

import Link from "next/link";
import { useSignOut } from "@/components/account/account-queries";
import type { SessionUser } from "@/lib/auth/session-user";

export function SignedInAs({ user }: { user: Pick<SessionUser, "name" | "email" | "role"> }) {
  const signOut = useSignOut();
  return (
    <div className="mt-8 border-t border-slate-200 px-3 pt-4 text-sm" aria-label="Signed in">
      <div className="font-medium" data-testid="signed-in-name">
        {user.name}
      </div>
      <div className="text-xs text-slate-500">{user.email}</div>
      <div
        className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
        data-testid="signed-in-role"
      >
        {user.role}
      </div>
      <div className="mt-3 flex gap-3 text-xs">
        <Link href="/account" className="text-sky-700 hover:underline">
          Account
        </Link>
        <button
          type="button"
          className="text-sky-700 hover:underline"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
