import "server-only";
import { prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { isReviewAction, isReviewTargetType } from "@/lib/audit/audit-actions";
import { describeEventDetail, describeReviewDetail } from "@/lib/audit/audit-detail";
import { auditFiltersSchema, parseMoment, readCursor, readTarget, type AuditEntry, type AuditFilters, type AuditPage } from "@/lib/audit/audit-filters";

export { auditFiltersSchema as auditQuerySchema } from "@/lib/audit/audit-filters";

type Row = { id: string; at: Date; userId: string | null; entry: Omit<AuditEntry, "who" | "whoEmail" | "at"> };

const cursorOf = (row: Row) => `${row.at.toISOString()}|${row.id}`;

/** Which of the two logs can hold entries matching the filters (an action or target names one). */
function logsFor(filters: AuditFilters): { events: boolean; reviews: boolean } {
  const target = filters.target ? readTarget(filters.target) : null;
  const byAction = filters.action ? (isReviewAction(filters.action) ? "reviews" : "events") : null;
  const byTarget = target ? (isReviewTargetType(target.type) ? "reviews" : "events") : null;
  if (byAction && byTarget && byAction !== byTarget) return { events: false, reviews: false };
  const only = byAction ?? byTarget;
  return { events: !only || only === "events", reviews: !only || only === "reviews" };
}

/** The time range and the cursor as conditions on (created_at, id). */
function timeConditions(filters: AuditFilters) {
  const and: object[] = [];
  if (filters.from) and.push({ createdAt: { gte: parseMoment(filters.from)!.start } });
  if (filters.to) and.push({ createdAt: { lt: parseMoment(filters.to)!.end } });
  if (filters.before) {
    const { at, id } = readCursor(filters.before);
    and.push({ createdAt: { lte: at } }, { NOT: { createdAt: at, id: { gte: id } } });
  }
  if (filters.after) {
    const { at, id } = readCursor(filters.after);
    and.push({ createdAt: { gte: at } }, { NOT: { createdAt: at, id: { lte: id } } });
  }
  return and;
}

async function personId(email: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw invalidInput(`person: no account has the email ${email}.`);
  return user.id;
}

/**
 * One page of both logs (review decisions and other events), newest first, keyset-paged on
 * (created_at, id): `before` gives the older page, `after` the newer one. Each filter has an index
 * that ends in (created_at, id), so a page reads at most limit + 1 rows of each log, whatever the
 * size of the store; nothing is counted.
 */
export async function readAuditLog(input: unknown): Promise<AuditPage> {
  const filters = auditFiltersSchema.parse(input);
  const userId = filters.person ? await personId(filters.person) : undefined;
  const target = filters.target ? readTarget(filters.target) : undefined;
  const logs = logsFor(filters);
  const newer = Boolean(filters.after);
  const direction = newer ? ("asc" as const) : ("desc" as const);
  const orderBy = [{ createdAt: direction }, { id: direction }];
  const take = filters.limit + 1;
  const AND = timeConditions(filters);
  const [events, reviews] = await Promise.all([
    logs.events
      ? prisma.auditEvent.findMany({
          where: { userId, action: filters.action, targetType: target?.type, targetId: target?.id, AND },
          orderBy,
          take,
        })
      : [],
    logs.reviews
      ? prisma.reviewAction.findMany({
          where: { userId, action: filters.action?.slice("review.".length), itemType: target?.type, itemId: target?.id, AND },
          orderBy,
          take,
        })
      : [],
  ]);
  const rows: Row[] = [
    ...events.map((e) => ({ id: e.id, at: e.createdAt, userId: e.userId, entry: { id: e.id, via: e.via, action: e.action, targetType: e.targetType, targetId: e.targetId, detail: describeEventDetail(e.detailJson) } })),
    ...reviews.map((r) => ({ id: r.id, at: r.createdAt, userId: r.userId, entry: { id: r.id, via: r.via, action: `review.${r.action}`, targetType: r.itemType, targetId: r.itemId, detail: describeReviewDetail(r.beforeJson, r.afterJson, r.undoneAt) } })),
  ];
  const sign = newer ? 1 : -1;
  rows.sort((a, b) => sign * (a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const more = rows.length > filters.limit;
  const page = rows.slice(0, filters.limit);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const nextCursor = newer ? (last ? cursorOf(last) : (filters.after ?? null)) : more && last ? cursorOf(last) : null;
  const prevCursor = newer ? (more && first ? cursorOf(first) : null) : filters.before ? (first ? cursorOf(first) : filters.before) : null;

  const ids = [...new Set(page.map((r) => r.userId).filter((id): id is string => !!id))];
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const person = new Map(users.map((u) => [u.id, u]));
  const entries: AuditEntry[] = page.map((r) => ({ ...r.entry, at: r.at.toISOString(), who: r.userId ? (person.get(r.userId)?.name ?? "a removed account") : null, whoEmail: r.userId ? (person.get(r.userId)?.email ?? null) : null }));
  return { entries, nextCursor, prevCursor };
}
