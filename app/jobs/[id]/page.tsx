import Link from "next/link";
import { notFound } from "next/navigation";
import { JobPage } from "@/components/jobs/job-page";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { jobExists } from "@/lib/jobs/read-job-detail";

export const dynamic = "force-dynamic";

export default async function JobDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser("jobs.manage", `/jobs/${id}`);
  if (!(await jobExists(id))) notFound();
  return (
    <>
      <PageHeader title={`Job ${id.slice(-8)}`} subtitle="Its configuration, who started it, its model calls over time and every item it worked on.">
        <Link href="/jobs" className="text-sm underline">All jobs</Link>
      </PageHeader>
      <JobPage jobId={id} />
    </>
  );
}
