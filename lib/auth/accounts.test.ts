import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changeOwnPassword, createAccount, updateAccount } from "@/lib/auth/accounts";
import { readApiToken, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { hashSecret } from "@/lib/auth/secret-tokens";
import { readSession } from "@/lib/auth/sessions";
import { signIn, signInLimits } from "@/lib/auth/sign-in";
import { makeTestUser, TEST_PASSWORD } from "@/lib/testing/test-accounts";

const client = (ip = "10.0.0.1") => ({ ip, userAgent: "vitest" });

describe("signing in", () => {
  it("opens a session for the right password only, stores no password or token in the clear, and says the same for a wrong email or password", async () => {
    const user = await makeTestUser("researcher", "Sam Sign");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
    const { token } = await signIn({ email: user.email, password: TEST_PASSWORD }, client());
    expect(await prisma.session.findUnique({ where: { id: token } })).toBeNull(); // only the hash is a key
    expect(await prisma.session.findUnique({ where: { id: hashSecret(token) } })).not.toBeNull();
    expect(await readSession(token)).toMatchObject({ id: user.id, role: "researcher", via: "ui" });
    await expect(signIn({ email: user.email, password: "wrong password!" }, client())).rejects.toThrow(
      "The email or the password is wrong.",
    );
    await expect(signIn({ email: "nobody@example.test", password: TEST_PASSWORD }, client())).rejects.toThrow(
      "The email or the password is wrong.",
    );
  });

  it("locks an email after too many failures in the window, even with the right password, and tells how long", async () => {
    const user = await makeTestUser("annotator");
    for (let i = 0; i < signInLimits.perEmail; i++)
      await expect(
        signIn({ email: user.email, password: `guess number ${i}` }, client("10.0.0.2")),
      ).rejects.toThrow("wrong");
    const locked = signIn({ email: user.email, password: TEST_PASSWORD }, client("10.0.0.3"));
    await expect(locked).rejects.toMatchObject({
      code: "too_many_requests",
      message: expect.stringMatching(/^Too many failed sign-ins for .+\. Try again in 15 minute\(s\)\.$/),
    });
    // the window passes: the oldest failures age out
    await prisma.signInAttempt.updateMany({
      where: { email: user.email },
      data: { createdAt: new Date(Date.now() - signInLimits.windowMs - 1000) },
    });
    await expect(
      signIn({ email: user.email, password: TEST_PASSWORD }, client("10.0.0.3")),
    ).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("lets at most the limit of parallel guesses verify a password", async () => {
    const user = await makeTestUser("annotator");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn({ email: user.email, password: `parallel guess ${i}` }, client("10.4.0.1")).then(
          () => "in",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "unauthorized").length).toBeLessThanOrEqual(signInLimits.perEmail);
    expect(outcomes.filter((o) => o === "too_many_requests").length).toBeGreaterThanOrEqual(
      12 - signInLimits.perEmail,
    );
    // what was verified is what is counted: the failures stored are exactly the guesses that were tried
    const stored = await prisma.signInAttempt.count({ where: { email: user.email, succeeded: false } });
    expect(stored).toBe(outcomes.filter((o) => o === "unauthorized").length);
  });

  it("locks an address that tries many emails", async () => {
    for (let i = 0; i < signInLimits.perAddress; i++)
      await signIn({ email: `spray${i}@example.test`, password: "not it at all" }, client("10.9.9.9")).catch(
        () => null,
      );
    const user = await makeTestUser("annotator");
    await expect(signIn({ email: user.email, password: TEST_PASSWORD }, client("10.9.9.9"))).rejects.toThrow(
      "Too many failed sign-ins from this address.",
    );
    await expect(
      signIn({ email: user.email, password: TEST_PASSWORD }, client("10.9.9.10")),
    ).resolves.toBeTruthy();
  });

  it("ends sessions that expired and refuses disabled accounts", async () => {
    const user = await makeTestUser("lead");
    const { token } = await signIn({ email: user.email, password: TEST_PASSWORD }, client("10.1.0.1"));
    await prisma.session.update({
      where: { id: hashSecret(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await readSession(token)).toBeNull();
    expect(await prisma.session.count({ where: { id: hashSecret(token) } })).toBe(0);
    const admin = await makeTestUser("admin");
    const again = await signIn({ email: user.email, password: TEST_PASSWORD }, client("10.1.0.1"));
    const apiToken = (await createApiToken(user, { name: "before" })).token;
    await updateAccount(admin, user.id, { disabled: true });
    expect(await readSession(again.token)).toBeNull();
    await updateAccount(admin, user.id, { disabled: false });
    expect(await readApiToken(apiToken)).toBeNull(); // revoked by the disable: enabling again does not bring it back
    await updateAccount(admin, user.id, { disabled: true });
    await expect(signIn({ email: user.email, password: TEST_PASSWORD }, client("10.1.0.1"))).rejects.toThrow(
      "This account is disabled. Ask an admin.",
    );
  });
});

describe("accounts", () => {
  it("refuses a duplicate email, a short password and an unknown role, naming the field", async () => {
    await createAccount(null, {
      email: "dup@example.test",
      name: "Dup One",
      role: "annotator",
      password: TEST_PASSWORD,
    });
    await expect(
      createAccount(null, {
        email: "DUP@example.test",
        name: "Dup Two",
        role: "annotator",
        password: TEST_PASSWORD,
      }),
    ).rejects.toThrow("An account with the email dup@example.test already exists.");
    await expect(
      createAccount(null, {
        email: "short@example.test",
        name: "Shorty",
        role: "annotator",
        password: "short",
      }),
    ).rejects.toThrow("the password needs at least 12 characters");
    await expect(
      createAccount(null, {
        email: "role@example.test",
        name: "Role",
        // @ts-expect-error: a role no account can have, as an untrusted caller could send it
        role: "owner",
        password: TEST_PASSWORD,
      }),
    ).rejects.toThrow(/role/);
  });

  it("keeps the last active admin, and writes every change to the audit log under the admin's name", async () => {
    await prisma.user.updateMany({ where: { role: "admin" }, data: { role: "lead" } }); // admins of other tests step down
    const admin = await makeTestUser("admin", "Only Admin");
    await expect(updateAccount(admin, admin.id, { role: "lead" })).rejects.toThrow(
      "This is the last active admin: make another admin first.",
    );
    await expect(updateAccount(await makeTestUser("lead"), admin.id, { disabled: true })).rejects.toThrow(
      "last active admin",
    );
    const other = await makeTestUser("annotator", "Promoted");
    await updateAccount(admin, other.id, { role: "admin" });
    await updateAccount(other, admin.id, { role: "lead" });
    const events = await prisma.auditEvent.findMany({
      where: { action: "account.update", targetId: { in: [admin.id, other.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.userId, e.targetId, JSON.parse(e.detailJson).role])).toEqual([
      [admin.id, other.id, { from: "annotator", to: "admin" }],
      [other.id, admin.id, { from: "admin", to: "lead" }],
    ]);
  });

  it("refuses an admin's disable of their own account in words, even with other admins about, and changes nothing", async () => {
    const admin = await makeTestUser("admin", "Self Disabler");
    await makeTestUser("admin", "Another Admin");
    await expect(updateAccount(admin, admin.id, { disabled: true })).rejects.toThrow(
      "You cannot disable your own account: another admin can, if it must be.",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });

  it("changes one's own password only with the current one, and ends the sessions and API tokens", async () => {
    const user = await makeTestUser("annotator");
    const { token } = await signIn({ email: user.email, password: TEST_PASSWORD }, client("10.2.0.1"));
    const apiToken = (await createApiToken(user, { name: "old" })).token;
    await expect(
      changeOwnPassword(user, { currentPassword: "not the password", newPassword: "a brand new password" }),
    ).rejects.toThrow("The current password is wrong.");
    await changeOwnPassword(user, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(await readSession(token)).toBeNull();
    expect(await readApiToken(apiToken)).toBeNull();
    await expect(
      signIn({ email: user.email, password: "a brand new password" }, client("10.2.0.1")),
    ).resolves.toBeTruthy();
  });
});

describe("the first admin", () => {
  it("is made from SENSE_ADMIN_EMAIL and SENSE_ADMIN_PASSWORD once, and never with a default password", async () => {
    const { env } = await import("@/lib/env");
    const { ensureFirstAdmin } = await import("@/lib/auth/first-admin");
    await prisma.user.updateMany({ where: { role: "admin" }, data: { disabledAt: new Date() } }); // no active admin yet
    expect(await ensureFirstAdmin()).toBe("missing");
    Object.assign(env, {
      SENSE_ADMIN_EMAIL: "First@Example.test",
      SENSE_ADMIN_PASSWORD: "the first admin's password",
    });
    try {
      expect(await ensureFirstAdmin()).toBe("created");
      expect(await ensureFirstAdmin()).toBe("present"); // a second start changes nothing
      await expect(
        signIn({ email: "first@example.test", password: "the first admin's password" }, client("10.3.0.1")),
      ).resolves.toMatchObject({ user: { role: "admin", name: "Admin" } });
      expect(
        await prisma.auditEvent.count({
          where: {
            action: "account.create",
            via: "system",
            targetId: (await prisma.user.findUniqueOrThrow({ where: { email: "first@example.test" } })).id,
          },
        }),
      ).toBe(1);
    } finally {
      Object.assign(env, { SENSE_ADMIN_EMAIL: undefined, SENSE_ADMIN_PASSWORD: undefined });
    }
  });
});

describe("API tokens", () => {
  it("are shown once, stored as a hash, name their owner, and stop when revoked", async () => {
    const user = await makeTestUser("researcher", "Tok Owner");
    const { token, apiToken } = await createApiToken(user, { name: "laptop" });
    expect(token).toMatch(/^sst_[\w-]{40,}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await readApiToken(token)).toMatchObject({ id: user.id, name: "Tok Owner", via: "api-token" });
    const stranger = await makeTestUser("admin");
    await expect(revokeApiToken(stranger, apiToken.id)).rejects.toThrow(
      `You have no API token with id ${apiToken.id}.`,
    );
    await revokeApiToken(user, apiToken.id);
    expect(await readApiToken(token)).toBeNull();
  });
});
