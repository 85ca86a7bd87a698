import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/passwords";
import { ACCOUNT_NAME_MAX, ACCOUNT_NAME_MIN, EMAIL_MAX } from "@/lib/auth/account-limits";
import { roleSchema } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import type { AuditActor } from "@/lib/audit/audit-events";
import { deleteUserSessions } from "@/lib/auth/sessions";

const emailSchema = z.string().trim().toLowerCase().email("that is not an email address").max(EMAIL_MAX);

export const newAccountSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(ACCOUNT_NAME_MIN, "the name needs at least 2 characters").max(ACCOUNT_NAME_MAX),
  role: roleSchema,
  password: passwordSchema,
});

export const accountChangeSchema = z
  .object({
    name: z.string().trim().min(ACCOUNT_NAME_MIN).max(ACCOUNT_NAME_MAX).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(), // an admin's reset; the person's sessions end
  })
  .refine((c) => Object.keys(c).length > 0, "say what to change: name, role, disabled or password");

export const ownPasswordSchema = z.object({
  currentPassword: z.string().min(1, "enter your current password"),
  newPassword: passwordSchema,
});

/** An admin who can sign in: the kind of account that must never run out. */
const activeAdmin = { role: "admin", disabledAt: null, passwordHash: { not: null } } as const;

export type AccountView = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
  canSignIn: boolean;
  lastSeenAt: Date | null;
};

export async function listAccounts(): Promise<AccountView[]> {
  const users = await prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    include: { sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabledAt: u.disabledAt,
    createdAt: u.createdAt,
    canSignIn: Boolean(u.passwordHash) && !u.disabledAt,
    lastSeenAt: u.sessions[0]?.lastSeenAt ?? null,
  }));
}

/** A new account (by an admin, an operator at the CLI, or the first-run set-up when `actor` is null). */
export async function createAccount(actor: AuditActor | null, input: z.input<typeof newAccountSchema>) {
  const data = newAccountSchema.parse(input);
  if (await prisma.user.findUnique({ where: { email: data.email } }))
    throw conflict(`An account with the email ${data.email} already exists.`);
  const user = await prisma.user.create({
    data: {
      email: data.email,
      name: data.name,
      role: data.role,
      passwordHash: await hashPassword(data.password),
    },
  });
  await recordAuditEvent(actor, {
    action: "account.create",
    targetType: "account",
    targetId: user.id,
    detail: { email: user.email, role: user.role },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Ends everything that acts as a person: their sessions and their API tokens (disable, password reset). */
async function endSessionsAndTokens(userId: string): Promise<void> {
  await deleteUserSessions(userId);
  await prisma.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * An admin changes an account: name, role, disabled, or a new password (which, like a disable,
 * ends the person's sessions and revokes their API tokens). The last active admin stays one: the
 * check and the change are one transaction, so two admins cannot demote each other at once.
 */
export async function updateAccount(
  actor: SessionUser,
  id: string,
  input: z.input<typeof accountChangeSchema>,
) {
  const change = accountChangeSchema.parse(input);
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  const { before, updated } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw notFound(`There is no account with id ${id}.`);
    if (change.disabled === true && id === actor.id)
      throw conflict("You cannot disable your own account: another admin can, if it must be.");
    const losesAdmin =
      user.role === "admin" && ((change.role && change.role !== "admin") || change.disabled === true);
    const otherAdmins = await tx.user.count({ where: { ...activeAdmin, id: { not: id } } });
    if (losesAdmin && otherAdmins === 0)
      throw conflict("This is the last active admin: make another admin first.");
    const after = await tx.user.update({
      where: { id },
      data: {
        name: change.name,
        role: change.role,
        disabledAt:
          change.disabled === undefined
            ? undefined
            : change.disabled
              ? (user.disabledAt ?? new Date())
              : null,
        passwordHash,
      },
    });
    return { before: user, updated: after };
  });
  if (change.disabled || change.password) await endSessionsAndTokens(id);
  // each change as { from, to }, so the audit log shows it as before → after
  const fromTo = <T>(from: T, to: T | undefined) => (to === undefined ? undefined : { from, to });
  const detail = {
    email: before.email,
    name: fromTo(before.name, change.name),
    role: fromTo(before.role, change.role),
    disabled: fromTo(before.disabledAt !== null, change.disabled),
    password: change.password ? "(reset)" : undefined,
  };
  await recordAuditEvent(actor, { action: "account.update", targetType: "account", targetId: id, detail });
  return {
    id: updated.id,
    email: updated.email,
    name: updated.name,
    role: updated.role,
    disabledAt: updated.disabledAt,
  };
}

/** A person changes their own password (knowing the current one); their sessions and API tokens end. */
export async function changeOwnPassword(
  actor: SessionUser,
  input: z.input<typeof ownPasswordSchema>,
): Promise<void> {
  const { currentPassword, newPassword } = ownPasswordSchema.parse(input);
  const user = await prisma.user.findUnique({ where: { id: actor.id } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword)))
    throw invalidInput("The current password is wrong.");
  await prisma.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(newPassword) },
  });
  await endSessionsAndTokens(actor.id);
  await recordAuditEvent(actor, { action: "account.password", targetType: "account", targetId: actor.id });
}

/** An operator at the CLI sets a new password for a locked-out account: its sessions and tokens end. */
export async function resetPasswordAsOperator(
  actor: AuditActor,
  email: string,
  password: string,
): Promise<{ email: string }> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw notFound(`There is no account with the email ${email}.`);
  await prisma.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(passwordSchema.parse(password)) },
  });
  await endSessionsAndTokens(user.id);
  await recordAuditEvent(actor, {
    action: "account.update",
    targetType: "account",
    targetId: user.id,
    detail: { password: "(reset)" },
  });
  return { email: user.email };
}

export async function hasActiveAdmin(): Promise<boolean> {
  return (await prisma.user.count({ where: activeAdmin })) > 0;
}
