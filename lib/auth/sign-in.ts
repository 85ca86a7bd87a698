import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { tooManyRequests, unauthorized } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { spendDecoyVerification, verifyPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { countedFailures, recordLockoutIfReached } from "@/lib/auth/sign-in-lockouts";

async function noteLockouts(email: string, ip: string | null): Promise<void> {
  await recordLockoutIfReached("email", email);
  if (ip) await recordLockoutIfReached("address", ip);
}

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "enter your email").max(200),
  password: z.string().min(1, "enter your password").max(200),
});

export { signInLimits } from "@/lib/auth/sign-in-lockouts";

/**
 * Refuses when the earlier attempts (all but `own`, the row this attempt wrote before it looked)
 * reach a limit. Writing first and counting after means parallel guesses see each other: at most
 * `perEmail` of them get to verify a password.
 */
async function refuseWhenLimited(email: string, ip: string | null, own: string): Promise<void> {
  const [byEmail, byAddress] = await Promise.all([
    countedFailures("email", email, own),
    ip ? countedFailures("address", ip, own) : Promise.resolve(null),
  ]);
  if (byEmail.freesAt) {
    const seconds = Math.max(1, Math.ceil((byEmail.freesAt.getTime() - Date.now()) / 1000));
    throw tooManyRequests(
      `Too many failed sign-ins for ${email}. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      seconds,
    );
  }
  if (byAddress?.freesAt)
    throw tooManyRequests(
      "Too many failed sign-ins from this address. Try again later.",
      Math.max(1, Math.ceil((byAddress.freesAt.getTime() - Date.now()) / 1000)),
    );
}

type SignInClient = { ip: string | null; userAgent: string | null };

/** A failed sign-in in the audit log: the email tried, the address as the app sees it, and why. */
async function recordFailedSignIn(
  email: string,
  client: SignInClient,
  user: { id: string } | null,
  reason: string,
): Promise<void> {
  await recordAuditEvent(
    { id: null, via: "ui" },
    {
      action: "session.sign-in-failed",
      targetType: user ? "account" : "email",
      targetId: user?.id ?? email,
      detail: {
        email,
        ip: client.ip ?? "not trusted",
        userAgent: client.userAgent?.slice(0, 200) ?? null,
        reason,
      },
    },
  );
}

/** On start: attempts older than a day can no longer count toward any limit. */
export async function deleteOldSignInAttempts(): Promise<number> {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
  await prisma.signInLockout.deleteMany({ where: { lockedAt: { lt: dayAgo } } }); // their story is in the audit log
  return (await prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: dayAgo } } })).count;
}

/** Checks email + password and opens a session. The same refusal for a wrong email or password. */
export async function signIn(input: z.input<typeof signInSchema>, client: SignInClient) {
  const { email, password } = signInSchema.parse(input);
  const attempt = await prisma.signInAttempt.create({
    data: { email, ip: client.ip ?? "", succeeded: false },
  });
  try {
    await refuseWhenLimited(email, client.ip, attempt.id);
  } catch (error) {
    await prisma.signInAttempt.deleteMany({ where: { id: attempt.id } }); // a refused attempt tried nothing
    await noteLockouts(email, client.ip); // one made before lockouts were recorded is recorded now
    throw error;
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await spendDecoyVerification(password), false);
  const active = ok && user && !user.disabledAt;
  // updateMany: an admin lifting a lockout meanwhile deletes the failures, this attempt's row too
  if (active) await prisma.signInAttempt.updateMany({ where: { id: attempt.id }, data: { succeeded: true } });
  if (!active || !user) {
    const disabled = ok && !!user?.disabledAt;
    await recordFailedSignIn(
      email,
      client,
      user,
      disabled ? "the account is disabled" : user ? "wrong password" : "no account has this email",
    );
    await noteLockouts(email, client.ip);
    if (disabled) throw unauthorized("This account is disabled. Ask an admin.");
    throw unauthorized("The email or the password is wrong.");
  }
  const session = await createSession(user.id, client.userAgent);
  await recordAuditEvent(
    { id: user.id, via: "ui" },
    { action: "session.sign-in", targetType: "session", detail: { ip: client.ip ?? "not trusted" } },
  );
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role }, ...session };
}
