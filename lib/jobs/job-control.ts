import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { MODEL_JOB_KINDS } from "@/lib/jobs/job-config";

const transitions = {
  pause: { from: ["running", "queued"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["running", "paused", "queued"], to: "cancelled" },
} as const;

export type JobAction = keyof typeof transitions;

/**
 * Pauses, resumes or cancels a job with one conditional update. Items already being worked on
 * finish; no new item of a paused or cancelled job is claimed.
 */
export async function changeJobStatus(jobId: string, action: JobAction, actor: AuditActor | null = null) {
  const { from, to } = transitions[action];
  const changed = await prisma.job.updateMany({
    where: { id: jobId, kind: { in: [...MODEL_JOB_KINDS] }, status: { in: [...from] } },
    data: { status: to, ...(to === "cancelled" ? { finishedAt: new Date() } : {}) },
  });
  if (changed.count === 1) {
    await recordAuditEvent(actor, { action: `job.${action}`, targetType: "job", targetId: jobId });
    return prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  }
  const job = await prisma.job.findFirst({ where: { id: jobId, kind: { in: [...MODEL_JOB_KINDS] } } }); // an export's or import's job is stopped through it
  if (!job) throw notFound(`No job with id "${jobId}".`);
  throw conflict(`Cannot ${action} a job that is ${job.status}.`);
}
