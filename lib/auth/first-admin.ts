import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createAccount, hasActiveAdmin } from "@/lib/auth/accounts";

/**
 * First run: makes the admin account from SENSE_ADMIN_EMAIL + SENSE_ADMIN_PASSWORD when no account
 * has that email yet. There is no default password: without these (or `sense user add`), nobody can
 * sign in, and the sign-in page says how to make the first admin.
 */
export async function ensureFirstAdmin(): Promise<"created" | "present" | "missing"> {
  const email = env.SENSE_ADMIN_EMAIL?.trim().toLowerCase();
  if (email && env.SENSE_ADMIN_PASSWORD && !(await prisma.user.findUnique({ where: { email } }))) {
    await createAccount(null, {
      email,
      name: env.SENSE_ADMIN_NAME ?? "Admin",
      role: "admin",
      password: env.SENSE_ADMIN_PASSWORD,
    });
    return "created";
  }
  return (await hasActiveAdmin()) ? "present" : "missing";
}

export const firstAdminHint =
  'No admin account yet. Start with SENSE_ADMIN_EMAIL and SENSE_ADMIN_PASSWORD set, or run: npm run sense -- user add --email you@example.org --name "Your Name" --role admin';
