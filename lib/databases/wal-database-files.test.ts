import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getDatabaseDetail } from "@/lib/databases/read-databases";
import { databaseFilePath } from "@/lib/databases/database-files";
import { registerDatabase } from "@/lib/databases/register-database";
import { ExecPool } from "@/lib/sql/exec/exec-pool";

/** Every file of a folder with its size, modification time and sha256: what "nothing written beside it" compares. */
const listing = (dir: string) =>
  fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      return {
        name,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        sha256: crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
      };
    });

/**
 * A WAL-mode database as another program leaves it while it is open: committed transactions still
 * in its -wal (not checkpointed), then the frames of a transaction that never committed.
 */
function writeLiveWalDatabase(dir: string): { file: string; committedRows: number } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sense-wal-"));
  const live = path.join(scratch, "shop.sqlite");
  const db = new Database(live);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
  db.exec("INSERT INTO items (name) VALUES ('pen'), ('ink')");
  db.pragma("wal_checkpoint(TRUNCATE)"); // the main file knows the table and two rows
  const insert = db.prepare("INSERT INTO items (name) VALUES (?)");
  db.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`committed ${i}`);
  })();
  db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id))");
  db.exec("INSERT INTO orders (item_id) VALUES (1), (2), (3)");
  db.pragma("cache_size = 2"); // so that the open transaction below spills uncommitted frames into the -wal
  const committedLog = fs.statSync(`${live}-wal`).size;
  db.exec("BEGIN");
  for (let i = 0; i < 2000; i++) insert.run(`never committed ${"x".repeat(200)} ${i}`);
  if (fs.statSync(`${live}-wal`).size <= committedLog)
    throw new Error(
      "the open transaction wrote no frames to the -wal: the fixture does not test what it should",
    );
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal"])
    fs.copyFileSync(`${live}${suffix}`, path.join(dir, `shop.sqlite${suffix}`));
  db.exec("ROLLBACK");
  db.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  return { file: path.join(dir, "shop.sqlite"), committedRows: 502 };
}

describe("WAL-mode databases", () => {
  const pool = new ExecPool(1);
  afterAll(() => pool.close());

  it("are registered, previewed, queried and judged with nothing created or changed beside the file or its copy", async () => {
    const folder = path.join(env.importRoots[0]!, "wal-shop");
    const { file, committedRows } = writeLiveWalDatabase(folder);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const before = listing(folder);

    const registered = await registerDatabase({ name: "wal_shop", sourceFile: file, source: "path" });
    expect(listing(folder)).toEqual(before);

    // the copy holds what was committed, also what was only in the -wal, and none of the open transaction
    const schema = JSON.parse(registered.schemaJson ?? "{}") as {
      tables: { name: string; rowCount: number }[];
    };
    expect(schema.tables.map((t) => [t.name, t.rowCount])).toEqual([
      ["items", committedRows],
      ["orders", 3],
    ]);
    const copy = databaseFilePath(registered.filePath!);
    const header = fs.readFileSync(copy).subarray(18, 20);
    expect([...header]).toEqual([1, 1]); // a rollback-journal file: reading it never needs -shm or -wal
    const copies = path.dirname(copy);
    const copiesBefore = listing(copies);
    expect(copiesBefore.map((f) => f.name)).toEqual(["wal_shop.sqlite"]);

    const detail = await getDatabaseDetail("wal_shop");
    expect(detail.previews.find((p) => p.table === "orders")?.rows).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const query = await pool.run(copy, "SELECT count(*) FROM items WHERE name LIKE 'committed %'");
    expect(query).toMatchObject({ ok: true, rows: [[500]] });
    const [judged] = await pool.judge(
      [
        {
          dbFile: copy,
          goldSql: "SELECT count(*) FROM items",
          candidates: [`SELECT ${committedRows}`, "SELECT 1"],
        },
      ],
      "spider",
    );
    expect(judged?.verdicts.map((v) => v.match)).toEqual([true, false]);

    expect(listing(copies)).toEqual(copiesBefore);
    expect(listing(folder)).toEqual(before);
  });

  it("outside the data directory are not opened in place: the sandbox says why, and writes nothing beside them", async () => {
    const folder = path.join(env.importRoots[0]!, "wal-in-place");
    const { file } = writeLiveWalDatabase(folder);
    const before = listing(folder);
    const result = await pool.run(file, "SELECT count(*) FROM items");
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("shop.sqlite is in WAL mode"),
    });
    expect(listing(folder)).toEqual(before);
  });
});
