import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/store/apply-migrations";
import {
  defaultMigrationsDir,
  defaultSchemaFile,
  diffMigrationsToSchema,
  migrationStatus,
} from "./schema-engine";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "drift-"));
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(root, prefix));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree (after changing the schema run `npm run migration:create -- <name>`)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  }, 60_000);

  it("the check notices a schema change that no migration carries", async () => {
    const schema = fs
      .readFileSync(defaultSchemaFile, "utf8")
      .replace("model User {", "model User {\n  nickname String?");
    const file = path.join(tempDir("drift-"), "schema.prisma");
    fs.writeFileSync(file, schema);
    const sql = await diffMigrationsToSchema(file);
    expect(sql).toContain('ALTER TABLE "users" ADD COLUMN "nickname" TEXT;');
  }, 60_000);
});

describe("a store migrated by lib/store/apply-migrations, seen by Prisma's own engine", () => {
  it("is up to date for `prisma migrate status`, and an edited migration shows", async () => {
    const dir = path.join(tempDir("status-"), "migrations");
    fs.cpSync(defaultMigrationsDir, dir, { recursive: true });
    const file = path.join(dir, "..", "store.db");
    const { applied } = applyMigrations(file, dir);
    expect(await migrationStatus(file, dir)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
    const [first] = applied;
    fs.appendFileSync(path.join(dir, first!, "migration.sql"), "\n-- edited\n");
    expect((await migrationStatus(file, dir)).editedMigrationNames).toEqual([first]);
  }, 60_000);
});
