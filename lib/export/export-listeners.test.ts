import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { exportToFile, startExport } from "@/lib/export/exports";
import { runWorker } from "@/lib/jobs/run-worker";
import { addPortsDatabase } from "@/lib/testing/export-fixtures";

// A large export writes its file in many chunks, each of which could wait for the disk: no wait
// may leave a listener behind (with ten or more, Node warns MaxListenersExceededWarning on every
// large export). The file here is about 7 MB, some 100 chunks of 64 KB.

const ROWS = 1_200;
const LONG = Array.from({ length: 400 }, (_, k) => `c${k}`).join(" + "); // about 10 KB of SQL a side

beforeAll(async () => {
  const db = await addPortsDatabase("listener_ports");
  const tasks = await prisma.task.createManyAndReturn({
    data: Array.from({ length: ROWS }, (_, k) => ({
      databaseId: db.id,
      question: `Which sum ${k}?`,
      goldSql: `SELECT ${LONG} + ${k} FROM ports`,
      split: "train",
      origin: "spider",
      sourceRef: `listeners:${k}`,
    })),
  });
  await prisma.preferencePair.createMany({
    data: tasks.map((t, k) => ({
      taskId: t.id,
      chosenSql: t.goldSql,
      chosenSource: "gold",
      rejectedSql: `SELECT ${LONG} - ${k} FROM ports`,
      status: "accepted",
    })),
  });
}, 60_000);

function watchWarnings() {
  const counts = () =>
    Object.fromEntries(process.eventNames().map((e) => [String(e), process.listenerCount(e)]));
  const before = counts();
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on("warning", onWarning);
  return {
    warnings,
    stop: () => {
      process.off("warning", onWarning);
      return { before, after: counts() };
    },
  };
}

describe("a large export", () => {
  it("leaves no listener behind and raises no warning, from the CLI's path and the dashboard's", async () => {
    const watch = watchWarnings();
    const cli = await exportToFile({ format: "trl-dpo" }, path.join(env.dataDir, "large", "pairs.jsonl"));
    expect(cli.rowCount).toBe(ROWS);
    const started = await startExport(
      { format: "trl-dpo-conversational", template: "schema-with-rows" },
      null,
    );
    await runWorker({ workerId: "listeners", stopWhenIdle: true, pollMs: 20 }); // the job runner writes it, in this process
    const row = await prisma.export.findUniqueOrThrow({ where: { id: started.id } });
    expect(row).toMatchObject({ status: "done", rowCount: ROWS });
    expect(JSON.parse(cli.manifestJson!).files[0].bytes).toBeGreaterThan(5_000_000);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next turn
    const { before, after } = watch.stop();
    expect(watch.warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    expect(after).toEqual(before);
  });
});
