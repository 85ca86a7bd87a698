import { ExportForm } from "@/components/exports/export-form";
import { ExportsTable } from "@/components/exports/exports-table";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("export", "Exports");

export default async function ExportsPage() {
  await requirePageUser("export", "/exports");
  return (
    <>
      <PageHeader
        title="Exports"
        subtitle="Curated sets in the formats trainers load as they are (TRL, LLaMA-Factory, OpenAI), streamed to files with a manifest."
      />
      <div className="mb-6">
        <ExportForm />
      </div>
      <ExportsTable />
    </>
  );
}
