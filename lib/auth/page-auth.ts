import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { readSession, SESSION_COOKIE } from "@/lib/auth/sessions";

/** The signed-in person of a page request, or null; read once per render (the layout and the page both ask). */
export const currentPageUser = cache(async (): Promise<SessionUser | null> =>
  readSession((await cookies()).get(SESSION_COOKIE)?.value),
);

/**
 * The first line of every page: nobody is sent to sign in (and back to `path` after), a role
 * without the permission gets the 403 page. The UI hides links too, but this is what refuses.
 */
export async function requirePageUser(permission: Permission, path: string): Promise<SessionUser> {
  const user = await currentPageUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}
