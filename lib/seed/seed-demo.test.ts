import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { seedDemo } from "@/lib/seed/seed-demo";
import { openReadonly } from "@/lib/sql/open-readonly";
import { cityLibraryTasks } from "@/lib/seed/city-library-tasks";

describe("seedDemo", () => {
  it("creates the city_library database with its tasks once", async () => {
    expect(await seedDemo()).toEqual({ databaseAdded: true, tasksAdded: cityLibraryTasks.length });
    expect(await seedDemo()).toEqual({ databaseAdded: false, tasksAdded: 0 });
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    expect(db.tableCount).toBe(6);
    expect(await prisma.task.count({ where: { databaseId: db.id } })).toBe(cityLibraryTasks.length);
    expect(cityLibraryTasks.length).toBeGreaterThanOrEqual(24);
    expect(new Set(cityLibraryTasks.map((t) => t.difficulty))).toEqual(
      new Set(["easy", "medium", "hard", "extra"]),
    );
  });

  it("every demo gold SQL executes and gives a non-empty, non-trivial answer", () => {
    const file = openReadonly(path.join(env.databasesDir, "city_library", "city_library.sqlite"));
    for (const task of cityLibraryTasks) {
      const rows = file.prepare(task.sql).raw(true).all() as unknown[][];
      const trivial = rows.length === 0 || rows.every((row) => row.every((v) => v === null));
      expect(trivial, `${task.question} -> ${JSON.stringify(rows.slice(0, 3))}`).toBe(false);
    }
    file.close();
  });

  it("is deterministic: questions whose answer is a single row have a unique top answer", () => {
    const file = openReadonly(path.join(env.databasesDir, "city_library", "city_library.sqlite"));
    const top = file
      .prepare("SELECT country, count(*) AS n FROM authors GROUP BY country ORDER BY n DESC LIMIT 2")
      .all() as { n: number }[];
    expect(top[0]!.n).toBeGreaterThan(top[1]!.n);
    file.close();
  });
});
