import { JobsTable } from "@/components/jobs/jobs-table";
import { NewJobForms } from "@/components/jobs/new-job-forms";
import { ProvidersPanel } from "@/components/providers/providers-panel";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("jobs.manage", "Jobs");

export default async function JobsPage() {
  const user = await requirePageUser("jobs.manage", "/jobs");
  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle="Synthesis jobs run in the background, survive restarts, and can be paused, resumed and cancelled."
      />
      <div className="mb-6 space-y-4">
        <ProvidersPanel canManage={can(user.role, "providers.manage")} />
        <NewJobForms />
      </div>
      <JobsTable />
    </>
  );
}
