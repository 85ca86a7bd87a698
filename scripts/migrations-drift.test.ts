import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSchemaFile, diffMigrationsToSchema } from "./schema-engine";

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("agree (run `npm run migration:create -- <name>` after changing the schema)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  }, 60_000);

  it("the check notices a schema change that no migration carries", async () => {
    const schema = fs.readFileSync(defaultSchemaFile, "utf8").replace("model User {", "model User {\n  nickname String?");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "drift-")), "schema.prisma");
    fs.writeFileSync(file, schema);
    const sql = await diffMigrationsToSchema(file);
    expect(sql).toContain('"nickname" TEXT');
  }, 60_000);
});
