import { JobsTable } from "@/components/jobs/jobs-table";
import { NewMutationJobForm } from "@/components/jobs/new-mutation-job-form";
import { NewStrongJobForm } from "@/components/jobs/new-strong-job-form";
import { NewWeakJobForm } from "@/components/jobs/new-weak-job-form";
import { ProvidersPanel } from "@/components/providers/providers-panel";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const user = await requirePageUser("jobs.manage", "/jobs");
  return (
    <>
      <PageHeader title="Jobs" subtitle="Synthesis jobs run in the background, survive restarts, and can be paused, resumed and cancelled." />
      <div className="mb-6 space-y-4">
        <ProvidersPanel canManage={can(user.role, "providers.manage")} />
        <NewStrongJobForm />
        <NewWeakJobForm />
        <NewMutationJobForm />
      </div>
      <JobsTable />
    </>
  );
}
