import { JobsTable } from "@/components/jobs/jobs-table";
import { NewMutationJobForm } from "@/components/jobs/new-mutation-job-form";
import { PageHeader } from "@/components/shell/page-header";

export default function JobsPage() {
  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle="Synthesis jobs run in the background and survive restarts. Model-backed strong and weak jobs are not built yet."
      />
      <div className="mb-6">
        <NewMutationJobForm />
      </div>
      <JobsTable />
    </>
  );
}
