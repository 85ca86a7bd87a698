// Replies that no model should send, from a real HTTP server (lib/testing/hostile-model-server.ts):
// each is recorded as a model call with what was wrong, none fills the store or holds the runner.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createJob } from "@/lib/jobs/create-job";
import { listJobFailures, listJobs } from "@/lib/jobs/read-jobs";
import { runWorker } from "@/lib/jobs/run-worker";
import { createChatClient } from "@/lib/llm/chat-client";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import {
  HUGE_ANSWER_BYTES,
  startHostileModelServer,
  type HostileModelServer,
} from "@/lib/testing/hostile-model-server";

let hostile: HostileModelServer;
const ask = [{ role: "user" as const, content: "How many books?" }];

beforeAll(async () => {
  hostile = await startHostileModelServer();
  await seedDemo();
});
afterAll(() => hostile.stop());

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`gave up waiting: ${what}`);
}

const storeBytes = () =>
  [env.dbFile, `${env.dbFile}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

/** A weak job of `tasks` demo tasks against one hostile model, run to its end with one attempt per item. */
async function weakJobAgainst(model: string, tasks = 2, provider: { timeoutMs?: number } = {}) {
  await createProvider({
    name: `hostile-${model}`,
    baseUrl: hostile.base,
    model,
    maxConcurrency: 2,
    ...provider,
  });
  const job = await createJob({
    kind: "weak",
    provider: `hostile-${model}`,
    tasks: { origin: "demo", limit: tasks },
    samples: 1,
  });
  await runWorker({ stopWhenIdle: true, maxAttempts: 1 });
  const progress = (await listJobs()).find((j) => j.id === job.id)!;
  const calls = await prisma.modelCall.findMany({ where: { jobId: job.id } });
  return {
    job,
    progress,
    calls,
    failures: await listJobFailures(job.id),
    candidates: await prisma.candidate.findMany({ where: { jobId: job.id } }),
  };
}

describe("the chat client on hostile replies", () => {
  it("stops reading a reply past its cap, closes the connection and says too_large", async () => {
    const client = createChatClient({
      baseUrl: hostile.base,
      model: "huge",
      maxRetries: 0,
      maxResponseBytes: 1024 * 1024,
    });
    expect(await client.chat(ask)).toMatchObject({
      kind: "too_large",
      status: 200,
      message: expect.stringContaining("the reply is larger than 1 MiB"),
    });
    await until(() => (hostile.stats.hungUp.huge ?? 0) >= 1, "the client hangs up on the huge answer");
    expect(hostile.stats.bytesSent.huge).toBeLessThan(HUGE_ANSWER_BYTES / 4);
  });

  it("says unparsable for a body that is not JSON and bad_response for JSON of another shape, with the start of the body", async () => {
    const garbage = createChatClient({ baseUrl: hostile.base, model: "garbage", maxRetries: 0 });
    expect(await garbage.chat(ask)).toMatchObject({
      kind: "unparsable",
      status: 200,
      message: expect.stringMatching(/^the reply is not JSON .*It began: <html><body>502 Bad Gateway/),
    });
    const badShape = createChatClient({ baseUrl: hostile.base, model: "bad-shape", maxRetries: 0 });
    expect(await badShape.chat(ask)).toMatchObject({
      kind: "bad_response",
      message: expect.stringContaining("the reply is JSON but not a chat completion (choices: "),
    });
  });

  it("ends a reply whose body never ends at the request's time limit", async () => {
    const client = createChatClient({
      baseUrl: hostile.base,
      model: "endless",
      maxRetries: 0,
      timeoutMs: 400,
    });
    expect(await client.chat(ask)).toMatchObject({
      kind: "timeout",
      message: "the reply did not end within 0.4 s of the request; reading stopped",
    });
    await until(() => (hostile.stats.hungUp.endless ?? 0) >= 1, "the client hangs up on the endless body");
  });
});

describe("weak jobs against hostile models", () => {
  it("record a reply that is not JSON as an unparsable call and fail the item with that kind, not as internal", async () => {
    const { calls, failures, progress } = await weakJobAgainst("garbage");
    expect(calls).toHaveLength(2);
    for (const call of calls)
      expect(call).toMatchObject({
        status: "unparsable",
        httpStatus: 200,
        error: expect.stringContaining("It began: <html><body>502 Bad Gateway"),
      });
    expect(progress).toMatchObject({ itemsFailed: 2, failuresByKind: { unparsable: 2 } });
    expect(failures[0]!.error).toContain(
      "1 of 1 request(s) to hostile-garbage failed: unparsable 200: the reply is not JSON",
    );
  });

  it("record JSON of the wrong shape as a bad_response call", async () => {
    const { calls, progress } = await weakJobAgainst("bad-shape");
    expect(calls.map((c) => c.status)).toEqual(["bad_response", "bad_response"]);
    expect(calls[0]!.error).toContain('It began: {"result":"SELECT 1","choices":"none"}');
    expect(progress).toMatchObject({ itemsFailed: 2, failuresByKind: { bad_response: 2 } });
  });

  it("record a 50 MB answer as too_large without storing it: the store grows by kilobytes", async () => {
    const before = storeBytes();
    const { calls, progress, candidates } = await weakJobAgainst("huge");
    expect(calls.map((c) => c.status)).toEqual(["too_large", "too_large"]);
    expect(calls[0]!.error).toContain("the reply is larger than 4 MiB");
    expect(candidates).toEqual([]);
    expect(progress).toMatchObject({ itemsFailed: 2, failuresByKind: { too_large: 2 } });
    expect(storeBytes() - before).toBeLessThan(1024 * 1024);
  });

  it("store a long answer's raw text as a prefix with a marker of how much was cut", async () => {
    const { candidates, calls } = await weakJobAgainst("long");
    expect(candidates).toHaveLength(2);
    for (const c of candidates) {
      expect(c).toMatchObject({
        verdict: "unparsable",
        sql: null,
        error: "the SQL is 1,048,588 characters long; at most 20,000 are taken",
      });
      expect(c.rawText!.startsWith("SELECT 1 -- xxx")).toBe(true);
      expect(c.rawText!.length).toBeLessThan(21_000);
      expect(c.rawText).toMatch(/… \[1,028,588 more characters not stored; 1,048,588 in all\]$/);
    }
    expect(calls.every((c) => c.status === "unparsable" && c.error!.length < 5_000)).toBe(true);
  });

  it("read 200,000 braces as an unparsable answer, its raw text cut", async () => {
    const { candidates, progress } = await weakJobAgainst("braces");
    expect(progress).toMatchObject({ itemsDone: 2, itemsFailed: 0 });
    expect(candidates.map((c) => [c.verdict, c.rawText!.length < 21_000])).toEqual([
      ["unparsable", true],
      ["unparsable", true],
    ]);
  });

  it("fail an item whose reply never ends as a timeout, recorded", async () => {
    const { calls, progress } = await weakJobAgainst("endless", 1, { timeoutMs: 500 });
    expect(calls).toEqual([
      expect.objectContaining({
        status: "timeout",
        error: expect.stringContaining("the reply did not end within 0.5 s"),
      }),
    ]);
    expect(progress).toMatchObject({ itemsFailed: 1, failuresByKind: { timeout: 1 } });
  });
});
