import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { registerDatabase } from "@/lib/databases/register-database";
import { runConsoleQuery } from "@/lib/databases/console/run-console-query";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

afterAll(() => execPool().close());

describe("runConsoleQuery", () => {
  it("runs SQL on a registered database and never shows where its file is on the server", async () => {
    const source = writeSqlite(
      path.join(env.dataDir, "incoming", "shop.sqlite"),
      "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'pen');",
    );
    await registerDatabase({ name: "shop", sourceFile: source, source: "path" });
    expect(await runConsoleQuery({ database: "shop", sql: "SELECT name FROM items" })).toMatchObject({
      ok: true,
      rows: [["pen"]],
    });

    const huge = await runConsoleQuery({ database: "shop", sql: "SELECT zeroblob(50000000)" });
    expect(huge).toMatchObject({
      ok: true,
      rowCount: 0,
      truncated: true,
      truncation: "The first row alone is larger than 2 MB; no rows are shown.",
    });
    const syntax = await runConsoleQuery({ database: "shop", sql: "SELEC * FROM items" });
    expect(syntax).toMatchObject({
      ok: false,
      kind: "syntax",
      message: 'near "SELEC": syntax error (line 1, column 1)',
    });

    const listed = await runConsoleQuery({ database: "shop", sql: "SELECT file FROM pragma_database_list" });
    expect(listed).toMatchObject({
      ok: false,
      kind: "refused",
      message: "pragma_database_list is not allowed: it shows where database files are stored on the server.",
    });

    fs.rmSync(path.join(env.databasesDir, "shop", "shop.sqlite")); // gone behind the store's back
    const missing = await runConsoleQuery({ database: "shop", sql: "SELECT 1" });
    expect(missing).toMatchObject({
      ok: false,
      kind: "missing_database",
      message: "The database file of shop is missing; an admin can register it again.",
    });
    expect(JSON.stringify(missing)).not.toContain(env.dataDir);
  });
});
