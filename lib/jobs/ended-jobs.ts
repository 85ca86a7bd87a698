// Which jobs ended between two polls of the jobs list (pure: the dashboard's job-end notices).

type Seen = { id: string; kind: string; status: string; result: string | null; itemsFailed: number };
const OPEN = new Set(["queued", "running", "paused"]);
const ENDED = new Set(["done", "failed", "cancelled"]);

/**
 * The jobs that were open in `before` and are over in `after`, with a sentence each. Jobs seen for
 * the first time are not announced: a page opened after a job ended says nothing about it.
 */
export function endedJobs(
  before: Seen[] | undefined,
  after: Seen[],
): { id: string; message: string; tone: "ok" | "warn" | "bad" }[] {
  if (!before) return [];
  const was = new Map(before.map((j) => [j.id, j.status]));
  return after
    .filter((j) => OPEN.has(was.get(j.id) ?? "") && ENDED.has(j.status))
    .map((j) => {
      const ending =
        j.status === "cancelled"
          ? "was cancelled"
          : j.result === "failed"
            ? "failed: every item failed"
            : j.result === "done with failures"
              ? `is done, with ${j.itemsFailed} failed items`
              : "is done";
      return {
        id: j.id,
        message: `The ${j.kind} job ${j.id.slice(-8)} ${ending}.`,
        tone:
          j.status === "cancelled" || j.result === "done with failures"
            ? "warn"
            : j.result === "failed"
              ? "bad"
              : "ok",
      };
    });
}
