import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { registerDatabase } from "@/lib/databases/register-database";
import { listItemDatabases } from "@/lib/items/item-databases";
import { seedDemo } from "@/lib/seed/seed-demo";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const file = (name: string) =>
  writeSqlite(path.join(env.dataDir, "item-dbs", `${name}.sqlite`), "CREATE TABLE t (x INTEGER);");

describe("the databases the review and export filters offer", () => {
  it("are every database with items: a strong job's (samples, no tasks) marked as synthesized, the demo's (tasks); none without items", async () => {
    await seedDemo();
    const synthesized = await registerDatabase({
      name: "ferries_ab12_x1y2z3_1",
      sourceFile: file("ferries"),
      source: "synthesized",
    });
    await registerDatabase({ name: "empty_one", sourceFile: file("empty"), source: "path" });
    await prisma.sftSample.create({
      data: {
        databaseId: synthesized.id,
        question: "How many?",
        sql: "SELECT count(*) FROM t",
        origin: "strong",
        execStatus: "ok",
        difficulty: "easy",
      },
    });
    expect(await listItemDatabases()).toEqual([
      { name: "city_library", synthesized: false },
      { name: "ferries_ab12_x1y2z3_1", synthesized: true },
    ]);
  });
});
