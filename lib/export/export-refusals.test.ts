import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { exportToFile, previewExport, startExport } from "@/lib/export/exports";
import { addPortsDatabase, addSamples, itemsOn } from "@/lib/testing/export-fixtures";

// Requests that cannot make a useful file are refused in words before any file is written and
// before an export is listed: nothing selected, or a date range that ends before it starts.

const dir = path.join(env.dataDir, "refused");
const filesIn = () => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

beforeAll(async () => {
  const db = await addPortsDatabase("refused_ports");
  await addSamples(db.id, itemsOn("refused_ports", 3));
});

describe("an export that would hold nothing", () => {
  const empty = [
    { format: "alpaca" as const, from: "2999-01-01" },
    { format: "trl-dpo" as const }, // no pairs at all
    { format: "messages" as const, statuses: ["rejected" as const] },
  ];
  for (const request of empty) {
    it(`${JSON.stringify(request)}: refused naming the filters, no file, nothing listed`, async () => {
      const before = await prisma.export.count();
      await expect(exportToFile(request, path.join(dir, "empty.jsonl"))).rejects.toThrow(
        /^Nothing to export: no (SFT samples|preference pairs) match /,
      );
      await expect(startExport(request, null)).rejects.toThrow("Nothing to export");
      await expect(previewExport(request)).rejects.toThrow("Nothing to export");
      expect(await prisma.export.count()).toBe(before);
      expect(filesIn()).toEqual([]);
    });
  }

  it("a database filter naming no database in the store is refused as that, not as an empty selection", async () => {
    const before = await prisma.export.count();
    const request = { format: "alpaca" as const, database: "no_such_database" };
    const said = "No database named “no_such_database” in the store";
    await expect(exportToFile(request, path.join(dir, "empty.jsonl"))).rejects.toThrow(said);
    await expect(startExport(request, null)).rejects.toThrow(said);
    await expect(previewExport(request)).rejects.toThrow(said);
    expect(await prisma.export.count()).toBe(before);
    expect(filesIn()).toEqual([]);
  });

  it("names the filters that selected nothing", async () => {
    await expect(
      exportToFile(
        { format: "alpaca", statuses: ["pending"], database: "refused_ports", from: "2999-01-01" },
        path.join(dir, "empty.jsonl"),
      ),
    ).rejects.toThrow(
      "Nothing to export: no SFT samples match status pending, database refused_ports, from 2999-01-01. Widen the selection.",
    );
  });
});

describe("a date range that ends before it starts", () => {
  it("is refused before anything is selected, naming both dates", async () => {
    const before = await prisma.export.count();
    const request = { format: "alpaca" as const, from: "2026-06-02", to: "2026-06-01" };
    await expect(exportToFile(request, path.join(dir, "inverted.jsonl"))).rejects.toThrow(
      "From (2026-06-02) is after To (2026-06-01)",
    );
    await expect(startExport(request, null)).rejects.toThrow("From (2026-06-02) is after To (2026-06-01)");
    await expect(previewExport(request)).rejects.toThrow("From (2026-06-02) is after To (2026-06-01)");
    expect(await prisma.export.count()).toBe(before);
    expect(filesIn()).toEqual([]);
  });

  it("takes a single day (From equal to To)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const done = await exportToFile(
      { format: "alpaca", from: today, to: today },
      path.join(dir, "today.jsonl"),
    );
    expect(done.rowCount).toBe(3);
  });
});
