import { JobsTable } from "@/components/jobs/jobs-table";
import { NewMutationJobForm } from "@/components/jobs/new-mutation-job-form";
import { NewStrongJobForm } from "@/components/jobs/new-strong-job-form";
import { NewWeakJobForm } from "@/components/jobs/new-weak-job-form";
import { ProvidersPanel } from "@/components/providers/providers-panel";
import { PageHeader } from "@/components/shell/page-header";

export default function JobsPage() {
  return (
    <>
      <PageHeader title="Jobs" subtitle="Synthesis jobs run in the background, survive restarts, and can be paused, resumed and cancelled." />
      <div className="mb-6 space-y-4">
        <ProvidersPanel />
        <NewStrongJobForm />
        <NewWeakJobForm />
        <NewMutationJobForm />
      </div>
      <JobsTable />
    </>
  );
}
