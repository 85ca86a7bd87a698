import "server-only";
import type { Metadata } from "next";
import { currentPageUser } from "@/lib/auth/page-auth";
import { can, type Permission } from "@/lib/auth/roles";

/**
 * A page's title in the browser ("Review · Sense Studio" through the layout's template). When a
 * page ends in forbidden() or notFound(), Next keeps the page's own metadata, not that of
 * forbidden.tsx / not-found.tsx, so the title says it here: "Not for your role" to a role without
 * `permission`, "Page not found" when `title` finds nothing (it returns null). Nothing about the
 * page's content is told to whoever may not open it.
 */
export async function pageTitle(permission: Permission, title: string | (() => Promise<string | null>)): Promise<Metadata> {
  const user = await currentPageUser();
  if (!user) return { title: "Sign in" }; // the page sends them to sign in
  if (!can(user.role, permission)) return { title: "Not for your role" };
  const named = typeof title === "string" ? title : await title();
  return { title: named ?? "Page not found" };
}
