import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { registerDatabaseFromServerPath } from "@/lib/databases/register-server-path";
import { registerUploadedDatabase } from "@/lib/databases/register-upload";
import { runWorker } from "@/lib/jobs/run-worker";
import { importFromServerFolder } from "@/lib/import/import-from-server";
import { failInterruptedImports } from "@/lib/import/interrupted-imports";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { writeBenchmarkFolder, writeSqlite } from "@/lib/testing/sqlite-fixtures";
import { makeTestUser } from "@/lib/testing/test-accounts";

// Adding databases and importing benchmarks are in the audit log with the person who did it.

afterAll(() => execPool().close());

const entriesOf = async (action: string) =>
  (await prisma.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } })).map((e) => ({
    ...e,
    detail: JSON.parse(e.detailJson) as Record<string, unknown>,
  }));

describe("audit entries for databases and imports", () => {
  it("an upload and a registration by server path name the admin, the database and the file", async () => {
    const admin = await makeTestUser("admin", "Dee Base");
    const bytes = fs.readFileSync(
      writeSqlite(
        path.join(env.dataDir, "fixtures", "kiosk.sqlite"),
        "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);",
      ),
    );
    const form = new FormData();
    form.set("file", new File([bytes], "kiosk.sqlite"));
    const uploaded = await registerUploadedDatabase(
      admin,
      new Request("http://test/api/databases", { method: "POST", body: form }),
    );
    const [upload] = await entriesOf("database.upload");
    expect(upload).toMatchObject({
      userId: admin.id,
      via: "ui",
      targetType: "database",
      targetId: uploaded.id,
    });
    expect(upload!.detail).toMatchObject({
      name: "kiosk",
      file: "kiosk.sqlite",
      tables: 1,
      bytes: bytes.length,
    });

    const file = writeSqlite(
      path.join(env.importRoots[0]!, "ledger.sqlite"),
      "CREATE TABLE a (x INTEGER); CREATE TABLE b (y TEXT);",
    );
    const registered = await registerDatabaseFromServerPath(admin, { path: file });
    const [register] = await entriesOf("database.register");
    expect(register).toMatchObject({ userId: admin.id, targetType: "database", targetId: registered.id });
    expect(register!.detail).toMatchObject({ name: "ledger", path: file, tables: 2 });
    // a refused registration (the name is taken) writes nothing
    await expect(registerDatabaseFromServerPath(admin, { path: file })).rejects.toThrow("already registered");
    expect(await entriesOf("database.register")).toHaveLength(1);
  });

  it("an import writes started and finished (with counts), a refused one failed with the reason, an interrupted one failed at start-up", async () => {
    const admin = await makeTestUser("admin", "Imo Port");
    const dir = writeBenchmarkFolder(
      path.join(env.importRoots[0]!, "spider-mini"),
      { "dev.json": [{ db_id: "kiosk2", question: "How many?", query: "SELECT count(*) FROM t" }] },
      { kiosk2: "CREATE TABLE t (x INTEGER);" },
    );
    const { importRun } = await importFromServerFolder(admin, { format: "spider", split: "dev", dir });
    await runWorker({ workerId: "imports", stopWhenIdle: true, pollMs: 20 }); // the import runs on the job queue
    const [start] = await entriesOf("import.start");
    const [finish] = await entriesOf("import.finish");
    expect(start).toMatchObject({ userId: admin.id, targetType: "import", targetId: importRun.id });
    expect(start!.detail).toMatchObject({ format: "spider", split: "dev" });
    expect(finish).toMatchObject({ userId: admin.id, targetId: importRun.id });
    expect(finish!.detail).toMatchObject({
      records: 1,
      tasksAdded: 1,
      tasksSkipped: 0,
      databasesAdded: 1,
      databasesMissing: 0,
    });

    fs.writeFileSync(path.join(dir, "dev.json"), "[{ not json");
    await importFromServerFolder(admin, { format: "spider", split: "dev", dir });
    await runWorker({ workerId: "imports", stopWhenIdle: true, pollMs: 20 });
    const [refused] = await entriesOf("import.fail");
    // refused when its records were read: a failed run with the reason (listed under Recent imports), named by the entry
    const failedRun = await prisma.importRun.findFirstOrThrow({
      where: { status: "failed", dirPath: dir },
      orderBy: { createdAt: "desc" },
    });
    expect(refused).toMatchObject({ userId: admin.id, targetType: "import", targetId: failedRun.id });
    expect(refused!.detail).toMatchObject({
      format: "spider",
      dir,
      error: expect.stringContaining("dev.json"),
    });

    const run = await prisma.importRun.create({
      data: { format: "spider", dirPath: dir, split: "dev", status: "running", ownerProcess: null },
    });
    expect(await failInterruptedImports()).toBe(1);
    const interrupted = (await entriesOf("import.fail")).find((e) => e.targetId === run.id);
    expect(interrupted).toMatchObject({ userId: null, via: "system" });
    expect(interrupted!.detail.error).toContain("stopped while this import ran");
  });
});
