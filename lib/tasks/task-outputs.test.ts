import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readTaskOutputs } from "@/lib/tasks/task-outputs";

describe("readTaskOutputs", () => {
  it("lists a task's candidates and pairs, newest first, with their totals, and nothing of other tasks", async () => {
    const db = await prisma.targetDatabase.create({
      data: { name: "outputs_db", source: "demo", fileStatus: "missing" },
    });
    const [task, other] = await Promise.all(
      ["a", "b"].map((k) =>
        prisma.task.create({
          data: {
            databaseId: db.id,
            question: `Q ${k}?`,
            goldSql: "SELECT 1",
            split: "dev",
            origin: "spider",
            sourceRef: `outputs:${k}`,
          },
        }),
      ),
    );
    for (let i = 0; i < 3; i++) {
      await prisma.candidate.create({
        data: {
          taskId: task!.id,
          source: "mutation",
          sql: `SELECT ${i + 2}`,
          verdict: "wrong_result",
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        },
      });
    }
    await prisma.candidate.create({
      data: { taskId: other!.id, source: "mutation", sql: "SELECT 9", verdict: "correct" },
    });
    await prisma.preferencePair.create({
      data: {
        taskId: task!.id,
        chosenSql: "SELECT 1",
        chosenSource: "gold",
        rejectedSql: "SELECT 2",
        finalChosenSql: "SELECT 1 AS one",
      },
    });

    const outputs = await readTaskOutputs(task!.id, 2);
    expect(outputs.candidates.total).toBe(3);
    expect(outputs.candidates.items.map((c) => c.sql)).toEqual(["SELECT 4", "SELECT 3"]);
    expect(outputs.pairs).toMatchObject({
      total: 1,
      items: [{ status: "pending", chosenSql: "SELECT 1 AS one", rejectedSql: "SELECT 2" }],
    });
  });
});
