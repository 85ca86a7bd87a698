import "server-only";
import { prisma } from "@/lib/db";

/** Jobs that are not finished: they may still read a database's file or write outputs on its tasks. */
const UNFINISHED = ["queued", "running", "paused"];

export type JobUsingDatabase = { id: string; kind: string; status: string };

/**
 * The unfinished jobs (queued, running, paused) that use a database: their task selection names it,
 * or work still to do (pending or claimed items) is on one of its tasks or on it (a strong job's
 * questions). Finished jobs keep their history and never block anything.
 */
export async function jobsUsingDatabase(database: { id: string; name: string }): Promise<JobUsingDatabase[]> {
  const jobs = await prisma.job.findMany({
    where: { status: { in: UNFINISHED } },
    select: { id: true, kind: true, status: true, configJson: true },
    orderBy: { createdAt: "asc" },
  });
  const using: JobUsingDatabase[] = [];
  for (const job of jobs) {
    const named = selectedDatabase(job.configJson);
    if (named === database.name || (named === null && (await hasWorkOn(job.id, database.id))))
      using.push({ id: job.id, kind: job.kind, status: job.status });
  }
  return using;
}

/** The database a job's task selection names; null when it names none (its items say). */
function selectedDatabase(configJson: string): string | null {
  try {
    const config = JSON.parse(configJson) as { tasks?: { database?: unknown } };
    return typeof config.tasks?.database === "string" ? config.tasks.database : null;
  } catch {
    return null;
  }
}

async function hasWorkOn(jobId: string, databaseId: string): Promise<boolean> {
  // the job's unfinished items, through the (job_id, status, …) claim index
  const rows = await prisma.$queryRaw<{ hit: number }[]>`
    SELECT 1 AS hit FROM job_items ji
    WHERE ji.job_id = ${jobId} AND ji.status IN ('pending', 'leased')
      AND (json_extract(ji.payload_json, '$.databaseId') = ${databaseId}
           OR EXISTS (SELECT 1 FROM tasks t WHERE t.id = json_extract(ji.payload_json, '$.taskId') AND t.database_id = ${databaseId}))
    LIMIT 1`;
  return rows.length > 0;
}

/** "weak job cm3x… (running), mutation job cm4y… (paused)": which jobs, in words. */
export const describeJobs = (jobs: JobUsingDatabase[]) =>
  jobs.map((j) => `${j.kind} job ${j.id} (${j.status})`).join(", ");
