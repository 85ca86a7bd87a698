import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { introspectSqlite } from "@/lib/sql/introspect-sqlite";
import { openReadonly } from "@/lib/sql/open-readonly";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

describe("introspectSqlite", () => {
  const file = writeSqlite(
    path.join(os.tmpdir(), `introspect-${process.pid}.sqlite`),
    `CREATE TABLE "order lines" (order_id INTEGER, line_no INTEGER, sku TEXT NOT NULL, PRIMARY KEY (line_no, order_id));
     CREATE TABLE orders (id INTEGER PRIMARY KEY, placed_on TEXT);
     CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders, line_order INTEGER, line_no INTEGER,
       FOREIGN KEY (line_no, line_order) REFERENCES "order lines"(line_no, order_id));
     INSERT INTO orders VALUES (1, '2025-01-01'), (2, '2025-01-02');
     CREATE VIEW recent AS SELECT * FROM orders;`,
  );
  const db = openReadonly(file);
  const schema = introspectSqlite(db);
  const table = (name: string) => schema.tables.find((t) => t.name === name);

  it("lists tables (not views) with row counts", () => {
    expect(schema.tables.map((t) => t.name)).toEqual(["order lines", "orders", "shipments"]);
    expect(table("orders")?.rowCount).toBe(2);
    expect(table("order lines")?.rowCount).toBe(0);
  });

  it("reads column types, NOT NULL and composite primary keys in key order", () => {
    expect(table("order lines")?.primaryKey).toEqual(["line_no", "order_id"]);
    expect(table("order lines")?.columns.find((c) => c.name === "sku")).toEqual({ name: "sku", type: "TEXT", notNull: true, primaryKey: false });
  });

  it("resolves a foreign key without target columns to the target's primary key, and keeps composite keys together", () => {
    expect(table("shipments")?.foreignKeys).toEqual(
      expect.arrayContaining([
        { columns: ["order_id"], refTable: "orders", refColumns: ["id"] },
        { columns: ["line_no", "line_order"], refTable: "order lines", refColumns: ["line_no", "order_id"] },
      ]),
    );
  });

  it("opens target databases so that writes are refused", () => {
    expect(() => db.exec("DELETE FROM orders")).toThrow(/readonly|read-only/i);
  });
});
