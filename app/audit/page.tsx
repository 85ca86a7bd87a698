import { Suspense } from "react";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("audit.read", "Audit log");

export default async function AuditPage() {
  await requirePageUser("audit.read", "/audit");
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every review decision, export, job, database, import, account and token change, and every sign-in that failed: who, when, and from where (the dashboard, an API token, the CLI). Filters stay in the address, so a view can be shared."
      />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading the audit log…</p>}>
        <AuditTable />
      </Suspense>
    </>
  );
}
