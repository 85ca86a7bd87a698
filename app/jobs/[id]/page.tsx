import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JobPage } from "@/components/jobs/job-page";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";
import { jobExists } from "@/lib/jobs/read-job-detail";

export const dynamic = "force-dynamic";

// asked once a request, by the title and by the page
const jobExistsOnce = cache(jobExists);

type Props = { params: Promise<{ id: string }> };

/** The browser's title: the job, or "Page not found" for an id no job has. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return pageTitle("jobs.manage", async () => ((await jobExistsOnce(id)) ? `Job ${id.slice(-8)}` : null));
}

export default async function JobDetailPage({ params }: Props) {
  const { id } = await params;
  await requirePageUser("jobs.manage", `/jobs/${id}`);
  if (!(await jobExistsOnce(id))) notFound();
  return (
    <>
      <PageHeader
        title={`Job ${id.slice(-8)}`}
        subtitle="Its configuration, who started it, its model calls over time and every item it worked on."
      >
        <Link href="/jobs" className="text-sm underline">
          All jobs
        </Link>
      </PageHeader>
      <JobPage jobId={id} />
    </>
  );
}
