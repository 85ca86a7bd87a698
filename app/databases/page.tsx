import { RegisterServerPathForm, UploadDatabaseForm } from "@/components/databases/add-database-forms";
import { DatabasesTable } from "@/components/databases/databases-table";
import { ImportBenchmarkForm } from "@/components/databases/import-benchmark-form";
import { ImportRunsList } from "@/components/databases/import-runs-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("data.read", "Databases");

export default async function DatabasesPage() {
  const user = await requirePageUser("data.read", "/databases");
  const canManage = can(user.role, "databases.manage");
  return (
    <>
      <PageHeader
        title="Databases"
        subtitle="SQLite databases that tasks run against, each copied into the data directory."
      />
      <DatabasesTable />
      {canManage ? (
        <>
          <div className="mt-8 grid grid-cols-1 gap-4 xl:grid-cols-2">
            <UploadDatabaseForm />
            <RegisterServerPathForm />
            <div className="xl:col-span-2">
              <ImportBenchmarkForm />
            </div>
          </div>
          <ImportRunsList />
        </>
      ) : null}
    </>
  );
}
