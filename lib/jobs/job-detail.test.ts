import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { listJobItemLog } from "@/lib/jobs/job-item-log";
import { callsPerHour, readJobDetail } from "@/lib/jobs/read-job-detail";
import { seedDemo } from "@/lib/seed/seed-demo";
import { makeTestUser } from "@/lib/testing/test-accounts";

describe("a job's page", () => {
  it("shows its configuration without secrets, who started it, and its items keyset-paged with filters", async () => {
    await seedDemo();
    const lead = await makeTestUser("lead", "Lea Detail");
    const job = await createMutationJob({ kind: "mutation", tasks: { database: "city_library" } }, lead);
    const detail = await readJobDetail(job.id);
    expect(detail.startedBy?.name).toBe("Lea Detail");
    expect(detail.config).toMatchObject({ kind: "mutation", tasks: { database: "city_library" } });
    expect(JSON.stringify(detail)).not.toMatch(/apiKey/i);
    const first = await listJobItemLog(job.id, {});
    expect(first.items).toHaveLength(36);
    expect(first.next).toBeNull();
    const ids = (await prisma.jobItem.findMany({ where: { jobId: job.id }, select: { id: true } })).map(
      (i) => i.id,
    );
    await prisma.jobItem.updateMany({
      where: { id: { in: ids.slice(0, 3) } },
      data: { status: "failed", errorKind: "timeout" },
    });
    await prisma.jobItem.updateMany({
      where: { id: ids[3]! },
      data: { status: "failed", errorKind: "unparsable" },
    });
    const timeouts = await listJobItemLog(job.id, { errorKind: "timeout" });
    expect(timeouts.items.map((i) => i.errorKind)).toEqual(["timeout", "timeout", "timeout"]);
    expect((await listJobItemLog(job.id, { status: "failed" })).items).toHaveLength(4);
    await expect(listJobItemLog(job.id, { status: "done", errorKind: "timeout" })).rejects.toThrow(
      /status=failed/,
    );
    await expect(listJobItemLog("nope", {})).rejects.toThrow(/No job with id nope/);
  });

  it("pages past 50 items without repeating or skipping one", async () => {
    await seedDemo();
    const job = await createMutationJob({ kind: "mutation", tasks: { database: "city_library" } });
    await prisma.jobItem.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        jobId: job.id,
        step: "mutate",
        payloadJson: JSON.stringify({ i }),
        status: "pending",
      })),
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listJobItemLog(job.id, { after });
      seen.push(...page.items.map((i) => i.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(106);
    expect(new Set(seen).size).toBe(106);
  });

  it("sums model calls, tokens and cost per hour from the counters", () => {
    const hours = callsPerHour(
      new Map([
        ["2026-12-02T10\x1fcalls", 4],
        ["2026-12-02T10\x1ftokens", 900],
        ["2026-12-02T10\x1fmicrousd", 2_500],
        ["2026-12-02T09\x1fcalls", 1],
        ["2026-12-02T09\x1ffailed", 1],
      ]),
    );
    expect(hours).toEqual([
      { hour: "2026-12-02T09", calls: 1, failed: 1, tokens: 0, costUsd: 0 },
      { hour: "2026-12-02T10", calls: 4, failed: 0, tokens: 900, costUsd: 0.0025 },
    ]);
  });
});
