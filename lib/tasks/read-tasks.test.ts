import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getTask, listTaskFacets, listTasks } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

const filters = (input: Record<string, unknown>) => taskFiltersSchema.parse(input);

beforeAll(async () => {
  const make = (name: string) =>
    prisma.targetDatabase.create({ data: { name, source: "demo", fileStatus: "missing" } });
  const [a, b] = await Promise.all([make("alpha"), make("beta")]);
  await prisma.task.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      databaseId: i < 20 ? a.id : b.id,
      question: `Question ${i}${i % 5 === 0 ? " about owls" : ""}`,
      goldSql: "SELECT 1",
      split: i % 3 === 0 ? "dev" : "train",
      origin: i % 2 ? "spider" : "bird",
      difficulty: i % 2 ? null : "simple",
      sourceRef: `test:${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
    })),
  });
});

describe("listTasks", () => {
  it("pages on the server by keyset, forwards and back, in a stable order", async () => {
    const first = await listTasks(filters({ pageSize: 12 }));
    expect(first.total).toBe(30);
    expect(first.items.map((t) => t.question)[0]).toBe("Question 0 about owls");
    expect(first.prevCursor).toBeNull();
    const second = await listTasks(filters({ pageSize: 12, after: first.nextCursor }));
    const third = await listTasks(filters({ pageSize: 12, after: second.nextCursor }));
    expect(third.items).toHaveLength(6);
    expect(third.items.at(-1)?.question).toBe("Question 29");
    expect(third.nextCursor).toBeNull();
    const back = await listTasks(filters({ pageSize: 12, before: third.prevCursor }));
    expect(back.items.map((t) => t.id)).toEqual(second.items.map((t) => t.id));
    const start = await listTasks(filters({ pageSize: 12, before: back.prevCursor }));
    expect(start.items.map((t) => t.id)).toEqual(first.items.map((t) => t.id));
    expect(start.prevCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items].map((t) => t.id);
    expect(new Set(all).size).toBe(30);
  });

  it("searches text a span of tasks at a time and says where it stopped", async () => {
    const span = { searchSpan: 8 };
    const found: string[] = [];
    let page = await listTasks(filters({ q: "owls", pageSize: 50 }), span);
    expect(page.total).toBeNull();
    for (let requests = 1; ; requests++) {
      found.push(...page.items.map((t) => t.question));
      if (!page.nextCursor) break;
      expect(page.searchStopped).toBe(true);
      expect(requests).toBeLessThan(10);
      page = await listTasks(filters({ q: "owls", pageSize: 50, after: page.nextCursor }), span);
    }
    expect(found).toEqual([
      "Question 0 about owls",
      "Question 5 about owls",
      "Question 10 about owls",
      "Question 15 about owls",
      "Question 20 about owls",
      "Question 25 about owls",
    ]);
  });

  it("combines filters by database, split, origin, difficulty and question text", async () => {
    expect((await listTasks(filters({ database: "beta" }))).total).toBe(10);
    expect((await listTasks(filters({ database: "alpha", split: "dev" }))).total).toBe(7);
    expect((await listTasks(filters({ origin: "bird", difficulty: "simple" }))).total).toBe(15);
    const owls = await listTasks(filters({ q: "owls" }));
    expect(owls.items.map((t) => t.question)).toEqual([
      "Question 0 about owls",
      "Question 5 about owls",
      "Question 10 about owls",
      "Question 15 about owls",
      "Question 20 about owls",
      "Question 25 about owls",
    ]);
    expect(owls.items[5]?.databaseName).toBe("beta");
  });

  it("rejects out-of-range paging", () => {
    expect(() => filters({ pageSize: 0 })).toThrow();
    expect(() => filters({ pageSize: 1000 })).toThrow();
  });
});

describe("hardness", () => {
  it("is computed for tasks stored without it, and filters the list", async () => {
    const { backfillTaskHardness } = await import("@/lib/tasks/task-hardness");
    const beta = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "beta" } });
    await prisma.task.create({
      data: {
        databaseId: beta.id,
        question: "Hard one",
        goldSql: "SELECT a FROM t WHERE b NOT IN (SELECT b FROM u)",
        split: "dev",
        origin: "manual",
        sourceRef: "test:hard",
      },
    });
    expect(await backfillTaskHardness()).toBe(31);
    expect(await backfillTaskHardness()).toBe(0);
    const hard = await listTasks(filters({ hardness: "hard" }));
    expect(hard.items.map((t) => t.question)).toEqual(["Hard one"]);
    expect((await listTasks(filters({ hardness: "easy" }))).total).toBe(30);
    expect((await listTaskFacets()).hardnesses).toEqual(["easy", "hard"]);
    await prisma.task.delete({ where: { sourceRef: "test:hard" } });
    await prisma.task.updateMany({ data: { hardness: null } });
  });
});

describe("listTaskFacets and getTask", () => {
  it("lists the values present in the store", async () => {
    expect(await listTaskFacets()).toEqual({
      databases: ["alpha", "beta"],
      splits: ["dev", "train"],
      origins: ["bird", "spider"],
      difficulties: ["simple"],
      hardnesses: [],
    });
  });

  it("lists difficulties from the easiest level to the hardest, Spider's before BIRD's", async () => {
    const beta = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "beta" } });
    for (const difficulty of ["extra", "easy", "medium", "hard"]) {
      await prisma.task.create({
        data: {
          databaseId: beta.id,
          question: `A ${difficulty} one`,
          goldSql: "SELECT 1",
          split: "dev",
          origin: "manual",
          difficulty,
          sourceRef: `test:level-${difficulty}`,
        },
      });
    }
    expect((await listTaskFacets()).difficulties).toEqual(["easy", "medium", "hard", "extra", "simple"]);
    await prisma.task.deleteMany({ where: { sourceRef: { startsWith: "test:level-" } } });
  });

  it("finds one task with its database, or says it does not exist", async () => {
    const { items } = await listTasks(filters({ pageSize: 1 }));
    expect(items).toHaveLength(1);
    const task = await getTask(items[0]!.id);
    expect(task.database.name).toBe("alpha");
    await expect(getTask("nope")).rejects.toThrow('No task with id "nope".');
  });
});
