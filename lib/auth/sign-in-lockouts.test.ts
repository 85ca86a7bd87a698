import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signIn, signInLimits } from "@/lib/auth/sign-in";
import { liftLockout, listCurrentLockouts } from "@/lib/auth/sign-in-lockouts";
import { makeTestUser, TEST_PASSWORD } from "@/lib/testing/test-accounts";

// Failed sign-ins and lockouts are in the audit log; an admin sees the lockouts in force and lifts
// one, after which the person signs in at once.

const client = (ip: string | null = "10.1.0.1") => ({ ip, userAgent: "vitest agent" });
const fail = (email: string, ip: string | null = "10.1.0.1") =>
  signIn({ email, password: "a wrong guess!" }, client(ip)).then(
    () => "signed in",
    (e: { code?: string }) => e.code ?? "error",
  );
const entries = (action: string, targetId: string) =>
  prisma.auditEvent.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

describe("failed sign-ins and lockouts", () => {
  it("writes each failure with the email tried and the address, one lockout when the limit is reached, and an admin's lift lets the person in at once", async () => {
    const admin = await makeTestUser("admin", "Lift Admin");
    const user = await makeTestUser("annotator", "Locked Lu");
    for (let i = 0; i < signInLimits.perEmail; i++) expect(await fail(user.email)).toBe("unauthorized");
    const failures = await entries("session.sign-in-failed", user.id);
    expect(failures).toHaveLength(signInLimits.perEmail);
    expect(failures.every((f) => f.userId === null && f.via === "ui" && f.targetType === "account")).toBe(
      true,
    );
    expect(JSON.parse(failures[0]!.detailJson)).toEqual({
      email: user.email,
      ip: "10.1.0.1",
      userAgent: "vitest agent",
      reason: "wrong password",
    });
    const locks = await entries("session.lockout", user.id);
    expect(locks).toHaveLength(1);
    expect(JSON.parse(locks[0]!.detailJson)).toMatchObject({
      email: user.email,
      failedAttempts: signInLimits.perEmail,
    });

    // refused while locked, even with the right password; a refusal records no second lockout
    await expect(signIn({ email: user.email, password: TEST_PASSWORD }, client())).rejects.toMatchObject({
      code: "too_many_requests",
    });
    expect(await entries("session.lockout", user.id)).toHaveLength(1);

    const { lockouts } = await listCurrentLockouts();
    const mine = lockouts.find((l) => l.key === user.email)!;
    expect(mine).toMatchObject({
      kind: "email",
      account: { id: user.id, name: "Locked Lu" },
      failedAttempts: signInLimits.perEmail,
    });
    const first = await prisma.signInAttempt.findFirstOrThrow({
      where: { email: user.email },
      orderBy: { createdAt: "asc" },
    });
    expect(mine.lockedUntil.getTime()).toBe(first.createdAt.getTime() + signInLimits.windowMs);
    expect(mine.lockedAt.getTime()).toBeLessThanOrEqual(Date.now());

    await liftLockout(admin, mine.id);
    const [lift] = await entries("session.lockout-lift", user.id);
    expect(lift).toMatchObject({ userId: admin.id, via: "ui", targetType: "account" });
    expect(JSON.parse(lift!.detailJson)).toMatchObject({
      email: user.email,
      failedAttempts: signInLimits.perEmail,
      failuresCleared: signInLimits.perEmail,
    });
    expect((await listCurrentLockouts()).lockouts.map((l) => l.id)).not.toContain(mine.id);
    await expect(signIn({ email: user.email, password: TEST_PASSWORD }, client())).resolves.toMatchObject({
      user: { id: user.id },
    });
    await expect(liftLockout(admin, mine.id)).rejects.toThrow("was already lifted");
    await expect(liftLockout(admin, "no-such-lockout")).rejects.toMatchObject({ code: "not_found" });
  });

  it("records one lockout when failures arrive in parallel, and names an email without an account as the target", async () => {
    const email = "no-such-person@example.test";
    await Promise.all(Array.from({ length: 10 }, () => fail(email, null)));
    const locks = await entries("session.lockout", email);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ targetType: "email", userId: null });
    const failures = await entries("session.sign-in-failed", email);
    expect(failures.length).toBeLessThanOrEqual(signInLimits.perEmail);
    expect(JSON.parse(failures[0]!.detailJson)).toMatchObject({
      email,
      ip: "not trusted",
      reason: "no account has this email",
    });
    expect((await listCurrentLockouts()).lockouts.find((l) => l.key === email)).toMatchObject({
      kind: "email",
      account: null,
    });
  });

  it("locks a trusted address after its limit, and lifting that lockout lets it try again", async () => {
    const admin = await makeTestUser("admin");
    for (let i = 0; i < signInLimits.perAddress; i++) await fail(`spray-${i}@example.test`, "10.7.7.7");
    const { lockouts } = await listCurrentLockouts();
    const address = lockouts.find((l) => l.kind === "address" && l.key === "10.7.7.7")!;
    expect(address.failedAttempts).toBe(signInLimits.perAddress);
    expect(await fail("someone-else@example.test", "10.7.7.7")).toBe("too_many_requests");
    await liftLockout(admin, address.id);
    expect(await fail("someone-else@example.test", "10.7.7.7")).toBe("unauthorized");
    expect(await entries("session.lockout-lift", "10.7.7.7")).toHaveLength(1);
  });
});
