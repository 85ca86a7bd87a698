import crypto from "node:crypto";
import { createAccount } from "@/lib/auth/accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

export const TEST_PASSWORD = "a long test password";

/** An account made through the domain function, as an admin would (for tests). */
export async function makeTestUser(
  role: Role,
  name = `${role} ${crypto.randomUUID().slice(0, 6)}`,
): Promise<SessionUser> {
  const email = `${crypto.randomUUID().slice(0, 8)}@example.test`;
  const user = await createAccount(null, { email, name, role, password: TEST_PASSWORD });
  return { id: user.id, name: user.name, email: user.email, role, via: "ui" };
}

/** An account and an API token of its own, for CLI and bearer tests. */
export async function makeTestUserWithToken(
  role: Role,
  name?: string,
): Promise<SessionUser & { token: string }> {
  const user = await makeTestUser(role, name);
  const { token } = await createApiToken(user, { name: "test" });
  return { ...user, token };
}
