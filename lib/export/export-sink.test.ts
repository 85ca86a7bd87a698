import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { DigestSet } from "@/lib/export/digest-set";
import { ExportSink } from "@/lib/export/export-sink";

const digest = (text: string) => crypto.createHash("sha256").update(text).digest();

describe("the dedup digest set", () => {
  it("answers each digest new once, across growth, and ignores bytes past the 16th", () => {
    const set = new DigestSet(4);
    for (let i = 0; i < 5_000; i++) expect(set.add(digest(`k${i}`))).toBe(true);
    for (let i = 0; i < 5_000; i++) expect(set.add(digest(`k${i}`))).toBe(false);
    expect(set.size).toBe(5_000);
    const longer = Buffer.concat([digest("k1").subarray(0, 16), Buffer.from("other tail")]);
    expect(set.add(longer)).toBe(false);
    expect(set.add(Buffer.alloc(32))).toBe(true); // all zeros is a digest like any other
    expect(set.add(Buffer.alloc(32))).toBe(false);
  });
});

describe("an export file", () => {
  it("holds every line in order, multi-byte text and lines longer than a chunk included, with their bytes and sha256", () => {
    const dir = path.join(env.dataDir, "sink");
    fs.mkdirSync(dir, { recursive: true });
    const sink = new ExportSink(dir, "lines.jsonl");
    const lines = Array.from({ length: 3_000 }, (_, i) =>
      i === 1_500 ? "x".repeat(300_000) : `{"n":${i},"text":"Zürich → 東京 ${"é".repeat(i % 50)}"}`,
    );
    for (const line of lines) sink.writeLine(line);
    const sha = sink.finish();
    const text = fs.readFileSync(sink.partial, "utf8");
    expect(text).toBe(`${lines.join("\n")}\n`);
    expect(sink.figures).toEqual({ name: "lines.jsonl", rows: 3_000, bytes: Buffer.byteLength(text) });
    expect(sha).toBe(crypto.createHash("sha256").update(text).digest("hex"));
    sink.discard();
    expect(fs.existsSync(sink.partial)).toBe(false);
  });
});
