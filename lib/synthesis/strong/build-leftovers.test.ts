import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createJob } from "@/lib/jobs/create-job";
import { spawnWorkerProcess } from "@/lib/jobs/worker-process";
import { createProvider } from "@/lib/providers/providers";

// A model (a real HTTP server speaking the OpenAI protocol) whose first database takes seconds to
// build: a runner killed (SIGKILL) then leaves its build folder behind.
const SLOW_INSERT = `INSERT INTO t VALUES (${Array.from({ length: 20 }, () => "length(hex(zeroblob(50000000)))").join(" + ")})`;
let databaseAnswers = 0;
const answerFor = (prompt: string) => {
  if (prompt.includes("Task: write-database")) {
    return databaseAnswers++ === 0
      ? `\`\`\`sql\nCREATE TABLE t (n INTEGER);\n${SLOW_INSERT};\n\`\`\``
      : "```sql\nCREATE TABLE t (n INTEGER);\nINSERT INTO t VALUES (1);\n```";
  }
  return '[{"question": "How many rows are there?", "sql": "SELECT count(*) FROM t"}]';
};
const model = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages
      .map((m) => m.content)
      .join("\n");
    const completion = {
      id: "c",
      object: "chat.completion",
      created: 0,
      model: "slow-builder",
      choices: [
        { index: 0, message: { role: "assistant", content: answerFor(prompt) }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion));
  });
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sense-tmp-builds-"));
const buildFolders = () => fs.readdirSync(tmp).filter((name) => name.startsWith("sense-strong-"));
const started: ChildProcess[] = [];
const startWorker = () => {
  const child = spawnWorkerProcess(
    { TMPDIR: tmp, SENSE_JOB_LEASE_MS: "1000", SENSE_WORKER_CONCURRENCY: "2" },
    "ignore",
  );
  started.push(child);
  return child;
};

async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await sleep(50);
  }
}

beforeAll(() => new Promise<void>((resolve) => model.listen(0, "127.0.0.1", resolve)));
afterAll(() => {
  started.forEach((p) => p.kill("SIGKILL"));
  model.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a strong build folder left by a runner killed mid-build", () => {
  it("is removed by the next runner's first build; the runner's own folders go when their build ends", async () => {
    await createProvider({
      name: "slow-builder",
      baseUrl: `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`,
      model: "slow-builder",
      maxConcurrency: 1,
    });
    const job = await createJob({
      kind: "strong",
      provider: "slow-builder",
      domains: ["slow builds"],
      questionsPerDatabase: 1,
    });

    const first = startWorker();
    await waitFor(() => databaseAnswers > 0 && buildFolders().length > 0, 60_000, "the first build to start");
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const left = buildFolders();
    expect(left).toHaveLength(1); // what kill -9 leaves

    const second = startWorker();
    await waitFor(
      () => left.every((name) => !fs.existsSync(path.join(tmp, name))),
      90_000,
      `the folder ${left[0]} of the killed runner to be removed`,
    );
    await waitFor(
      async () => (await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status === "done",
      90_000,
      "the job to finish",
    );
    second.kill("SIGTERM");
    expect(await prisma.targetDatabase.count({ where: { source: "synthesized" } })).toBe(1);
    expect(buildFolders()).toEqual([]);
  }, 240_000);
});
