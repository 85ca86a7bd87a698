import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  user: z.string().optional(), // a user id
  before: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[\w-]+$/, "before is the nextCursor of an earlier answer")
    .refine((v) => !Number.isNaN(Date.parse(v.split("|")[0]!)), "before is the nextCursor of an earlier answer")
    .optional(), // keyset: entries older than this "<ISO time>|<id>"
});

export type AuditEntry = { id: string; at: Date; who: string | null; whoEmail: string | null; via: string; action: string; target: string; detail: string };

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Entries older than the cursor: an earlier time, or the same time and a smaller id (one index range on created_at). */
function olderThan(before: string | undefined) {
  if (!before) return {};
  const [iso, id] = before.split("|") as [string, string];
  const at = new Date(iso);
  return { createdAt: { lte: at }, NOT: { createdAt: at, id: { gte: id } } };
}

/**
 * One page of both logs (review decisions and other events), newest first, keyset-paged through the
 * (created_at, id) indexes: each page reads at most `limit` rows of each log.
 */
export async function readAuditLog(input: unknown): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const { limit, user, before } = auditQuerySchema.parse(input);
  const where = { ...(user ? { userId: user } : {}), ...olderThan(before) };
  const [events, reviews] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: newestFirst, take: limit }),
    prisma.reviewAction.findMany({ where, orderBy: newestFirst, take: limit, select: { id: true, createdAt: true, userId: true, via: true, action: true, itemType: true, itemId: true, undoneAt: true } }),
  ]);
  const userIds = [...new Set([...events, ...reviews].map((e) => e.userId).filter((id): id is string => !!id))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const person = new Map(users.map((u) => [u.id, u]));
  const who = (userId: string | null) => ({ who: userId ? (person.get(userId)?.name ?? null) : null, whoEmail: userId ? (person.get(userId)?.email ?? null) : null });
  const entries: AuditEntry[] = [
    ...events.map((e) => ({ id: e.id, at: e.createdAt, ...who(e.userId), via: e.via, action: e.action, target: `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}`, detail: e.detailJson })),
    ...reviews.map((r) => ({ id: r.id, at: r.createdAt, ...who(r.userId), via: r.via, action: `review.${r.action}`, target: `${r.itemType} ${r.itemId}`, detail: r.undoneAt ? JSON.stringify({ undoneAt: r.undoneAt }) : "{}" })),
  ];
  const page = entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).slice(0, limit);
  const last = page.at(-1);
  return { entries: page, nextCursor: page.length === limit && last ? `${last.at.toISOString()}|${last.id}` : null };
}
