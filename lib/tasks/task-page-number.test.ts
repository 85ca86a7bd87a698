import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listTasks } from "@/lib/tasks/read-tasks";
import { locateTaskPage, tasksPageParamsSchema } from "@/lib/tasks/task-page-number";

const filters = (input: Record<string, unknown>) => tasksPageParamsSchema.parse(input);

beforeAll(async () => {
  const db = await prisma.targetDatabase.create({
    data: { name: "paged_numbers", source: "demo", fileStatus: "missing" },
  });
  await prisma.task.createMany({
    data: Array.from({ length: 23 }, (_, i) => ({
      databaseId: db.id,
      question: `Numbered ${i}`,
      goldSql: "SELECT 1",
      split: "dev",
      origin: "spider",
      sourceRef: `pn:${i}`,
    })),
  });
});

describe("locateTaskPage", () => {
  it("starts page N where Next → from page N-1 does", async () => {
    const f = filters({ database: "paged_numbers", pageSize: 10 });
    expect(await locateTaskPage(f, 1)).toEqual({ after: null });
    const first = await listTasks(f);
    expect(await locateTaskPage(f, 2)).toEqual({ after: first.nextCursor });
    const second = await listTasks({ ...f, after: first.nextCursor ?? undefined });
    expect(await locateTaskPage(f, 3)).toEqual({ after: second.nextCursor });
  });

  it("says a page past the end is past it, with how many pages there are", async () => {
    expect(await locateTaskPage(filters({ database: "paged_numbers", pageSize: 10 }), 99999)).toEqual({
      problem: "Page 99999 is past the end: the 23 tasks matching these filters fill 3 pages (10 a page).",
    });
    expect(await locateTaskPage(filters({ database: "no_such_database" }), 2)).toEqual({
      problem: "Page 2 is past the end: the 0 tasks matching these filters fill 1 page (50 a page).",
    });
    expect(await locateTaskPage(filters({ q: "Numbered" }), 2)).toHaveProperty(
      "problem",
      expect.stringContaining("text search"),
    );
  });
});
