import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introspectSqlite } from "@/lib/sql/introspect-sqlite";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { openReadonly } from "@/lib/sql/open-readonly";
import type { DatabaseSchema } from "@/lib/sql/schema-types";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const caps = { maxTables: 500, maxColumns: 200 };

describe("introspectSqlite", () => {
  const file = writeSqlite(
    path.join(os.tmpdir(), `introspect-${process.pid}.sqlite`),
    `CREATE TABLE "order lines" (order_id INTEGER, line_no INTEGER, sku TEXT NOT NULL, PRIMARY KEY (line_no, order_id));
     CREATE TABLE orders (id INTEGER PRIMARY KEY, placed_on TEXT, total REAL, with_tax REAL GENERATED ALWAYS AS (total * 1.2) STORED,
       label TEXT AS ('order ' || id));
     CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders, line_order INTEGER, line_no INTEGER,
       FOREIGN KEY (line_no, line_order) REFERENCES "order lines"(line_no, order_id));
     CREATE VIRTUAL TABLE notes USING fts5(body);
     INSERT INTO orders (id, placed_on, total) VALUES (1, '2025-01-01', 10), (2, '2025-01-02', 20);
     CREATE VIEW recent AS SELECT * FROM orders;`,
  );
  const pool = new ExecPool(1);
  let schema: DatabaseSchema;
  beforeAll(async () => {
    schema = await introspectSqlite(pool, file, caps, "shop.sqlite");
  });
  afterAll(() => pool.close());
  const table = (name: string) => schema.tables.find((t) => t.name === name);

  it("lists tables (not views) with row counts, read in the sandbox", () => {
    expect(schema.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["notes", "order lines", "orders", "shipments"]),
    );
    expect(schema.tables.map((t) => t.name)).not.toContain("recent");
    expect(table("orders")?.rowCount).toBe(2);
    expect(table("order lines")?.rowCount).toBe(0);
  });

  it("reads column types, NOT NULL and composite primary keys in key order", () => {
    expect(table("order lines")?.primaryKey).toEqual(["line_no", "order_id"]);
    expect(table("order lines")?.columns.find((c) => c.name === "sku")).toEqual({
      name: "sku",
      type: "TEXT",
      notNull: true,
      primaryKey: false,
    });
  });

  it("shows generated columns (which PRAGMA table_info hides) and a virtual table's hidden columns, marked", () => {
    expect(table("orders")?.columns.map((c) => c.name)).toEqual([
      "id",
      "placed_on",
      "total",
      "with_tax",
      "label",
    ]);
    expect(table("orders")?.columns.find((c) => c.name === "with_tax")).toMatchObject({
      generated: "stored",
    });
    expect(table("orders")?.columns.find((c) => c.name === "label")).toMatchObject({ generated: "virtual" });
    expect(table("orders")?.columns.find((c) => c.name === "total")).not.toHaveProperty("generated");
    expect(
      table("notes")
        ?.columns.filter((c) => c.hidden)
        .map((c) => c.name),
    ).toEqual(["notes", "rank"]);
  });

  it("resolves a foreign key without target columns to the target's primary key, and keeps composite keys together", () => {
    expect(table("shipments")?.foreignKeys).toEqual(
      expect.arrayContaining([
        { columns: ["order_id"], refTable: "orders", refColumns: ["id"] },
        { columns: ["line_no", "line_order"], refTable: "order lines", refColumns: ["line_no", "order_id"] },
      ]),
    );
  });

  it("refuses a schema past the caps, naming the count and the cap", async () => {
    await expect(
      introspectSqlite(pool, file, { maxTables: 3, maxColumns: 200 }, "shop.sqlite"),
    ).rejects.toThrow(/^shop\.sqlite has \d+ tables; at most 3 can be registered \(SENSE_MAX_TABLES\)\.$/);
    await expect(
      introspectSqlite(pool, file, { maxTables: 500, maxColumns: 4 }, "shop.sqlite"),
    ).rejects.toThrow(
      'shop.sqlite: table "orders" has 5 columns; at most 4 a table can be registered (SENSE_MAX_COLUMNS).',
    );
  });

  it("opens target databases so that writes are refused", () => {
    const db = openReadonly(file);
    expect(() => db.exec("DELETE FROM orders")).toThrow(/readonly|read-only/i);
    db.close();
  });
});
