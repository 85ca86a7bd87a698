import "server-only";
import { z } from "zod";
import { TOKEN_NAME_MAX } from "@/lib/auth/account-limits";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { hashSecret, newSecret } from "@/lib/auth/secret-tokens";
import { roleSchema } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import type { AuditActor } from "@/lib/audit/audit-events";
import { recordAuditEvent } from "@/lib/audit/audit-events";

// API tokens let the CLI and scripts act as the person who made them (so the audit log names a
// person). The token is shown once when made; the store keeps its sha256 and a short prefix.

const TOKEN_PREFIX = "sst_";
export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, "give the token a name").max(TOKEN_NAME_MAX),
});

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const view = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** A new token of `owner`'s, made by them (or by an operator at the CLI: `actor`). */
export async function createApiToken(
  owner: Pick<SessionUser, "id">,
  input: z.input<typeof newApiTokenSchema>,
  actor: AuditActor = { id: owner.id, via: "ui" },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const { name } = newApiTokenSchema.parse(input);
  const token = newSecret(TOKEN_PREFIX);
  const apiToken = await prisma.apiToken.create({
    data: {
      userId: owner.id,
      name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    },
    select: view,
  });
  await recordAuditEvent(actor, {
    action: "token.create",
    targetType: "api-token",
    targetId: apiToken.id,
    detail: { name, owner: owner.id },
  });
  return { token, apiToken };
}

export function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  return prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: view });
}

export async function revokeApiToken(user: SessionUser, id: string): Promise<ApiTokenView> {
  const found = await prisma.apiToken.findFirst({ where: { id, userId: user.id } });
  if (!found) throw notFound(`You have no API token with id ${id}.`);
  const apiToken = await prisma.apiToken.update({
    where: { id },
    data: { revokedAt: found.revokedAt ?? new Date() },
    select: view,
  });
  await recordAuditEvent(user, {
    action: "token.revoke",
    targetType: "api-token",
    targetId: id,
    detail: { name: found.name },
  });
  return apiToken;
}

/** The active user a token belongs to, or null (unknown, revoked, or the account disabled). */
export async function readApiToken(token: string | undefined): Promise<SessionUser | null> {
  if (!token?.startsWith(TOKEN_PREFIX)) return null;
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { user: true },
  });
  if (!found || found.revokedAt || found.user.disabledAt) return null;
  const role = roleSchema.safeParse(found.user.role);
  if (!role.success) return null;
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    id: found.user.id,
    name: found.user.name,
    email: found.user.email,
    role: role.data,
    via: "api-token",
  };
}
