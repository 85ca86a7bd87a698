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
  const source = writeSqlite(path.join(env.dataDir, "incoming", "shop.sqlite"), "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'pen');");

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
    await expect(registerDatabase({ name: "shop", sourceFile: other, source: "path" })).rejects.toThrow('A database named "shop" is already registered.');
    const row = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "shop" } });
    expect(row.tableCount).toBe(1);
  });

  it("refuses files that are not SQLite, missing files and bad names, with messages that say which", async () => {
    const text = path.join(env.dataDir, "incoming", "notes.sqlite");
    fs.writeFileSync(text, "hello");
    await expect(registerDatabase({ name: "notes", sourceFile: text, source: "upload" })).rejects.toThrow("notes.sqlite is not a SQLite database (bad header).");
    await expect(registerDatabase({ name: "ghost", sourceFile: "/nope/ghost.sqlite", source: "path" })).rejects.toThrow("File not found: /nope/ghost.sqlite");
    await expect(registerDatabase({ name: "../escape", sourceFile: source, source: "path" })).rejects.toThrow(/name may hold letters/);
    expect(await prisma.targetDatabase.count({ where: { name: { in: ["notes", "ghost"] } } })).toBe(0);
    expect(fs.existsSync(path.join(env.databasesDir, "notes"))).toBe(false);
  });
});
