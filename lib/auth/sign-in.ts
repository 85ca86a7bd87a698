import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { tooManyRequests, unauthorized } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { spendDecoyVerification, verifyPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "enter your email").max(200),
  password: z.string().min(1, "enter your password").max(200),
});

// Failed sign-ins are counted in the store (so a restart does not reset them) over a window:
// too many for one email locks that email, too many from one address locks the address (only
// when the address can be trusted: SENSE_TRUST_PROXY, see request-auth.ts).
export const signInLimits = { windowMs: 15 * 60 * 1000, perEmail: 5, perAddress: 30 };

/**
 * Refuses when the earlier attempts (all but `own`, the row this attempt wrote before it looked)
 * reach a limit. Writing first and counting after means parallel guesses see each other: at most
 * `perEmail` of them get to verify a password.
 */
async function refuseWhenLimited(email: string, ip: string | null, own: string): Promise<void> {
  const since = new Date(Date.now() - signInLimits.windowMs);
  const [byEmail, byAddress] = await Promise.all([
    prisma.signInAttempt.findMany({ where: { email, succeeded: false, createdAt: { gte: since }, id: { not: own } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    ip ? prisma.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since }, id: { not: own } } }) : Promise.resolve(0),
  ]);
  if (byEmail.length >= signInLimits.perEmail) {
    const freesAt = byEmail[byEmail.length - signInLimits.perEmail]!.createdAt.getTime() + signInLimits.windowMs;
    const seconds = Math.max(1, Math.ceil((freesAt - Date.now()) / 1000));
    throw tooManyRequests(`Too many failed sign-ins for ${email}. Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
  }
  if (byAddress >= signInLimits.perAddress) throw tooManyRequests("Too many failed sign-ins from this address. Try again later.", Math.ceil(signInLimits.windowMs / 1000));
}

/** On start: attempts older than a day can no longer count toward any limit. */
export async function deleteOldSignInAttempts(): Promise<number> {
  return (await prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } } })).count;
}

/** Checks email + password and opens a session. The same refusal for a wrong email or password. */
export async function signIn(input: unknown, client: { ip: string | null; userAgent: string | null }) {
  const { email, password } = signInSchema.parse(input);
  const attempt = await prisma.signInAttempt.create({ data: { email, ip: client.ip ?? "", succeeded: false } });
  try {
    await refuseWhenLimited(email, client.ip, attempt.id);
  } catch (error) {
    await prisma.signInAttempt.delete({ where: { id: attempt.id } }); // a refused attempt tried nothing
    throw error;
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await spendDecoyVerification(password), false);
  const active = ok && user && !user.disabledAt;
  if (active) await prisma.signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  if (!active || !user) {
    if (ok && user?.disabledAt) throw unauthorized("This account is disabled. Ask an admin.");
    throw unauthorized("The email or the password is wrong.");
  }
  const session = await createSession(user.id, client.userAgent);
  await recordAuditEvent({ id: user.id, via: "ui" }, { action: "session.sign-in", targetType: "session", detail: { ip: client.ip ?? "not trusted" } });
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role }, ...session };
}
