import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";

export const dynamic = "force-dynamic";

export default async function AuditPage() {
  await requirePageUser("audit.read", "/audit");
  return (
    <>
      <PageHeader title="Audit log" subtitle="Every review decision, export, account and token change: who, when, and from where (the dashboard, an API token, the CLI)." />
      <AuditTable />
    </>
  );
}
