import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { registerDatabase } from "@/lib/databases/register-database";
import { readConsoleSchema } from "@/lib/databases/console/read-console-schema";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

describe("readConsoleSchema", () => {
  it("gives the console the tables, columns and types of a database, and names a database that does not exist", async () => {
    const source = writeSqlite(
      path.join(env.dataDir, "incoming", "farm.sqlite"),
      "CREATE TABLE fields (id INTEGER PRIMARY KEY, acres REAL); CREATE TABLE crops (name TEXT, field_id INTEGER REFERENCES fields(id));",
    );
    await registerDatabase({ name: "farm", sourceFile: source, source: "path" });
    const schema = await readConsoleSchema({ database: "farm" });
    expect(schema.database).toBe("farm");
    expect(schema.tables.map((t) => t.name).sort()).toEqual(["crops", "fields"]);
    expect(schema.tables.find((t) => t.name === "fields")?.columns).toEqual([
      { name: "id", type: "INTEGER" },
      { name: "acres", type: "REAL" },
    ]);
    await expect(readConsoleSchema({ database: "nowhere" })).rejects.toThrow('No database named "nowhere".');
  });
});
