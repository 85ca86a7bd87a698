import { describe, expect, it } from "vitest";
import { endedJobs } from "@/lib/jobs/ended-jobs";

const job = (id: string, status: string, result: string | null = null, itemsFailed = 0) => ({
  id: `cjob0000000${id}`,
  kind: "weak",
  status,
  result,
  itemsFailed,
});

describe("job-end notices", () => {
  it("announces the jobs that went from open to over between two polls, and how they ended", () => {
    const before = [
      job("1", "running"),
      job("2", "paused"),
      job("3", "running"),
      job("4", "running"),
      job("5", "done", "done"),
    ];
    const after = [
      job("1", "done", "done"),
      job("2", "cancelled"),
      job("3", "done", "done with failures", 2),
      job("4", "running"),
      job("5", "done", "done"),
    ];
    expect(endedJobs(before, after)).toEqual([
      { id: "cjob00000001", message: "The weak job 00000001 is done.", tone: "ok" },
      { id: "cjob00000002", message: "The weak job 00000002 was cancelled.", tone: "warn" },
      { id: "cjob00000003", message: "The weak job 00000003 is done, with 2 failed items.", tone: "warn" },
    ]);
  });

  it("says nothing on the first poll nor about jobs first seen already over", () => {
    expect(endedJobs(undefined, [job("1", "done", "done")])).toEqual([]);
    expect(endedJobs([], [job("1", "done", "failed")])).toEqual([]);
  });
});
