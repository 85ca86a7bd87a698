import "server-only";
import { prisma } from "@/lib/db";
import { keyParts, readCountersFrom } from "@/lib/store/store-counters";

const DAYS = 14;
/** The recent decisions a reviewer's pace is measured on. */
const PACE_SAMPLE = 200;

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Time a reviewer spent per item: the gaps between their consecutive decisions, over 10 minutes left out (a break). */
function secondsPerItem(times: Date[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i]!.getTime() - times[i - 1]!.getTime()) / 1000;
    if (gap > 0 && gap <= 600) gaps.push(gap);
  }
  return median(gaps);
}

/** The median pace of a reviewer over their last PACE_SAMPLE decisions in the window (one index range). */
async function recentPace(userId: string, since: Date): Promise<number | null> {
  const recent = await prisma.reviewAction.findMany({
    where: { userId, createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PACE_SAMPLE,
    select: { action: true, undoneAt: true, createdAt: true },
  });
  return secondsPerItem(
    recent
      .filter((a) => a.action !== "undo" && !a.undoneAt)
      .map((a) => a.createdAt)
      .reverse(),
  );
}

/**
 * Review progress per reviewer over the last 14 days: decisions per day and acceptance rate from the
 * per-day counters the store keeps, the pace from each reviewer's latest decisions. `onlyUserId`
 * limits it to one person (a reviewer sees their own progress only).
 */
export async function readReviewerProgress(onlyUserId: string | null) {
  const since = new Date(Date.now() - DAYS * 24 * 3600 * 1000);
  const counts = await readCountersFrom("review.day", since.toISOString().slice(0, 10));
  const byUser = new Map<string, { decided: number; accepted: number; perDay: Record<string, number> }>();
  for (const [key, n] of counts) {
    const [day, userId, kind] = keyParts(key);
    const id = userId ?? "unknown";
    if (!day || (onlyUserId && id !== onlyUserId)) continue;
    const mine = byUser.get(id) ?? { decided: 0, accepted: 0, perDay: {} };
    if (kind === "decided") {
      mine.decided += n;
      mine.perDay[day] = (mine.perDay[day] ?? 0) + n;
    } else if (kind === "accepted") mine.accepted += n;
    byUser.set(id, mine);
  }
  const active = [...byUser.entries()].filter(([, p]) => p.decided > 0);
  const users = await prisma.user.findMany({
    where: { id: { in: active.map(([id]) => id) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return Promise.all(
    active.map(async ([id, p]) => ({
      id,
      name: nameOf.get(id) ?? "unknown",
      decided: p.decided,
      acceptanceRate: p.accepted / p.decided,
      medianSecondsPerItem: id === "unknown" ? null : await recentPace(id, since),
      perDay: Object.fromEntries(Object.entries(p.perDay).sort()),
    })),
  );
}
