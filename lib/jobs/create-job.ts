import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import type { Tx } from "@/lib/jobs/item-outcome";
import { enqueueJobItems } from "@/lib/jobs/item-outcome";
import { buildDatabasePayloads } from "@/lib/jobs/handlers/strong-context";
import {
  jobConfigSchema,
  mutationJobConfigSchema,
  type JobConfig,
  type JobTaskSelection,
  type StrongJobConfig,
  type WeakJobConfig,
} from "@/lib/jobs/job-config";
import { findProviderByName } from "@/lib/providers/providers";
import { latestPromptId } from "@/lib/synthesis/prompt-files";
import { promoteAcceptedSamples } from "@/lib/synthesis/weak/promote-accepted-samples";
import { taskWhere } from "@/lib/tasks/read-tasks";

/** Ids of the selected tasks whose database has a file, in import order. */
async function selectTaskIds(selection: JobTaskSelection, extra: object = {}): Promise<string[]> {
  const { limit, ...filters } = selection;
  const tasks = await prisma.task.findMany({
    where: {
      ...taskWhere(filters),
      ...extra,
      database: { ...(filters.database ? { name: filters.database } : {}), fileStatus: "ok" },
    },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  if (!tasks.length) throw invalidInput("No tasks with a database file match this selection.");
  return tasks.map((t) => t.id);
}

/** Who starts a job: the person (dashboard, token, CLI), or nobody in tests and benchmarks. */
type Starter = AuditActor | null | undefined;

async function insertJob(
  config: JobConfig,
  extra: { providerId?: string; prompts?: Record<string, string> },
  actor: Starter,
  addItems: (tx: Tx, jobId: string) => Promise<void>,
) {
  return prisma.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        kind: config.kind,
        status: "running",
        configJson: JSON.stringify({ ...config, prompts: extra.prompts }),
        providerId: extra.providerId,
        createdById: actor?.id,
        startedAt: new Date(),
      },
    });
    await addItems(tx, job.id);
    await recordAuditEvent(
      actor ?? null,
      { action: "job.start", targetType: "job", targetId: job.id, detail: { kind: config.kind } },
      tx,
    );
    return tx.job.findUniqueOrThrow({ where: { id: job.id } });
  });
}

/** Creates a mutation job with one work item per selected task whose database has a file. */
export async function createMutationJob(input: z.input<typeof mutationJobConfigSchema>, actor?: Starter) {
  const config = mutationJobConfigSchema.parse(input);
  const ids = await selectTaskIds(config.tasks);
  return insertJob(config, {}, actor, (tx, jobId) =>
    enqueueJobItems(
      tx,
      jobId,
      "mutate",
      ids.map((taskId) => ({ taskId })),
    ),
  );
}

async function createWeakJob(config: WeakJobConfig, actor?: Starter) {
  const provider = await findProviderByName(config.provider);
  if (config.source === "accepted-sft") await promoteAcceptedSamples();
  const ids = await selectTaskIds(config.tasks, config.source === "accepted-sft" ? { origin: "strong" } : {});
  return insertJob(
    config,
    { providerId: provider.id, prompts: { "weak-answer": latestPromptId("weak-answer") } },
    actor,
    (tx, jobId) =>
      enqueueJobItems(
        tx,
        jobId,
        "sample",
        ids.map((taskId) => ({ taskId })),
      ),
  );
}

async function createStrongJob(config: StrongJobConfig, actor?: Starter) {
  const provider = await findProviderByName(config.provider);
  const prompts = Object.fromEntries(
    (["strong-domains", "strong-database", "strong-questions"] as const).map((name) => [
      name,
      latestPromptId(name),
    ]),
  );
  return insertJob(config, { providerId: provider.id, prompts }, actor, async (tx, jobId) => {
    await enqueueJobItems(tx, jobId, "build-database", buildDatabasePayloads(config, config.domains));
    if (config.proposeDomains)
      await enqueueJobItems(tx, jobId, "propose-domains", [{ count: config.proposeDomains }]);
  });
}

/** Starts a job of any kind (the Jobs page, POST /api/jobs and `sense synth` all come here). */
export async function createJob(input: z.input<typeof jobConfigSchema>, actor?: Starter) {
  const config = jobConfigSchema.parse(input);
  if (config.kind === "mutation") return createMutationJob(config, actor);
  if (config.kind === "weak") return createWeakJob(config, actor);
  return createStrongJob(config, actor);
}
