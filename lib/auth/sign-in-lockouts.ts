import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { EventTargetType } from "@/lib/audit/audit-actions";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import type { SessionUser } from "@/lib/auth/session-user";

// Failed sign-ins are counted in the store (so a restart does not reset them) over a window:
// too many for one email locks that email, too many from one address locks the address (only
// when the address can be trusted: SENSE_TRUST_PROXY, see request-auth.ts). A lockout is written
// down when it begins (sign_in_lockouts and the audit log); an admin can lift it.
export const signInLimits = { windowMs: 15 * 60 * 1000, perEmail: 5, perAddress: 30 };

export type LockoutKind = "email" | "address";
const limitOf = (kind: LockoutKind) => (kind === "email" ? signInLimits.perEmail : signInLimits.perAddress);
const failuresOf = (kind: LockoutKind, key: string) => (kind === "email" ? { email: key } : { ip: key });

/**
 * The failures that count now for an email or an address (all but `except`), oldest first, and
 * when the lock they make ends (null when they are fewer than the limit).
 */
export async function countedFailures(
  kind: LockoutKind,
  key: string,
  except?: string,
): Promise<{ failures: number; freesAt: Date | null }> {
  const since = new Date(Date.now() - signInLimits.windowMs);
  const rows = await prisma.signInAttempt.findMany({
    where: {
      ...failuresOf(kind, key),
      succeeded: false,
      createdAt: { gte: since },
      ...(except ? { id: { not: except } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const limit = limitOf(kind);
  const opener = rows.length >= limit ? rows[rows.length - limit]! : null;
  return {
    failures: rows.length,
    freesAt: opener ? new Date(opener.createdAt.getTime() + signInLimits.windowMs) : null,
  };
}

/** The target of an audit entry about an email: its account when there is one. */
async function emailTarget(email: string): Promise<{ targetType: EventTargetType; targetId: string }> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return user ? { targetType: "account", targetId: user.id } : { targetType: "email", targetId: email };
}

/**
 * After a failure (or a refusal): when the failures of the email or address reach the limit and no
 * lockout of it is open, records one (sign_in_lockouts and a `session.lockout` entry). In one write
 * transaction, so parallel failures record it once.
 */
export async function recordLockoutIfReached(kind: LockoutKind, key: string): Promise<void> {
  const { failures, freesAt } = await countedFailures(kind, key);
  if (!freesAt || freesAt.getTime() <= Date.now()) return;
  const target =
    kind === "email" ? await emailTarget(key) : { targetType: "address" as const, targetId: key };
  await prisma.$transaction(async (tx) => {
    const open = await tx.signInLockout.findFirst({
      where: { kind, key, liftedAt: null, lockedUntil: { gt: new Date() } },
      select: { id: true },
    });
    if (open) return;
    const lockout = await tx.signInLockout.create({
      data: { kind, key, lockedUntil: freesAt, failedAttempts: failures },
    });
    await recordAuditEvent(
      { id: null, via: "ui" },
      {
        action: "session.lockout",
        ...target,
        detail: {
          [kind]: key,
          failedAttempts: failures,
          lockedUntil: freesAt.toISOString(),
          lockout: lockout.id,
        },
      },
      tx,
    );
  });
}

export type LockoutView = {
  id: string;
  kind: LockoutKind;
  key: string;
  account: { id: string; name: string } | null;
  lockedAt: Date;
  lockedUntil: Date;
  failedAttempts: number;
};

/** The most a list shows; more are said to be there. */
export const LOCKOUTS_SHOWN = 100;

/**
 * The lockouts in force, newest first: at most LOCKOUTS_SHOWN (and whether there are more). A
 * lockout ends within the window of its start, so only the last window's are read.
 */
export async function listCurrentLockouts(): Promise<{ lockouts: LockoutView[]; more: boolean }> {
  const now = new Date();
  const rows = await prisma.signInLockout.findMany({
    where: {
      lockedAt: { gte: new Date(now.getTime() - signInLimits.windowMs) },
      lockedUntil: { gt: now },
      liftedAt: null,
    },
    orderBy: { lockedAt: "desc" },
    take: LOCKOUTS_SHOWN + 1,
  });
  const emails = rows.filter((r) => r.kind === "email").map((r) => r.key);
  const users = await prisma.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, name: true, email: true },
  });
  const byEmail = new Map(users.map((u) => [u.email, { id: u.id, name: u.name }]));
  return {
    lockouts: rows.slice(0, LOCKOUTS_SHOWN).map((r) => ({
      id: r.id,
      kind: r.kind as LockoutKind,
      key: r.key,
      account: r.kind === "email" ? (byEmail.get(r.key) ?? null) : null,
      lockedAt: r.lockedAt,
      lockedUntil: r.lockedUntil,
      failedAttempts: r.failedAttempts,
    })),
    more: rows.length > LOCKOUTS_SHOWN,
  };
}

export const lockoutParamsSchema = z.object({
  id: z.string().trim().min(1, "the lockout's id is required").max(64),
});

/**
 * An admin lifts a lockout: the failures it counted are deleted, so the person (or the address)
 * can sign in at once, and the lift is in the audit log with who did it.
 */
export async function liftLockout(
  actor: SessionUser | AuditActor,
  id: string,
): Promise<{ id: string; kind: LockoutKind; key: string }> {
  const lockout = await prisma.signInLockout.findUnique({ where: { id } });
  if (!lockout) throw notFound(`There is no lockout with id ${id}.`);
  if (lockout.liftedAt) throw conflict(`This lockout of ${lockout.key} was already lifted.`);
  if (lockout.lockedUntil.getTime() <= Date.now())
    throw conflict(`This lockout of ${lockout.key} has already ended; it can sign in again.`);
  const kind = lockout.kind as LockoutKind;
  const target =
    kind === "email"
      ? await emailTarget(lockout.key)
      : { targetType: "address" as const, targetId: lockout.key };
  await prisma.$transaction(async (tx) => {
    const cleared = await tx.signInAttempt.deleteMany({
      where: { ...failuresOf(kind, lockout.key), succeeded: false },
    });
    await tx.signInLockout.update({ where: { id }, data: { liftedAt: new Date(), liftedById: actor.id } });
    await recordAuditEvent(
      actor,
      {
        action: "session.lockout-lift",
        ...target,
        detail: {
          [kind]: lockout.key,
          lockedAt: lockout.lockedAt.toISOString(),
          lockedUntil: lockout.lockedUntil.toISOString(),
          failedAttempts: lockout.failedAttempts,
          failuresCleared: cleared.count,
          lockout: id,
        },
      },
      tx,
    );
  });
  return { id, kind, key: lockout.key };
}
