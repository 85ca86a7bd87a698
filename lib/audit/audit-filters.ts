import { z } from "zod";
import { auditActions, auditTargetTypes } from "@/lib/audit/audit-actions";
import { filterText } from "@/lib/util/filter-text";

// One schema for the audit log's filters: the page's URL, the API's query and the domain read.
// Moments are UTC, as the dashboard shows them: a day (2026-12-02) or a minute (2026-12-02T14:05).

const MOMENT = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(?::(\d\d))?)?$/;

/** The first instant of a day or minute given as text, and the first instant after it; null when it is no moment. */
export function parseMoment(text: string): { start: Date; end: Date } | null {
  const match = MOMENT.exec(text);
  if (!match) return null;
  const [, day, minute, second] = match;
  const start = new Date(`${day}T${minute ?? "00:00"}:${second ?? "00"}Z`);
  if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== day) return null; // 2026-02-30 is no day
  const span = second ? 1000 : minute ? 60_000 : 24 * 3600_000;
  return { start, end: new Date(start.getTime() + span) };
}

// each message starts with its field's key: the shared mapper (lib/util/issue-sentences.ts) says it as "The <label> must be …"
const moment = (key: "from" | "to") =>
  filterText.refine(
    (v) => v === undefined || parseMoment(v) !== null,
    `${key} must be a UTC day or minute, e.g. 2026-12-02 or 2026-12-02T14:05`,
  );

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([\w-]{1,64})$/;
const cursor = (key: "before" | "after") =>
  filterText.refine(
    (v) => v === undefined || (CURSOR.test(v) && !Number.isNaN(Date.parse(v.split("|")[0]!))),
    `${key} must be a cursor from an earlier page (its nextCursor or prevCursor)`,
  );

/** A cursor's moment and id. */
export function readCursor(value: string): { at: Date; id: string } {
  const [, iso, id] = CURSOR.exec(value)!;
  return { at: new Date(iso!), id: id! };
}

const TARGET = /^([a-z-]+):(.{1,200})$/;

/** A target filter: `<kind>:<id>`, e.g. account:clx… or sft:clx…. */
export function readTarget(value: string): { type: string; id: string } {
  const [, type, id] = TARGET.exec(value)!;
  return { type: type!, id: id! };
}

export const auditFiltersSchema = z
  .object({
    person: filterText
      .transform((v) => v?.toLowerCase())
      .refine(
        (v) => v === undefined || z.email().safeParse(v).success,
        "person must be the email of an account, e.g. ana@example.org",
      ),
    action: filterText.refine((v) => v === undefined || (auditActions as readonly string[]).includes(v), {
      message: `action must be one of ${auditActions.join(", ")}`,
    }),
    target: filterText.refine(
      (v) => {
        if (v === undefined) return true;
        const match = TARGET.exec(v);
        return !!match && (auditTargetTypes as readonly string[]).includes(match[1]!);
      },
      `target must be <kind>:<id>, e.g. account:clx123, with kind one of ${auditTargetTypes.join(", ")}`,
    ),
    from: moment("from"),
    to: moment("to"),
    // keyset: the page of entries older than `before` (the next page), or newer than `after` (the previous one)
    before: cursor("before"),
    after: cursor("after"),
    limit: z.coerce
      .number({ message: "limit must be a number from 1 to 500" })
      .int()
      .min(1, "limit must be a number from 1 to 500")
      .max(500, "limit must be a number from 1 to 500")
      .default(200),
  })
  .refine((f) => !(f.before && f.after), {
    message: "after cannot be given with before: give one of them",
    path: ["after"],
  })
  .refine((f) => !f.from || !f.to || parseMoment(f.from)!.start < parseMoment(f.to)!.end, {
    message: "to is earlier than the “from” time: the range holds nothing",
    path: ["to"],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** The audit page's parameters a bad value of drops (it shows the log without it and says why): all of them. */
export const AUDIT_FILTER_KEYS = [
  "person",
  "action",
  "target",
  "from",
  "to",
  "before",
  "after",
  "limit",
] as const;
export type AuditFiltersInput = z.input<typeof auditFiltersSchema>;

/** One line of an entry's detail, in words: a value, or a change from one value to another. */
export type AuditDetailLine = { key: string; value: string } | { key: string; from: string; to: string };

export type AuditEntry = {
  id: string;
  at: string;
  who: string | null;
  whoEmail: string | null;
  via: string;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: AuditDetailLine[];
};

/** A page, newest first; the cursors of the older (next) and newer (previous) pages, null at either end. */
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null; prevCursor: string | null };
