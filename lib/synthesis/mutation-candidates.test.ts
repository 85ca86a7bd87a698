import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { readGoldFile } from "@/lib/eval/eval-inputs";
import { compareResults } from "@/lib/sql/compare-results";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { buildCityLibraryDatabase } from "@/lib/seed/build-demo-database";
import { cityLibraryTasks } from "@/lib/seed/city-library-tasks";
import { mutationCandidates } from "@/lib/synthesis/mutation-candidates";

const pool = new ExecPool(2);
afterAll(() => pool.close());

describe("mutationCandidates on the demo database", () => {
  const file = path.join(env.dataDir, "mutations", "city_library.sqlite");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildCityLibraryDatabase(file);

  it("finds wrong answers for the demo tasks, each one running to a different result", async () => {
    const db = new Database(file, { readonly: true });
    const uncovered: string[] = [];
    for (const task of cityLibraryTasks) {
      const outcome = await mutationCandidates(
        pool,
        { dbFile: file, goldSql: task.sql },
        { metric: "spider" },
      );
      if (!outcome.kept.length) uncovered.push(task.sql);
      const gold = db.prepare(task.sql).raw(true).all() as unknown[][];
      for (const mutant of outcome.kept) {
        const rows = db.prepare(mutant.sql).raw(true).all() as unknown[][];
        expect(
          compareResults({ gold: { rows: gold }, pred: { rows }, goldSql: task.sql, metric: "spider" }).match,
          mutant.sql,
        ).toBe(false);
      }
    }
    db.close();
    // only the two questions with nothing to perturb (no condition, aggregate choice, order or limit)
    expect(uncovered).toEqual(["SELECT count(*) FROM branches", "SELECT DISTINCT genre FROM books"]);
  });

  it("drops mutants that give the same result or fail, and keeps at most `keep`", async () => {
    const outcome = await mutationCandidates(
      pool,
      { dbFile: file, goldSql: "SELECT count(*) FROM books WHERE pages > 0 LIMIT 5" },
      { metric: "spider", keep: 1 },
    );
    expect(outcome.dropped.map((d) => `${d.mutant.kind}:${d.reason}`)).toEqual(
      expect.arrayContaining(["drop-condition:same result", "change-limit:same result"]),
    );
    expect(outcome.kept).toHaveLength(1);
    expect(outcome.kept[0]!.kind).toBe("flip-comparison");
  });
});

const spider = path.resolve(env.projectRoot, "..", "shared", "data", "spider");
describe.skipIf(!fs.existsSync(path.join(spider, "dev_gold.sql")))(
  `mutations on the Spider dev set (needs ${spider})`,
  () => {
    it("yields at least one wrong answer for most tasks", async () => {
      const gold = readGoldFile(path.join(spider, "dev_gold.sql")).filter((g) => g.dbId !== "wta_1");
      let covered = 0;
      for (const g of gold) {
        const dbFile = path.join(spider, "database", g.dbId, `${g.dbId}.sqlite`);
        if ((await mutationCandidates(pool, { dbFile, goldSql: g.sql }, { metric: "spider" })).kept.length)
          covered++;
      }
      console.log(`mutation coverage on Spider dev: ${covered}/${gold.length} tasks with a wrong answer`);
      expect(covered / gold.length).toBeGreaterThan(0.8);
    }, 120_000);
  },
);
