import { RegisterServerPathForm, UploadDatabaseForm } from "@/components/databases/add-database-forms";
import { DatabasesTable } from "@/components/databases/databases-table";
import { ImportBenchmarkForm } from "@/components/databases/import-benchmark-form";
import { ImportRunsList } from "@/components/databases/import-runs-list";
import { PageHeader } from "@/components/shell/page-header";

export default function DatabasesPage() {
  return (
    <>
      <PageHeader title="Databases" subtitle="SQLite databases that tasks run against, each copied into the data directory." />
      <DatabasesTable />
      <div className="mt-8 grid gap-4 xl:grid-cols-2">
        <UploadDatabaseForm />
        <RegisterServerPathForm />
        <div className="xl:col-span-2">
          <ImportBenchmarkForm />
        </div>
      </div>
      <ImportRunsList />
    </>
  );
}
