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
// too many for one email locks that email, too many from one address locks the address.
export const signInLimits = { windowMs: 15 * 60 * 1000, perEmail: 5, perAddress: 30 };

async function refuseWhenLimited(email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - signInLimits.windowMs);
  const [byEmail, byAddress] = await Promise.all([
    prisma.signInAttempt.findMany({ where: { email, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail.length >= signInLimits.perEmail) {
    const freesAt = byEmail[byEmail.length - signInLimits.perEmail]!.createdAt.getTime() + signInLimits.windowMs;
    const seconds = Math.max(1, Math.ceil((freesAt - Date.now()) / 1000));
    throw tooManyRequests(`Too many failed sign-ins for ${email}. Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
  }
  if (byAddress >= signInLimits.perAddress) throw tooManyRequests("Too many failed sign-ins from this address. Try again later.", Math.ceil(signInLimits.windowMs / 1000));
}

/** Checks email + password and opens a session. The same refusal for a wrong email or password. */
export async function signIn(input: unknown, client: { ip: string; userAgent: string | null }) {
  const { email, password } = signInSchema.parse(input);
  await refuseWhenLimited(email, client.ip);
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await spendDecoyVerification(password), false);
  const active = ok && user && !user.disabledAt;
  await prisma.signInAttempt.create({ data: { email, ip: client.ip, succeeded: Boolean(active) } });
  if (!active || !user) {
    if (ok && user?.disabledAt) throw unauthorized("This account is disabled. Ask an admin.");
    throw unauthorized("The email or the password is wrong.");
  }
  const session = await createSession(user.id, client.userAgent);
  await recordAuditEvent({ id: user.id, via: "ui" }, { action: "session.sign-in", targetType: "session", detail: { ip: client.ip } });
  await prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } } });
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role }, ...session };
}
