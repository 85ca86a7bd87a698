import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { quoteShort } from "@/lib/util/field-labels";
import { isReviewAction, isReviewTargetType } from "@/lib/audit/audit-actions";
import { describeEventDetail, describeReviewDetail } from "@/lib/audit/audit-detail";
import {
  auditFiltersSchema,
  parseMoment,
  readCursor,
  readTarget,
  type AuditEntry,
  type AuditFilters,
  type AuditPage,
} from "@/lib/audit/audit-filters";

export { auditFiltersSchema as auditQuerySchema } from "@/lib/audit/audit-filters";

/** How a row of a deleted account names its person. */
export const DELETED_ACCOUNT = "a deleted account";

type Person = { name: string; email: string } | null;
type Row = {
  id: string;
  at: Date;
  userId: string | null;
  user: Person;
  entry: Omit<AuditEntry, "who" | "whoEmail" | "at">;
};

/** The person of each row comes with it (a join on the foreign key), not from a second query. */
const withPerson = { user: { select: { name: true, email: true } } } as const;

/** Events that happen with nobody signed in (user_id NULL by design, shown as "not signed in"). */
const ANONYMOUS_EVENTS = new Set(["session.sign-in-failed", "session.lockout"]);

/**
 * Who did it: a person's name, or null for the system, a CLI operator and nobody signed in. A deleted
 * account sets user_id to NULL (ON DELETE SET NULL): a row that always has a person (a review decision,
 * anything done in the UI or with a token but a failed sign-in) and has none now was a deleted account's.
 */
function whoOf(r: Row): string | null {
  if (r.user) return r.user.name;
  const personal =
    r.entry.action.startsWith("review.") ||
    ((r.entry.via === "ui" || r.entry.via === "api-token") && !ANONYMOUS_EVENTS.has(r.entry.action));
  return personal ? DELETED_ACCOUNT : null;
}

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
  if (!user)
    throw invalidInput(`The “person” filter names no account: none has the email ${quoteShort(email)}.`);
  return user.id;
}

/**
 * One page of both logs (review decisions and other events), newest first, keyset-paged on
 * (created_at, id): `before` gives the older page, `after` the newer one. Each filter has an index
 * that ends in (created_at, id), so a page reads at most limit + 1 rows of each log, whatever the
 * size of the store; nothing is counted.
 */
export async function readAuditLog(input: z.input<typeof auditFiltersSchema>): Promise<AuditPage> {
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
          include: withPerson,
          orderBy,
          take,
        })
      : [],
    logs.reviews
      ? prisma.reviewAction.findMany({
          where: {
            userId,
            action: filters.action?.slice("review.".length),
            itemType: target?.type,
            itemId: target?.id,
            AND,
          },
          include: withPerson,
          orderBy,
          take,
        })
      : [],
  ]);
  const rows: Row[] = [
    ...events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      userId: e.userId,
      user: e.user,
      entry: {
        id: e.id,
        via: e.via,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        detail: describeEventDetail(e.detailJson),
      },
    })),
    ...reviews.map((r) => ({
      id: r.id,
      at: r.createdAt,
      userId: r.userId,
      user: r.user,
      entry: {
        id: r.id,
        via: r.via,
        action: `review.${r.action}`,
        targetType: r.itemType,
        targetId: r.itemId,
        detail: describeReviewDetail(r.beforeJson, r.afterJson, r.undoneAt),
      },
    })),
  ];
  const sign = newer ? 1 : -1;
  rows.sort((a, b) => sign * (a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const more = rows.length > filters.limit;
  const page = rows.slice(0, filters.limit);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const nextCursor = newer
    ? last
      ? cursorOf(last)
      : (filters.after ?? null)
    : more && last
      ? cursorOf(last)
      : null;
  const prevCursor = newer
    ? more && first
      ? cursorOf(first)
      : null
    : filters.before
      ? first
        ? cursorOf(first)
        : filters.before
      : null;

  const entries: AuditEntry[] = page.map((r) => ({
    ...r.entry,
    at: r.at.toISOString(),
    who: whoOf(r),
    whoEmail: r.user?.email ?? null,
  }));
  return { entries, nextCursor, prevCursor };
}
