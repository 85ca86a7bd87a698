import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { importBenchmark } from "@/lib/import/import-benchmark";
import { importFromServerFolder } from "@/lib/import/import-from-server";
import { listImportRuns } from "@/lib/import/read-import-runs";
import { writeBenchmarkFolder } from "@/lib/testing/sqlite-fixtures";

describe("Recent imports list failed imports with their error", () => {
  it("lists an import whose record is bad, with the message the form showed", async () => {
    const dir = writeBenchmarkFolder(path.join(env.dataDir, "fixtures", "bad-record"), {
      "dev.json": [{ db_id: "zoo", question: "No query?" }],
    });
    await expect(importBenchmark({ format: "spider", dir, split: "dev" })).rejects.toThrow(
      'dev.json: record 0: field "query"',
    );
    const [latest] = await listImportRuns();
    expect(latest).toMatchObject({
      status: "failed",
      dirPath: dir,
      format: "spider",
      split: "dev",
      error: expect.stringContaining('record 0: field "query"'),
    });
  });

  it("lists a dashboard import whose folder is not there, with the absolute path looked at", async () => {
    fs.mkdirSync(env.importRoots[0]!, { recursive: true });
    await expect(
      importFromServerFolder(
        { id: null, via: "ui" },
        { format: "bird", dir: "../no-such-bird", split: "dev" },
      ),
    ).rejects.toThrow("Path not found on the server");
    const [latest] = await listImportRuns();
    expect(latest).toMatchObject({
      status: "failed",
      dirPath: "../no-such-bird",
      format: "bird",
      error: expect.stringContaining(path.resolve(env.projectRoot, "..", "no-such-bird")),
    });
  });
});
