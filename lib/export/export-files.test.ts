import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { exportDownload } from "@/lib/export/export-download";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "@/lib/export/export-formats";
import { exportToFile, listExports, startExport } from "@/lib/export/exports";
import { runWorker } from "@/lib/jobs/run-worker";
import { LLAMA_FACTORY_ENTRIES } from "@/lib/export/trainer-schemas";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { editSftSample } from "@/lib/review/review-actions";
import { addPairs, addPortsDatabase, addSamples, itemsOn, readLines } from "@/lib/testing/export-fixtures";
import { lineText } from "@/lib/testing/exported-lines";
import { makeTestUser } from "@/lib/testing/test-accounts";

// The files of an export: LLaMA-Factory's dataset_info.json beside them, names that say which
// export they belong to, every line traceable to the item it came from, and a finished export a
// snapshot that later reviews do not change.

const out = (...parts: string[]) => path.join(env.dataDir, "files", ...parts);
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const FORMATS_WITH_ID = [
  "alpaca",
  "sharegpt",
  "messages",
  "trl-dpo",
  "trl-dpo-conversational",
  "llamafactory-alpaca-preference",
  "llamafactory-sharegpt-preference",
];

/** A dashboard export once the job runner has written it. */
async function finished(id: string) {
  await runWorker({ workerId: "export-files", stopWhenIdle: true, pollMs: 20 });
  return prisma.export.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  for (const [i, name] of ["files_a", "files_b", "files_c", "files_d"].entries()) {
    const db = await addPortsDatabase(name, `quays_${i}`);
    await addSamples(db.id, itemsOn(name, 5, `quays_${i}`));
    await addPairs(db.id, itemsOn(name, 5, `quays_${i}`));
  }
});

describe("LLaMA-Factory's dataset_info.json", () => {
  for (const format of [
    "alpaca",
    "sharegpt",
    "llamafactory-alpaca-preference",
    "llamafactory-sharegpt-preference",
  ] as const) {
    it(`${format}: written as dataset_info.json beside the files, an entry for train and one for validation`, async () => {
      const dir = out(`info-${format}`);
      await exportToFile({ format, validationFraction: 0.25 }, path.join(dir, "set.jsonl"));
      const info = JSON.parse(fs.readFileSync(path.join(dir, "dataset_info.json"), "utf8")) as Record<
        string,
        { file_name: string }
      >;
      expect(Object.keys(info).sort()).toEqual(["set-train", "set-validation"]);
      for (const entry of Object.values(info)) {
        LLAMA_FACTORY_ENTRIES[format]!.parse(entry);
        expect(fs.existsSync(path.join(dir, entry.file_name))).toBe(true);
      }
    });
  }

  it("keeps the entries of other exports in the folder, and refuses a dataset_info.json it cannot read", async () => {
    const dir = out("shared-folder");
    await exportToFile({ format: "alpaca" }, path.join(dir, "sft.jsonl"));
    await exportToFile({ format: "llamafactory-sharegpt-preference" }, path.join(dir, "pairs.jsonl"));
    await exportToFile({ format: "messages" }, path.join(dir, "chat.jsonl")); // not a LLaMA-Factory format: no entry
    const info = JSON.parse(fs.readFileSync(path.join(dir, "dataset_info.json"), "utf8"));
    expect(Object.keys(info).sort()).toEqual(["pairs", "sft"]);
    const broken = out("broken-folder");
    fs.mkdirSync(broken, { recursive: true });
    fs.writeFileSync(path.join(broken, "dataset_info.json"), "{ not json");
    const before = await prisma.export.count();
    await expect(exportToFile({ format: "alpaca" }, path.join(broken, "sft.jsonl"))).rejects.toThrow(
      `${path.join(broken, "dataset_info.json")} is not a JSON object`,
    );
    expect(fs.readFileSync(path.join(broken, "dataset_info.json"), "utf8")).toBe("{ not json");
    expect(fs.readdirSync(broken)).toEqual(["dataset_info.json"]);
    expect(await prisma.export.count()).toBe(before);
  });

  it("downloads from a dashboard export, naming its files", async () => {
    const started = await startExport({ format: "alpaca", validationFraction: 0.25 }, null);
    const done = await finished(started.id);
    const manifest = JSON.parse(done.manifestJson!);
    const response = await exportDownload(done.id, "dataset_info.json");
    const info = (await response.json()) as Record<string, { file_name: string }>;
    expect(
      Object.values(info)
        .map((e) => e.file_name)
        .sort(),
    ).toEqual(manifest.files.map((f: { name: string }) => f.name).sort());
  });
});

