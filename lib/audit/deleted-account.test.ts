import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { readItemHistory } from "@/lib/review/item-history";
import { makeTestUser } from "@/lib/testing/test-accounts";

// Deleting an account is not a feature, but the store must stay right if a row goes: its audit
// events and review decisions stay, unattributed (ON DELETE SET NULL), and the reads say so.
describe("a deleted account", () => {
  it("leaves its audit rows with user_id NULL, read as 'a deleted account'; a failed sign-in stays 'not signed in'", async () => {
    const gone = await makeTestUser("lead", "Gone Soon");
    const event = await prisma.auditEvent.create({
      data: {
        userId: gone.id,
        via: "ui",
        action: "export.start",
        targetType: "export",
        targetId: "x-deleted",
      },
    });
    const anonymous = await prisma.auditEvent.create({
      data: { userId: null, via: "ui", action: "session.sign-in-failed", targetType: "session" },
    });
    const review = await prisma.reviewAction.create({
      data: {
        itemType: "sft",
        itemId: "s-deleted",
        userId: gone.id,
        action: "accept",
        via: "ui",
        beforeJson: "{}",
        afterJson: "{}",
      },
    });
    const before = await readAuditLog({ limit: 100 });
    expect(before.entries.find((e) => e.id === event.id)?.who).toBe("Gone Soon");

    await prisma.$executeRaw`DELETE FROM users WHERE id = ${gone.id}`;

    expect(await prisma.auditEvent.findUnique({ where: { id: event.id }, select: { userId: true } })).toEqual(
      { userId: null },
    );
    expect(
      await prisma.reviewAction.findUnique({ where: { id: review.id }, select: { userId: true } }),
    ).toEqual({ userId: null });
    const { entries } = await readAuditLog({ limit: 100 });
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(event.id)).toMatchObject({ who: "a deleted account", whoEmail: null });
    expect(byId.get(review.id)).toMatchObject({ who: "a deleted account", whoEmail: null });
    expect(byId.get(anonymous.id)).toMatchObject({ who: null, whoEmail: null });
    expect((await readItemHistory("sft", "s-deleted")).map((h) => h.who)).toEqual(["a deleted account"]);
  });
});
