import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  user: z.string().optional(), // a user id
});

export type AuditEntry = { id: string; at: Date; who: string | null; whoEmail: string | null; via: string; action: string; target: string; detail: string };

/** The newest entries of both logs (review decisions and other events), newest first. */
export async function readAuditLog(input: unknown): Promise<AuditEntry[]> {
  const { limit, user } = auditQuerySchema.parse(input);
  const where = user ? { userId: user } : {};
  const [events, reviews, users] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: { createdAt: "desc" }, take: limit }),
    prisma.reviewAction.findMany({ where, orderBy: { createdAt: "desc" }, take: limit, select: { id: true, createdAt: true, userId: true, via: true, action: true, itemType: true, itemId: true, undoneAt: true } }),
    prisma.user.findMany({ select: { id: true, name: true, email: true } }),
  ]);
  const person = new Map(users.map((u) => [u.id, u]));
  const entries: AuditEntry[] = [
    ...events.map((e) => ({ id: e.id, at: e.createdAt, who: e.userId ? (person.get(e.userId)?.name ?? null) : null, whoEmail: e.userId ? (person.get(e.userId)?.email ?? null) : null, via: e.via, action: e.action, target: `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}`, detail: e.detailJson })),
    ...reviews.map((r) => ({ id: r.id, at: r.createdAt, who: r.userId ? (person.get(r.userId)?.name ?? null) : null, whoEmail: r.userId ? (person.get(r.userId)?.email ?? null) : null, via: r.via, action: `review.${r.action}`, target: `${r.itemType} ${r.itemId}`, detail: r.undoneAt ? JSON.stringify({ undoneAt: r.undoneAt }) : "{}" })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
