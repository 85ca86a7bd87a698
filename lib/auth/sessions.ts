import "server-only";
import { prisma } from "@/lib/db";
import { hashSecret, newSecret } from "@/lib/auth/secret-tokens";
import { roleSchema } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

export const SESSION_COOKIE = "sense_session";
const IDLE_MS = 7 * 24 * 3600 * 1000; // a session unused this long ends
const ABSOLUTE_MS = 30 * 24 * 3600 * 1000; // and every session ends this long after sign-in
const TOUCH_AFTER_MS = 60 * 60 * 1000; // sliding expiry is written at most once an hour

/** A new session for a user; the returned token goes in the cookie and is never stored. */
export async function createSession(userId: string, userAgent: string | null): Promise<{ token: string }> {
  const token = newSecret();
  await prisma.session.create({
    data: {
      id: hashSecret(token),
      userId,
      expiresAt: new Date(Date.now() + IDLE_MS),
      userAgent: userAgent?.slice(0, 200) ?? null,
    },
  });
  return { token };
}

/** The active user of a session token, or null (unknown, expired, or the account disabled). */
export async function readSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const id = hashSecret(token);
  const session = await prisma.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    const expiresAt = new Date(Math.min(now + IDLE_MS, session.createdAt.getTime() + ABSOLUTE_MS));
    await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now), expiresAt } });
  }
  const role = roleSchema.safeParse(session.user.role);
  if (!role.success) return null;
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: role.data,
    via: "ui",
  };
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (token) await prisma.session.deleteMany({ where: { id: hashSecret(token) } });
}

/** On start: sessions past their end are removed (readSession refuses them anyway). */
export async function deleteExpiredSessions(): Promise<number> {
  return (await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
}

export async function deleteUserSessions(userId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { userId } });
}

/**
 * Set-Cookie for a session: httpOnly (no script reads it), SameSite=Lax, Secure over https. The
 * browser keeps it for the absolute lifetime; the 7-day idle end is the server's (it slides there).
 */
export function sessionCookie(token: string, secure: boolean): string {
  const maxAge = Math.floor(ABSOLUTE_MS / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}
