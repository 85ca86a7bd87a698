import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { registerDatabase } from "@/lib/databases/register-database";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("registerDatabase", () => {
  const source = writeSqlite(
    path.join(env.dataDir, "incoming", "shop.sqlite"),
    "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'pen');",
  );

  it("copies the file into the data directory read-only, byte for byte, and records its schema", async () => {
    const before = sha(source);
    const db = await registerDatabase({ name: "shop", sourceFile: source, source: "path" });
    const copy = path.join(env.databasesDir, "shop", "shop.sqlite");
    expect(db.filePath).toBe(path.join("shop", "shop.sqlite"));
    expect(sha(copy)).toBe(before);
    expect(sha(source)).toBe(before);
    expect(db.fileSha256).toBe(before);
    expect(fs.statSync(copy).mode & 0o222).toBe(0);
    expect(db.tableCount).toBe(1);
    expect(JSON.parse(db.schemaJson ?? "{}").tables[0].rowCount).toBe(1);
  });

  it("refuses a name already taken and leaves the existing database as it was", async () => {
    const other = writeSqlite(path.join(env.dataDir, "incoming", "other.sqlite"), "CREATE TABLE t (x);");
    await expect(registerDatabase({ name: "shop", sourceFile: other, source: "path" })).rejects.toThrow(
      'The name "shop" is taken: a database is already registered under it. Choose another name, e.g. "shop_2".',
    );
    const row = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "shop" } });
    expect(row.tableCount).toBe(1);
  });

  it("refuses files that are not SQLite, missing files and bad names, with messages that say which", async () => {
    const text = path.join(env.dataDir, "incoming", "notes.sqlite");
    fs.writeFileSync(text, "hello");
    await expect(registerDatabase({ name: "notes", sourceFile: text, source: "upload" })).rejects.toThrow(
      "notes.sqlite is not a SQLite database (bad header).",
    );
    await expect(
      registerDatabase({ name: "ghost", sourceFile: "/nope/ghost.sqlite", source: "path" }),
    ).rejects.toThrow("File not found: /nope/ghost.sqlite");
    await expect(registerDatabase({ name: "../escape", sourceFile: source, source: "path" })).rejects.toThrow(
      /name may hold letters/,
    );
    expect(await prisma.targetDatabase.count({ where: { name: { in: ["notes", "ghost"] } } })).toBe(0);
    expect(fs.existsSync(path.join(env.databasesDir, "notes"))).toBe(false);
  });

  it("refuses 2000 tables of 201 columns, and a table of 201 columns, naming the count and the cap; nothing is stored or left behind", async () => {
    const create = (name: string, columns: number) =>
      `CREATE TABLE ${name} (${Array.from({ length: columns }, (_, i) => `c${i} TEXT`).join(", ")});`;
    const huge = writeSqlite(
      path.join(env.dataDir, "incoming", "huge.sqlite"),
      `BEGIN; ${Array.from({ length: 2000 }, (_, i) => create(`t${i}`, 201)).join("\n")} COMMIT;`,
    );
    await expect(registerDatabase({ name: "huge", sourceFile: huge, source: "upload" })).rejects.toThrow(
      "huge.sqlite has 2000 tables; at most 500 can be registered (SENSE_MAX_TABLES).",
    );
    const wide = writeSqlite(
      path.join(env.dataDir, "incoming", "wide.sqlite"),
      `${create("narrow", 3)}\n${create("wide_one", 201)}`,
    );
    await expect(registerDatabase({ name: "wide", sourceFile: wide, source: "upload" })).rejects.toThrow(
      'wide.sqlite: table "wide_one" has 201 columns; at most 200 a table can be registered (SENSE_MAX_COLUMNS).',
    );
    expect(await prisma.targetDatabase.count({ where: { name: { in: ["huge", "wide"] } } })).toBe(0);
    expect(fs.readdirSync(path.join(env.databasesDir, "huge"))).toEqual([]);
    expect(fs.readdirSync(path.join(env.databasesDir, "wide"))).toEqual([]);
  });

  const benchmark = path.resolve(__dirname, "../../../shared/data");
  const declared = [
    path.join(benchmark, "spider/tables.json"),
    path.join(benchmark, "bird-mini-dev/dev_tables.json"),
  ];
  const largest = ["hospital_1", "real_estate_properties"].map((db) =>
    path.join(benchmark, "spider/database", db, `${db}.sqlite`),
  );
  it.skipIf(![...declared, ...largest].every((f) => fs.existsSync(f)))(
    `the largest Spider and BIRD schemas fit under the caps (reads ${benchmark}; skipped when it is missing)`,
    async () => {
      type Declared = {
        db_id: string;
        table_names_original: string[];
        column_names_original: [number, string][];
      };
      for (const file of declared) {
        for (const db of JSON.parse(fs.readFileSync(file, "utf8")) as Declared[]) {
          const widest = Math.max(
            ...db.table_names_original.map(
              (_, t) => db.column_names_original.filter(([table]) => table === t).length,
            ),
          );
          expect(db.table_names_original.length, db.db_id).toBeLessThanOrEqual(env.SENSE_MAX_TABLES);
          expect(widest, db.db_id).toBeLessThanOrEqual(env.SENSE_MAX_COLUMNS); // BIRD's european_football_2 has 115
        }
      }
      const [mostTables, widest] = await Promise.all(
        largest.map((file) =>
          registerDatabase({ name: path.basename(file, ".sqlite"), sourceFile: file, source: "spider" }),
        ),
      );
      expect(mostTables!.tableCount).toBe(15);
      expect(
        Math.max(
          ...JSON.parse(widest!.schemaJson ?? "{}").tables.map(
            (t: { columns: unknown[] }) => t.columns.length,
          ),
        ),
      ).toBe(26);
    },
  );
});
