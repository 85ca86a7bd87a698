import "server-only";
import type { Metadata } from "next";
import { currentPageUser } from "@/lib/auth/page-auth";
import { can, type Permission } from "@/lib/auth/roles";

/** The suffix of every title in the browser; the root layout's template uses it too. */
export const titleSuffix = " · Sense Studio";

/** "Review" → "Review · Sense Studio", spelled out rather than left to the layout's template,
 * which Next applies to child segments only, so the Overview at "/" would lose it. */
const titled = (name: string): Metadata => ({ title: { absolute: `${name}${titleSuffix}` } });

/**
 * A page's title in the browser ("Review · Sense Studio"). When a
 * page ends in forbidden() or notFound(), Next keeps the page's own metadata, not that of
 * forbidden.tsx / not-found.tsx, so the title says it here: "Not for your role" to a role without
 * `permission`, "Page not found" when `title` finds nothing (it returns null). Nothing about the
 * page's content is told to whoever may not open it.
 */
export async function pageTitle(
  permission: Permission,
  title: string | (() => Promise<string | null>),
): Promise<Metadata> {
  const user = await currentPageUser();
  if (!user) return titled("Sign in"); // the page sends them to sign in
  if (!can(user.role, permission)) return titled("Not for your role");
  const named = typeof title === "string" ? title : await title();
  return titled(named ?? "Page not found");
}
