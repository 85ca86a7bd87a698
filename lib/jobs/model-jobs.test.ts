import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getDatabaseDetail } from "@/lib/databases/read-databases";
import { createJob } from "@/lib/jobs/create-job";
import { listJobFailures, listJobs } from "@/lib/jobs/read-jobs";
import { runWorker } from "@/lib/jobs/run-worker";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import { withLocalModelServer } from "@/lib/testing/local-model-server";

const local = withLocalModelServer();

beforeAll(async () => {
  await seedDemo();
  await createProvider({
    name: "strong",
    baseUrl: local.baseUrl(),
    model: "sense-demo-strong",
    maxConcurrency: 8,
    inputPricePerMTok: 2.5,
    outputPricePerMTok: 10,
  });
  await createProvider({
    name: "weak",
    baseUrl: local.baseUrl(),
    model: "sense-demo-weak",
    maxConcurrency: 8,
  });
});

const progressOf = async (id: string) => (await listJobs()).find((j) => j.id === id)!;

describe("strong jobs (SFT data)", () => {
  it("show their whole item count from the start, so the total and ETA do not jump as databases are built", async () => {
    const job = await createJob({
      kind: "strong",
      provider: "strong",
      domains: ["seed bank", "ferry piers"],
      questionsPerDatabase: 6,
      difficultyMix: { easy: 2, medium: 2, hard: 1, extra: 1 },
    });
    // 2 databases, each 1 build + 4 question requests
    expect(await progressOf(job.id)).toMatchObject({ itemsTotal: 10, totalDiscovering: false });
    await runWorker({ stopWhenIdle: true });
    expect(await progressOf(job.id)).toMatchObject({ status: "done", itemsTotal: 10, itemsDone: 10 });
  });

  it("build a database per domain, write questions per difficulty, execute each SQL and queue those that run", async () => {
    const job = await createJob({
      kind: "strong",
      provider: "strong",
      domains: ["ferry timetables"],
      questionsPerDatabase: 6,
      difficultyMix: { easy: 2, medium: 2, hard: 1, extra: 1 },
    });
    await runWorker({ stopWhenIdle: true });
    const progress = await progressOf(job.id);
    // 1 database item + write-questions for easy 2, medium 2, hard 1, extra 1 (one request each)
    expect(progress).toMatchObject({
      status: "done",
      itemsTotal: 5,
      itemsDone: 5,
      itemsFailed: 0,
      modelCalls: 5,
    });
    expect(progress.promptTokens).toBeGreaterThan(0);
    expect(progress.costUsd).toBeGreaterThan(0);
    const database = await prisma.targetDatabase.findFirstOrThrow({
      where: { source: "synthesized", name: { startsWith: "ferry_timetables_" } },
    });
    expect(database).toMatchObject({ fileStatus: "ok", tableCount: 3, jobId: job.id }); // its page links to the job that made it
    expect((await getDatabaseDetail(database.name)).job).toEqual({ id: job.id, status: "done" });
    const samples = await prisma.sftSample.findMany({ where: { jobId: job.id } });
    expect(samples.length).toBeGreaterThan(0);
    expect(new Set(samples.map((s) => s.difficulty))).toEqual(new Set(["easy", "medium", "hard", "extra"]));
    for (const s of samples) {
      expect(s.databaseId).toBe(database.id);
      expect(s.status).toBe(s.execStatus === "ok" ? "pending" : "discarded");
      if (s.execStatus === "ok")
        expect(JSON.parse(s.resultJson!)).toMatchObject({
          columns: expect.any(Array),
          rowCount: expect.any(Number),
        });
      else expect(s.execError).toBeTruthy();
    }
    const configJson = JSON.parse((await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).configJson);
    expect(configJson.prompts).toEqual({
      "strong-domains": "strong-domains.v1",
      "strong-database": "strong-database.v1",
      "strong-questions": "strong-questions.v1",
    });
  });

  it("records a database answer that cannot be read as an unparsable failure with the raw text, after retries", async () => {
    local.server().setFaults({ everyGarbage: 1 });
    try {
      const job = await createJob({
        kind: "strong",
        provider: "strong",
        domains: ["lighthouse preservation"],
        questionsPerDatabase: 2,
      });
      await runWorker({ stopWhenIdle: true, maxAttempts: 2 });
      expect(await progressOf(job.id)).toMatchObject({
        status: "done",
        itemsDone: 0,
        itemsFailed: 1,
        failuresByKind: { unparsable: 1 },
      });
      const [failure] = await listJobFailures(job.id);
      expect(failure!.error).toContain(
        'The database answer for "lighthouse preservation" cannot be used: no SQL found in the answer',
      );
      expect(failure!.error).toContain("not a query %%%");
      expect(await prisma.modelCall.count({ where: { jobId: job.id, status: "unparsable" } })).toBe(2);
      // read as if it were still running: the failed build's question requests are no longer planned
      await prisma.job.update({ where: { id: job.id }, data: { status: "running" } });
      expect(await progressOf(job.id)).toMatchObject({ itemsTotal: 1, totalDiscovering: false });
      await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
    } finally {
      local.server().setFaults({ everyGarbage: 0 });
    }
  });

  it("gives every domain of a job its own database, each domain once", async () => {
    const job = await createJob({
      kind: "strong",
      provider: "strong",
      domains: ["seed bank", "Seed Bank", "seed-bank"],
      questionsPerDatabase: 1,
      difficultyMix: { easy: 1, medium: 0, hard: 0, extra: 0 },
    });
    await runWorker({ stopWhenIdle: true });
    const names = (await prisma.jobItem.findMany({ where: { jobId: job.id, step: "build-database" } })).map(
      (i) => JSON.parse(i.resultJson!).database as string,
    );
    expect(names).toHaveLength(2); // "Seed Bank" is "seed bank" again
    expect(new Set(names).size).toBe(2);
    expect(names.every((n) => n.startsWith("seed_bank_"))).toBe(true);
  });

  it("plan their total as soon as the model has proposed its domains: the domains it named, not the number asked", async () => {
    // the stand-in names at most 15 domains; each: 1 build + 1 request of 1 easy question
    const job = await createJob({
      kind: "strong",
      provider: "strong",
      proposeDomains: 20,
      questionsPerDatabase: 1,
      difficultyMix: { easy: 1, medium: 0, hard: 0, extra: 0 },
    });
    expect(await progressOf(job.id)).toMatchObject({
      itemsTotal: 1,
      totalDiscovering: true,
      etaSeconds: null,
    });
    await runWorker({ stopWhenIdle: true });
    expect(await progressOf(job.id)).toMatchObject({ status: "done", itemsTotal: 31, itemsDone: 31 });
    // read as if it were still running (its outputs as they are): the total is the planned one, known
    await prisma.job.update({ where: { id: job.id }, data: { status: "running" } });
    expect(await progressOf(job.id)).toMatchObject({ itemsTotal: 31, totalDiscovering: false });
    await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
  });

  it("lets the model propose domains, drops near duplicates, and records unusable SQL as discarded", async () => {
    const job = await createJob({
      kind: "strong",
      provider: "strong",
      proposeDomains: 2,
      questionsPerDatabase: 12,
      difficultyMix: { easy: 0, medium: 0, hard: 1, extra: 0 },
    });
    await runWorker({ stopWhenIdle: true });
    const progress = await progressOf(job.id);
    // propose + 2 databases + 2 x 2 requests of hard questions (10 + 2)
    expect(progress).toMatchObject({ status: "done", itemsTotal: 7, itemsDone: 7, itemsFailed: 0 });
    const results = (
      await prisma.jobItem.findMany({ where: { jobId: job.id, step: "write-questions" } })
    ).map((i) => JSON.parse(i.resultJson!));
    const sum = (k: string) => results.reduce((n, r) => n + r[k], 0);
    expect(sum("duplicates")).toBeGreaterThan(0); // the stand-in repeats itself when asked for more than it has
    expect(sum("failedExecution")).toBeGreaterThan(0); // and names a column that does not exist
    expect(await prisma.sftSample.count({ where: { jobId: job.id } })).toBe(
      sum("queued") + sum("failedExecution"),
    );
    expect(progress.samplesDiscarded).toBe(sum("failedExecution"));
    const samples = await prisma.sftSample.findMany({
      where: { jobId: job.id },
      select: { databaseId: true, normalizedSql: true },
    });
    expect(new Set(samples.map((s) => `${s.databaseId}|${s.normalizedSql}`)).size).toBe(samples.length);
  });
});

