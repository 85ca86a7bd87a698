import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JobPage } from "@/components/jobs/job-page";
import { PageHeader } from "@/components/shell/page-header";
import { currentPageUser, requirePageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";
import { jobExists } from "@/lib/jobs/read-job-detail";

export const dynamic = "force-dynamic";

// asked once a request, by the title and by the page
const jobExistsOnce = cache(jobExists);

type Props = { params: Promise<{ id: string }> };

/**
 * The browser's title: the job, or "Page not found" for an id no job has (on a notFound() thrown by
 * the page, Next keeps the title of the page's metadata, not not-found.tsx's). Nothing is told to
 * whoever may not see jobs.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!can((await currentPageUser())?.role, "jobs.manage")) return {};
  return { title: (await jobExistsOnce(id)) ? `Job ${id.slice(-8)}` : "Page not found" };
}

export default async function JobDetailPage({ params }: Props) {
  const { id } = await params;
  await requirePageUser("jobs.manage", `/jobs/${id}`);
  if (!(await jobExistsOnce(id))) notFound();
  return (
    <>
      <PageHeader title={`Job ${id.slice(-8)}`} subtitle="Its configuration, who started it, its model calls over time and every item it worked on.">
        <Link href="/jobs" className="text-sm underline">All jobs</Link>
      </PageHeader>
      <JobPage jobId={id} />
    </>
  );
}
