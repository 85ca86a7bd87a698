import "server-only";
import { prisma } from "@/lib/db";
import { listJobs } from "@/lib/jobs/read-jobs";

const byKey = <T extends string>(rows: { key: T | null; n: number | bigint }[]) => Object.fromEntries(rows.map((r) => [r.key ?? "unknown", Number(r.n)])) as Record<string, number>;
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Time a reviewer spent per item: the gaps between their consecutive actions, over 10 minutes left out (a break). */
function secondsPerItem(times: Date[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i]!.getTime() - times[i - 1]!.getTime()) / 1000;
    if (gap > 0 && gap <= 600) gaps.push(gap);
  }
  return median(gaps);
}

/** Whose progress an overview shows: everyone's (leads and admins) or the asking person's only. */
export type OverviewScope = { everyone: true } | { everyone: false; userId: string };

/** What the lead's overview shows: jobs, execution pass rates, review progress per person, the curated data's shape. */
export async function readOverview(scope: OverviewScope = { everyone: true }) {
  const since = new Date(Date.now() - 14 * 24 * 3600 * 1000);
  const [jobs, strong, weak, sftStatus, pairStatus, actions, users, curatedSft, curatedPairs] = await Promise.all([
    scope.everyone ? listJobs(8) : Promise.resolve([]),
    prisma.$queryRaw<{ key: string; n: bigint; with_rows: bigint }[]>`
      SELECT exec_status AS key, COUNT(*) AS n, SUM(CASE WHEN json_extract(result_json, '$.rowCount') > 0 THEN 1 ELSE 0 END) AS with_rows
      FROM sft_samples WHERE origin = 'strong' GROUP BY exec_status`,
    prisma.candidate.groupBy({ by: ["source", "verdict"], _count: true }),
    prisma.sftSample.groupBy({ by: ["status"], _count: true }),
    prisma.preferencePair.groupBy({ by: ["status"], _count: true }),
    prisma.reviewAction.findMany({ where: { createdAt: { gte: since }, ...(scope.everyone ? {} : { userId: scope.userId }) }, select: { userId: true, action: true, createdAt: true, undoneAt: true }, orderBy: { createdAt: "asc" }, take: 20_000 }),
    prisma.user.findMany({ select: { id: true, name: true } }),
    prisma.$queryRaw<{ difficulty: string | null; database: string; n: bigint }[]>`
      SELECT s.difficulty AS difficulty, d.name AS database, COUNT(*) AS n FROM sft_samples s JOIN target_databases d ON d.id = s.database_id
      WHERE s.status IN ('accepted', 'edited') GROUP BY s.difficulty, d.name`,
    prisma.$queryRaw<{ difficulty: string | null; origin: string | null; n: bigint }[]>`
      SELECT COALESCE(t.difficulty, t.hardness) AS difficulty, j.kind AS origin, COUNT(*) AS n FROM preference_pairs p JOIN tasks t ON t.id = p.task_id LEFT JOIN jobs j ON j.id = p.job_id
      WHERE p.status IN ('accepted', 'edited') GROUP BY COALESCE(t.difficulty, t.hardness), j.kind`,
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const decided = actions.filter((a) => a.action !== "undo" && !a.undoneAt);
  const reviewers = [...new Set(decided.map((a) => a.userId ?? "unknown"))].map((id) => {
    const mine = decided.filter((a) => (a.userId ?? "unknown") === id);
    const perDay: Record<string, number> = {};
    for (const a of mine) perDay[a.createdAt.toISOString().slice(0, 10)] = (perDay[a.createdAt.toISOString().slice(0, 10)] ?? 0) + 1;
    const accepted = mine.filter((a) => a.action === "accept" || a.action === "edit" || a.action === "swap").length;
    return { id, name: nameOf.get(id) ?? "unknown", decided: mine.length, acceptanceRate: mine.length ? accepted / mine.length : null, medianSecondsPerItem: secondsPerItem(mine.map((a) => a.createdAt)), perDay };
  });
  const sum = (rows: { n: bigint }[], pick: (r: never) => string | null) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[pick(r as never) ?? "unknown"] = (out[pick(r as never) ?? "unknown"] ?? 0) + Number(r.n);
    return out;
  };
  return {
    everyone: scope.everyone,
    jobs,
    strongExecution: { byStatus: byKey(strong.map((r) => ({ key: r.key, n: r.n }))), returnsRows: strong.reduce((n, r) => n + Number(r.with_rows ?? 0), 0) },
    weakVerdicts: Object.fromEntries(["weak-model", "mutation"].map((source) => [source, Object.fromEntries(weak.filter((w) => w.source === source).map((w) => [w.verdict, w._count]))])) as Record<string, Record<string, number>>,
    review: { sft: Object.fromEntries(sftStatus.map((s) => [s.status, s._count])), pairs: Object.fromEntries(pairStatus.map((s) => [s.status, s._count])), reviewers },
    curated: {
      sftByDifficulty: sum(curatedSft, (r: { difficulty: string | null }) => r.difficulty),
      sftByDatabase: sum(curatedSft, (r: { database: string }) => r.database),
      pairsByDifficulty: sum(curatedPairs, (r: { difficulty: string | null }) => r.difficulty),
      pairsByOrigin: sum(curatedPairs, (r: { origin: string | null }) => r.origin ?? "imported"),
    },
  };
}

export type Overview = Awaited<ReturnType<typeof readOverview>>;
