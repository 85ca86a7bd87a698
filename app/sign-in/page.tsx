import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { PageHeader } from "@/components/shell/page-header";
import { hasActiveAdmin } from "@/lib/auth/accounts";
import { firstAdminHint } from "@/lib/auth/first-admin";
import { currentPageUser } from "@/lib/auth/page-auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const raw = (await searchParams).next;
  const next = Array.isArray(raw) ? raw[0] : raw;
  if (await currentPageUser()) redirect(safeNextPath(next));
  const setUpNeeded = !(await hasActiveAdmin());
  return (
    <>
      <PageHeader title="Sign in" subtitle="Sense Studio accounts are made by an admin." />
      {setUpNeeded ? (
        <p role="status" className="mb-4 max-w-xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {firstAdminHint}
        </p>
      ) : null}
      <SignInForm next={safeNextPath(next)} />
    </>
  );
}
