import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { invalidInput } from "@/lib/errors";

export type GoldExample = { i: number; sql: string; dbId: string };

function readLines(file: string, what: string): string[] {
  if (!fs.existsSync(file)) throw invalidInput(`${what} file not found: ${file}`);
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Gold file in the official convention: one `SQL<TAB>db_id` per line (blank lines skipped, as they do). */
export function readGoldFile(file: string): GoldExample[] {
  const examples: GoldExample[] = [];
  readLines(file, "Gold").forEach((line, index) => {
    if (!line.trim()) return;
    const tab = line.lastIndexOf("\t");
    if (tab <= 0 || !line.slice(tab + 1).trim()) {
      throw invalidInput(`${path.basename(file)} line ${index + 1}: expected "SQL<TAB>db_id"`);
    }
    examples.push({ i: examples.length, sql: line.slice(0, tab).trim(), dbId: line.slice(tab + 1).trim() });
  });
  return examples;
}

/**
 * Prediction file: one SQL per line, in the gold file's order; text after a TAB is ignored (as the
 * official evaluators do). A blank line is an empty prediction when the counts line up; otherwise
 * blank lines are skipped, as the official evaluators skip them.
 */
export function readPredictionFile(file: string, expected: number): string[] {
  const all = readLines(file, "Prediction").map((l) => (l.split("\t")[0] ?? "").trim());
  const lines = all.length === expected ? all : all.filter(Boolean);
  if (lines.length !== expected) {
    throw invalidInput(
      `${path.basename(file)} has ${lines.length} predictions but the gold file has ${expected} examples (one SQL per line, same order).`,
    );
  }
  return lines;
}

const difficultyRecords = z.array(z.object({ difficulty: z.string().min(1) }).passthrough());

/** BIRD-style json (array with `difficulty`), in the gold file's order. */
export function readDifficultyFile(file: string, expected: number): string[] {
  if (!fs.existsSync(file)) throw invalidInput(`Difficulty file not found: ${file}`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw invalidInput(`${path.basename(file)}: malformed JSON (${(error as Error).message})`);
  }
  const parsed = difficultyRecords.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(
      `${path.basename(file)}: record ${String(issue?.path[0] ?? "?")}: ${issue?.message ?? "invalid"} (needs "difficulty")`,
    );
  }
  if (parsed.data.length !== expected) {
    throw invalidInput(
      `${path.basename(file)} has ${parsed.data.length} records but the gold file has ${expected} examples.`,
    );
  }
  return parsed.data.map((r) => r.difficulty);
}
