import { SqlConsole } from "@/components/console/sql-console";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";

export const dynamic = "force-dynamic";

export default async function ConsolePage({ searchParams }: { searchParams: Promise<{ database?: string }> }) {
  const user = await requirePageUser("sql.run", "/console");
  const { database } = await searchParams;
  return (
    <>
      <PageHeader title="SQL console" subtitle="Run a query on a target database through the same sandbox that judges every SQL." />
      <SqlConsole initialDatabase={database} userId={user.id} />
    </>
  );
}
