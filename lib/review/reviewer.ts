import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { unauthorized } from "@/lib/errors";

// Who is reviewing. Until accounts exist (sign-in with passwords and roles), a reviewer names
// themself once per browser; the name becomes a user row and an httpOnly cookie holds its id, so the
// audit log and the claims always name a person.

export const REVIEWER_COOKIE = "sense_reviewer";

export const reviewerNameSchema = z.object({ name: z.string().trim().min(2, "name must have at least 2 characters").max(60) });

export type Reviewer = { id: string; name: string };

const REVIEWER_DOMAIN = "@reviewers.local";

/** The reviewer a cookie names, or null. Only users made as reviewers qualify, never another account. */
export async function findReviewer(cookieValue: string | undefined): Promise<Reviewer | null> {
  if (!cookieValue) return null;
  const user = await prisma.user.findUnique({ where: { id: cookieValue }, select: { id: true, name: true, email: true, disabledAt: true } });
  return user && !user.disabledAt && user.email.endsWith(REVIEWER_DOMAIN) ? { id: user.id, name: user.name } : null;
}

/** The reviewer of a request (from its cookie), or a 401 that says what to do. */
export async function requireReviewer(request: Request): Promise<Reviewer> {
  const reviewer = await findReviewer(readCookie(request, REVIEWER_COOKIE));
  if (!reviewer) throw unauthorized("Say who is reviewing first (enter your name on the Review page).");
  return reviewer;
}

/** The user for a reviewer's name (the exact name, in any script), made the first time it is used. */
export async function enterReviewer(name: string): Promise<Reviewer> {
  const exact = name.trim();
  const email = `reviewer-${crypto.createHash("sha256").update(exact).digest("hex").slice(0, 16)}${REVIEWER_DOMAIN}`;
  const user = await prisma.user.upsert({ where: { email }, create: { email, name: exact, role: "annotator" }, update: {} });
  return { id: user.id, name: user.name };
}

export function reviewerCookieHeader(reviewerId: string): string {
  return `${REVIEWER_COOKIE}=${encodeURIComponent(reviewerId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${60 * 60 * 24 * 30}`;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
