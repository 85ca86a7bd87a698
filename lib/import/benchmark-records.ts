import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { ImportError } from "@/lib/import/import-error";
import { readJsonFile } from "@/lib/import/read-json-file";
import type { BenchmarkLayout } from "@/lib/import/benchmark-layout";

const text = z.string().trim().min(1);

const spiderRecordSchema = z.object({ db_id: text, question: text, query: text });
const birdRecordSchema = z.object({
  db_id: text,
  question: text,
  SQL: text,
  evidence: z.string().optional().default(""),
  difficulty: z.enum(["simple", "moderate", "challenging"]).optional(),
});

/** One question of a benchmark, ready to become a Task. */
export type BenchmarkRecord = {
  dbId: string;
  question: string;
  evidence: string | null;
  goldSql: string;
  difficulty: string | null;
  sourceRef: string;
};

/** Reads every question file of the layout; any bad record stops the import before it writes. */
export function readBenchmarkRecords(layout: BenchmarkLayout): BenchmarkRecord[] {
  return layout.recordFiles.flatMap((file) => readRecordFile(layout, file));
}

function readRecordFile(layout: BenchmarkLayout, file: string): BenchmarkRecord[] {
  const name = path.basename(file);
  const data = readJsonFile(file);
  if (!Array.isArray(data)) throw new ImportError(`${name}: expected a JSON array of records`, { file });
  return data.map((raw, index) => {
    const record = parseRecord(layout, raw);
    if (!record.success) {
      const issue = record.error.issues[0];
      const field = issue?.path.join(".") || "(record)";
      throw new ImportError(`${name}: record ${index}: field "${field}": ${issue?.message ?? "invalid"}`, {
        file,
        index,
        field,
      });
    }
    const { dbId, question, goldSql } = record.data;
    const digest = crypto.createHash("sha1").update(`${dbId}\u0000${question}\u0000${goldSql}`).digest("hex");
    return {
      ...record.data,
      sourceRef: `${layout.format}:${layout.split}:${name}#${index}:${digest.slice(0, 12)}`,
    };
  });
}

type ParsedRecord = Omit<BenchmarkRecord, "sourceRef">;

function parseRecord(layout: BenchmarkLayout, raw: unknown) {
  if (layout.format === "spider") {
    return spiderRecordSchema
      .transform((r): ParsedRecord => ({
        dbId: r.db_id,
        question: r.question,
        evidence: null,
        goldSql: r.query,
        difficulty: null,
      }))
      .safeParse(raw);
  }
  return birdRecordSchema
    .transform((r): ParsedRecord => ({
      dbId: r.db_id,
      question: r.question,
      evidence: r.evidence.trim() || null,
      goldSql: r.SQL,
      difficulty: r.difficulty ?? null,
    }))
    .safeParse(raw);
}
