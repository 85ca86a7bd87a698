import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { makeTestUser } from "@/lib/testing/test-accounts";
import type { SessionUser } from "@/lib/auth/session-user";

// The audit log pages through both logs (audit_events and review_actions) with keyset cursors and
// filters by person, action, target and time: every entry once, in order, whichever way one pages.

let ana: SessionUser;
let bo: SessionUser;
const base = Date.parse("2026-11-30T10:00:00.000Z");
const at = (minute: number) => new Date(base + minute * 60_000);

beforeAll(async () => {
  await prisma.auditEvent.deleteMany();
  ana = await makeTestUser("annotator", "Ana Page");
  bo = await makeTestUser("lead", "Bo Page");
  await prisma.auditEvent.deleteMany(); // the accounts' own entries: the test writes its own
  // 30 events and 20 review decisions; several share a moment, so the id breaks the ties
  for (let i = 0; i < 30; i++) {
    await prisma.auditEvent.create({
      data: {
        userId: i % 2 ? ana.id : bo.id,
        via: "ui",
        action: i % 3 ? "job.start" : "export.start",
        targetType: i % 3 ? "job" : "export",
        targetId: `t${i % 5}`,
        detailJson: JSON.stringify({ n: i }),
        createdAt: at(Math.floor(i / 2)),
      },
    });
  }
  for (let i = 0; i < 20; i++) {
    await prisma.reviewAction.create({
      data: {
        itemType: "sft",
        itemId: `s${i % 4}`,
        userId: ana.id,
        action: i % 2 ? "accept" : "reject",
        via: "ui",
        beforeJson: JSON.stringify({ status: "pending" }),
        afterJson: JSON.stringify({ status: i % 2 ? "accepted" : "rejected" }),
        createdAt: at(i),
      },
    });
  }
});

async function walk(filters: Record<string, unknown>, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  const pages: { prevCursor: string | null }[] = [];
  do {
    const page = await readAuditLog({ ...filters, limit, ...(cursor ? { before: cursor } : {}) });
    seen.push(...page.entries.map((e) => `${e.at}|${e.id}`));
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, pages };
}

const newestFirst = (keys: string[]) => [...keys].sort((a, b) => (a < b ? 1 : -1));

describe("the audit log's pages", () => {
  it("walks the whole log, both tables merged newest first, every entry once, 7 at a time", async () => {
    const { seen, pages } = await walk({}, 7);
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    expect(seen).toEqual(newestFirst(seen));
    expect(pages[0]!.prevCursor).toBeNull();
    expect(pages.slice(1).every((p) => p.prevCursor !== null)).toBe(true);
  });

  it("goes back with the newer cursor to exactly the page before, and says when it is the newest", async () => {
    const first = await readAuditLog({ limit: 7 });
    const second = await readAuditLog({ limit: 7, before: first.nextCursor ?? undefined });
    const third = await readAuditLog({ limit: 7, before: second.nextCursor ?? undefined });
    const back = await readAuditLog({ limit: 7, after: third.prevCursor ?? undefined });
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    const backToFirst = await readAuditLog({ limit: 7, after: back.prevCursor ?? undefined });
    expect(backToFirst.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    expect(backToFirst.prevCursor).toBeNull();
    expect(backToFirst.nextCursor).toBe(first.nextCursor);
  });

  it("filters by person, action, target and time range, paging the same way", async () => {
    const byAna = await walk({ person: ana.email.toUpperCase() }, 4);
    expect(byAna.seen).toHaveLength(15 + 20);
    const accepts = await walk({ action: "review.accept" }, 3);
    expect(accepts.seen).toHaveLength(10);
    const first = await readAuditLog({ action: "review.accept", limit: 3 });
    expect(first.entries.every((e) => e.action === "review.accept" && e.who === "Ana Page")).toBe(true);
    expect((await walk({ action: "export.start", person: bo.email }, 2)).seen).toHaveLength(5); // i = 0, 6, 12, 18, 24
    const target = await readAuditLog({ target: "sft:s1", limit: 50 });
    expect(target.entries.map((e) => `${e.targetType}:${e.targetId}`)).toEqual(Array(5).fill("sft:s1"));
    expect(
      (await readAuditLog({ target: "job:t1", limit: 50 })).entries.every(
        (e) => e.targetId === "t1" && e.action === "job.start",
      ),
    ).toBe(true);
    // a day or a minute, UTC; `to` includes the minute it names
    const range = await walk({ from: "2026-11-30T10:03", to: "2026-11-30T10:05" }, 2);
    expect(range.seen).toHaveLength(6 + 3); // events of minutes 3, 4, 5 (two each) and reviews 3, 4, 5
    expect((await walk({ from: "2026-12-01" }, 50)).seen).toHaveLength(0);
    // an action of one log and a target of the other match nothing (and read nothing)
    expect((await readAuditLog({ action: "review.accept", target: "job:t1" })).entries).toEqual([]);
  });

  it("shows the detail in words: a review as before → after", async () => {
    const [review] = (await readAuditLog({ action: "review.accept", limit: 1 })).entries;
    expect(review!.detail).toEqual([{ key: "status", from: "pending", to: "accepted" }]);
    const [job] = (await readAuditLog({ action: "job.start", limit: 1 })).entries;
    expect(job!.detail).toEqual([{ key: "n", value: expect.stringMatching(/^\d+$/) }]);
  });

  it("refuses bad filters with a message that names them", async () => {
    // as the API words them: the field, then what it takes
    const bad = async (filters: Record<string, unknown>) =>
      readAuditLog(filters).then(
        () => "accepted",
        (e: Error) =>
          e instanceof z.ZodError
            ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
            : e.message,
      );
    expect(await bad({ action: "review.approve" })).toMatch(
      /^action: action must be one of account\.create, .*review\.undo$/,
    );
    expect(await bad({ target: "planet:x" })).toMatch(
      /^target: target must be <kind>:<id>, e\.g\. account:clx123, with kind one of account, /,
    );
    expect(await bad({ from: "yesterday" })).toBe(
      "from: from must be a UTC day or minute, e.g. 2026-12-02 or 2026-12-02T14:05",
    );
    expect(await bad({ to: "2026-02-30" })).toBe(
      "to: to must be a UTC day or minute, e.g. 2026-12-02 or 2026-12-02T14:05",
    );
    expect(await bad({ from: "2026-12-02", to: "2026-12-01" })).toBe(
      "to: to is earlier than the “from” time: the range holds nothing",
    );
    expect(await bad({ before: "abc" })).toBe(
      "before: before must be a cursor from an earlier page (its nextCursor or prevCursor)",
    );
    expect(await bad({ person: "not an email" })).toBe(
      "person: person must be the email of an account, e.g. ana@example.org",
    );
    expect(await bad({ person: "nobody@example.test" })).toBe(
      "The “person” filter names no account: none has the email “nobody@example.test”.",
    );
    expect(await bad({ limit: "lots" })).toBe("limit: limit must be a number from 1 to 500");
    const first = await readAuditLog({ limit: 2 });
    expect(await bad({ before: first.nextCursor, after: first.nextCursor })).toContain(
      "after cannot be given with before",
    );
  });
});
