import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { registerDatabase } from "@/lib/databases/register-database";
import { env } from "@/lib/env";
import { createJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { createProvider } from "@/lib/providers/providers";
import { withLocalModelServer } from "@/lib/testing/local-model-server";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// The stand-in weak model answers a question it does not know with `SELECT '<digest>' AS unknown`,
// as weak models answer what they cannot: before the label checks, every such answer became the
// rejected side of a pair. Now each is flagged as reading no table and none is paired.

const local = withLocalModelServer();

beforeAll(async () => {
  await createProvider({
    name: "weak",
    baseUrl: local.baseUrl(),
    model: "sense-demo-weak",
    maxConcurrency: 8,
  });
  const file = writeSqlite(
    path.join(env.dataDir, "src", "harbour.sqlite"),
    "CREATE TABLE boats (id INTEGER PRIMARY KEY, name TEXT, berth INTEGER); INSERT INTO boats VALUES (1, 'Wren', 4), (2, 'Tern', 7);",
  );
  const db = await registerDatabase({ name: "harbour", sourceFile: file, source: "path" });
  for (const [i, question] of ["Which boats are moored at berth 4?", "What is the name of boat 2?"].entries())
    await prisma.task.create({
      data: {
        databaseId: db.id,
        question,
        goldSql: i === 0 ? "SELECT name FROM boats WHERE berth = 4" : "SELECT name FROM boats WHERE id = 2",
        split: "dev",
        origin: "spider",
        sourceRef: `harbour:${i}`,
      },
    });
});

describe("a weak job whose model answers with constants", () => {
  it("flags every such answer as degenerate, with its error class, and makes no pair of them", async () => {
    const job = await createJob({
      kind: "weak",
      provider: "weak",
      tasks: { database: "harbour" },
      samples: 4,
    });
    await runWorker({ workerId: "degenerate", stopWhenIdle: true, pollMs: 20 });
    const candidates = await prisma.candidate.findMany({ where: { jobId: job.id } });
    expect(candidates).toHaveLength(8);
    for (const c of candidates) {
      expect(c.sql).toMatch(/^SELECT '[0-9a-f]{6}' AS unknown$/);
      expect(c).toMatchObject({
        verdict: "wrong_result",
        flags: "reads_no_table",
        errorClass: "values_differ",
      });
    }
    expect(await prisma.preferencePair.count({ where: { jobId: job.id } })).toBe(0);
  });
});