describe("file names", () => {
  it("carry the export's name or id, so successive exports never collide", async () => {
    const first = await finished((await startExport({ format: "trl-dpo" }, null)).id);
    const second = await finished((await startExport({ format: "trl-dpo" }, null)).id);
    const named = await finished(
      (await startExport({ format: "trl-dpo", name: "DPO run 3 (city)" }, null)).id,
    );
    const names = [first, second, named].map((e) => JSON.parse(e.manifestJson!).files[0].name as string);
    expect(names[0]).toBe(`trl-dpo-${first.id}.jsonl`);
    expect(names[1]).toBe(`trl-dpo-${second.id}.jsonl`);
    expect(names[2]).toBe(`dpo-run-3-city-${named.id}.jsonl`);
    const listed = await listExports();
    expect(listed.find((e) => e.id === named.id)).toMatchObject({ name: "DPO run 3 (city)" });
    const download = await exportDownload(named.id, names[2]!);
    expect(download.headers.get("content-disposition")).toContain(`filename="${names[2]}"`);
  });

  it("names the files in a folder given to the CLI the same way, and refuses a name it cannot use", async () => {
    const done = await exportToFile({ format: "messages", name: "chat v1" }, out("cli-folder") + path.sep);
    expect(fs.readdirSync(out("cli-folder")).sort()).toEqual([
      `chat-v1-${done.id}.jsonl`,
      `chat-v1-${done.id}.manifest.json`,
      `chat-v1-${done.id}.trace.jsonl`,
    ]);
    await expect(startExport({ format: "messages", name: "../../etc" }, null)).rejects.toThrow(
      "An export name",
    );
    await expect(startExport({ format: "messages", name: "x".repeat(81) }, null)).rejects.toThrow(
      "An export name",
    );
  });
});

describe("traceability", () => {
  for (const format of EXPORT_FORMAT_NAMES) {
    it(`${format}: every line maps to the item it came from (an id in the line where the format allows extra keys, always in the trace file)`, async () => {
      const done = await exportToFile({ format, validationFraction: 0.25 }, out("trace", `${format}.jsonl`));
      const manifest = JSON.parse(done.manifestJson!);
      const trace = readLines(out("trace", manifest.trace.name));
      expect(trace.length).toBe(done.rowCount);
      const kind = EXPORT_FORMATS[format].kind;
      for (const file of manifest.files as { name: string }[]) {
        const rows = readLines(out("trace", file.name));
        const mapped = trace.filter((t) => t.file === file.name);
        expect(mapped.map((t) => t.line)).toEqual(rows.map((_, i) => i + 1));
        for (const [i, row] of rows.entries()) {
          const id = mapped[i]!.id as string;
          if (FORMATS_WITH_ID.includes(format)) expect(row.id).toBe(id);
          else expect(row).not.toHaveProperty("id"); // OpenAI's line shapes take no other keys
          const item =
            kind === "sft"
              ? await prisma.sftSample.findUniqueOrThrow({ where: { id } })
              : await prisma.preferencePair.findUniqueOrThrow({ where: { id }, include: { task: true } });
          const question = "question" in item ? item.question : item.task.question;
          expect(lineText(format, row).user).toContain(question);
        }
      }
    });
  }
});

describe("a finished export is a snapshot", () => {
  it("keeps its bytes when a reviewer edits an item later; its trace records the item as it was exported", async () => {
    const file = out("snap", "snap.jsonl");
    const done = await exportToFile({ format: "alpaca", statuses: ["accepted", "edited"] }, file);
    const manifest = JSON.parse(done.manifestJson!);
    const before = fs.readFileSync(file, "utf8");
    const [first] = readLines(out("snap", manifest.trace.name));
    expect(first).toMatchObject({ file: "snap.jsonl", line: 1, status: "accepted", reviewedAt: null });
    // a reviewer takes the first item back and edits it
    await prisma.sftSample.update({ where: { id: first!.id as string }, data: { status: "pending" } });
    const reviewer = await makeTestUser("annotator");
    await claimReviewItems(reviewer.id, "sft", {}, { want: 50, leaseMs: 60_000, pin: first!.id as string });
    await editSftSample(reviewer, first!.id as string, { sql: "SELECT name FROM quays_0" });
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    expect(sha(file)).toBe(manifest.files[0].sha256);
    expect(await (await exportDownload(done.id, "snap.jsonl")).text()).toBe(before);
    expect(fs.statSync(file).mode & 0o222).toBe(0); // read-only once finished
    // a later export to the same place replaces the files: the earlier export says so instead of serving them
    const later = await exportToFile({ format: "alpaca", statuses: ["accepted", "edited"] }, file, {
      overwrite: true,
    });
    expect(readLines(file).some((r) => r.output === "SELECT name FROM quays_0")).toBe(true);
    await expect(exportDownload(done.id, "snap.jsonl")).rejects.toThrow(
      "was replaced after this export finished",
    );
    expect(await (await exportDownload(later.id, "snap.jsonl")).text()).toBe(fs.readFileSync(file, "utf8"));
  });
});
