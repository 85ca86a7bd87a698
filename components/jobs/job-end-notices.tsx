"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { jobKeys, useJobs } from "@/components/jobs/job-queries";
import { endedJobs } from "@/lib/jobs/ended-jobs";
import type { JobProgress } from "@/lib/jobs/read-jobs";

type Notice = ReturnType<typeof endedJobs>[number];
const tones = {
  ok: "border-emerald-300 bg-emerald-50",
  warn: "border-amber-300 bg-amber-50",
  bad: "border-red-300 bg-red-50",
};

/** A notice in the corner when a job ends while the page is open (from the jobs list the page already polls). */
export function JobEndNotices() {
  useJobs(); // keeps the list polling on pages that do not show it
  const client = useQueryClient();
  const seen = useRef<JobProgress[] | undefined>(undefined);
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    seen.current = client.getQueryData<JobProgress[]>(jobKeys.list());
    return client.getQueryCache().subscribe((event) => {
      if (
        event.type !== "updated" ||
        event.action.type !== "success" ||
        JSON.stringify(event.query.queryKey) !== JSON.stringify(jobKeys.list())
      )
        return;
      const jobs = event.query.state.data as JobProgress[];
      const ended = endedJobs(seen.current, jobs);
      seen.current = jobs;
      if (ended.length)
        setNotices((now) => [...now.filter((n) => !ended.some((e) => e.id === n.id)), ...ended]);
    });
  }, [client]);
  if (!notices.length) return null;
  return (
    <div
      aria-label="Job notices"
      role="region"
      className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2"
    >
      {notices.map((n) => (
        <div
          key={n.id}
          role="status"
          className={`rounded-lg border p-3 text-sm shadow ${tones[n.tone]}`}
          data-testid="job-end-notice"
        >
          <p>{n.message}</p>
          <div className="mt-1 flex gap-3 text-xs">
            <Link href={`/jobs/${n.id}`} className="underline">
              Open the job
            </Link>
            <button
              type="button"
              className="underline"
              onClick={() => setNotices((now) => now.filter((x) => x.id !== n.id))}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
