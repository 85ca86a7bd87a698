import { env } from "@/lib/env";
import { forbidden, unauthorized } from "@/lib/errors";
import { readApiToken } from "@/lib/auth/api-tokens";
import { can, permissionMinimumRole, type Permission } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * The person the CLI acts as: the owner of the API token in SENSE_API_TOKEN (made on the Account
 * page), checked for the permission the command needs, so the audit log names them.
 */
export async function requireCliUser(permission: Permission): Promise<SessionUser> {
  if (!env.SENSE_API_TOKEN)
    throw unauthorized(
      "This command acts as a person: set SENSE_API_TOKEN to an API token made on the dashboard's Account page.",
    );
  const user = await readApiToken(env.SENSE_API_TOKEN);
  if (!user)
    throw unauthorized(
      "SENSE_API_TOKEN is not a valid API token (unknown, revoked, or its account is disabled).",
    );
  if (!can(user.role, permission))
    throw forbidden(
      `${user.name} is ${/^[aeiou]/.test(user.role) ? "an" : "a"} ${user.role}; this command needs ${permissionMinimumRole[permission]} or above.`,
    );
  return { ...user, via: "cli" };
}
