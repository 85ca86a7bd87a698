import "server-only";
import { prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { mutationJobConfigSchema, type MutationJobConfig } from "@/lib/jobs/job-config";
import { taskWhere } from "@/lib/tasks/read-tasks";

const ITEM_CHUNK = 500;

/** Creates a mutation job with one work item per selected task whose database has a file. */
export async function createMutationJob(input: unknown, createdById?: string) {
  const config: MutationJobConfig = mutationJobConfigSchema.parse(input);
  const { limit, ...filters } = config.tasks;
  const tasks = await prisma.task.findMany({
    where: { ...taskWhere(filters), database: { ...(filters.database ? { name: filters.database } : {}), fileStatus: "ok" } },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  if (!tasks.length) throw invalidInput("No tasks with a database file match this selection.");
  return prisma.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: { kind: "mutation", status: "running", configJson: JSON.stringify(config), itemsTotal: tasks.length, createdById, startedAt: new Date() },
    });
    for (let i = 0; i < tasks.length; i += ITEM_CHUNK) {
      await tx.jobItem.createMany({
        data: tasks.slice(i, i + ITEM_CHUNK).map((t) => ({ jobId: job.id, step: "mutate", payloadJson: JSON.stringify({ taskId: t.id }), status: "pending" })),
      });
    }
    return job;
  });
}