describe("weak jobs (preference data)", () => {
  it("sample k answers per task, judge each against the gold result and pair the wrong ones with the gold", async () => {
    const job = await createJob({
      kind: "weak",
      provider: "weak",
      tasks: { origin: "demo", limit: 10 },
      samples: 4,
      maxPairsPerTask: 2,
    });
    await runWorker({ stopWhenIdle: true });
    expect(await progressOf(job.id)).toMatchObject({
      status: "done",
      itemsDone: 10,
      itemsFailed: 0,
      modelCalls: 40,
    });
    const candidates = await prisma.candidate.findMany({ where: { jobId: job.id } });
    expect(candidates).toHaveLength(40);
    const verdicts = candidates.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c.verdict]: (acc[c.verdict] ?? 0) + 1 }),
      {},
    );
    expect(verdicts.correct).toBeGreaterThanOrEqual(20); // the stand-in answers even samples with the gold
    expect(verdicts.wrong_result).toBeGreaterThan(0);
    const pairs = await prisma.preferencePair.findMany({
      where: { jobId: job.id },
      include: { task: true, rejectedCandidate: true },
    });
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.chosenSql).toBe(pair.task.goldSql);
      expect(["wrong_result", "error", "timeout"]).toContain(pair.rejectedCandidate!.verdict);
    }
    const perTask = await prisma.preferencePair.groupBy({
      by: ["taskId"],
      where: { jobId: job.id },
      _count: true,
    });
    expect(Math.max(...perTask.map((p) => p._count))).toBeLessThanOrEqual(2);
  });

  it("turns 429s, 500s and garbage from the server into retries and unparsable candidates, never a crashed job", async () => {
    local.server().setFaults({ every429: 3, retryAfterSeconds: 0.05, every500: 5, everyGarbage: 4 });
    try {
      const job = await createJob({
        kind: "weak",
        provider: "weak",
        tasks: { origin: "demo", limit: 8 },
        samples: 2,
      });
      await runWorker({ stopWhenIdle: true });
      expect(await progressOf(job.id)).toMatchObject({ status: "done", itemsDone: 8, itemsFailed: 0 });
      const unparsable = await prisma.candidate.findMany({ where: { jobId: job.id, verdict: "unparsable" } });
      expect(unparsable.length).toBeGreaterThan(0);
      expect(unparsable[0]!.rawText).toContain("not a query"); // the raw text is kept
      expect(await prisma.candidate.count({ where: { jobId: job.id } })).toBe(16);
      const calls = await prisma.modelCall.findMany({ where: { jobId: job.id, status: "unparsable" } });
      expect(calls.length).toBe(unparsable.length); // the call says so too, with the raw text
      expect(calls[0]!.error).toContain("not a query");
    } finally {
      local.server().setFaults({ every429: 0, every500: 0, everyGarbage: 0 });
    }
  });

  it("records a provider that keeps failing as failed items with their kind, after retries", async () => {
    await createProvider({
      name: "down",
      baseUrl: local.baseUrl(),
      model: "sense-demo-weak",
      timeoutMs: 300,
    });
    local.server().setFaults({ everyHang: 1 });
    try {
      const job = await createJob({
        kind: "weak",
        provider: "down",
        tasks: { origin: "demo", limit: 2 },
        samples: 1,
      });
      await runWorker({ stopWhenIdle: true, maxAttempts: 2 });
      expect(await progressOf(job.id)).toMatchObject({
        status: "done",
        itemsDone: 0,
        itemsFailed: 2,
        failuresByKind: { timeout: 2 },
      });
      const [failure] = await listJobFailures(job.id);
      expect(failure).toMatchObject({ errorKind: "timeout", attempts: 2 });
      expect(failure!.error).toContain("1 of 1 request(s) to down failed: timeout");
      // a strong job whose proposal fails for good has a known total from then on: no domain came
      const strong = await createJob({ kind: "strong", provider: "down", proposeDomains: 3 });
      await runWorker({ stopWhenIdle: true, maxAttempts: 2 });
      expect(await progressOf(strong.id)).toMatchObject({ status: "done", itemsTotal: 1, itemsFailed: 1 });
      await prisma.job.update({ where: { id: strong.id }, data: { status: "running" } }); // read as if still running
      expect(await progressOf(strong.id)).toMatchObject({ itemsTotal: 1, totalDiscovering: false });
      await prisma.job.update({ where: { id: strong.id }, data: { status: "done" } });
    } finally {
      local.server().setFaults({ everyHang: 0 });
    }
  }, 120_000); // two jobs of requests that hang until their timeout, with retries

  it("refuses an unknown provider and a bad configuration, naming the problem", async () => {
    await expect(createJob({ kind: "weak", provider: "nobody", tasks: {} })).rejects.toThrow(
      'No provider named "nobody"',
    );
    await expect(createJob({ kind: "weak", provider: "weak", samples: 0 })).rejects.toThrow(/samples/);
    await expect(createJob({ kind: "strong", provider: "strong" })).rejects.toThrow(
      "give at least one domain",
    );
  });
});
