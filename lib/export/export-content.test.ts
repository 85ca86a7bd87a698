import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "@/lib/export/export-formats";
import { exportToFile } from "@/lib/export/exports";
import { PROMPT_TEMPLATES } from "@/lib/export/prompt-templates";
import { addPairs, addPortsDatabase, addSamples, itemsOn, readLines } from "@/lib/testing/export-fixtures";
import { lineText } from "@/lib/testing/exported-lines";

// What a trainer reads from each line: the prompt and the answer meet without a doubled keyword,
// and the system instruction sits where the trainer looks for it.

const out = (name: string) => path.join(env.dataDir, "content", name);
const SELECT_AT_END = /\bSELECT\s*$/i;

beforeAll(async () => {
  const db = await addPortsDatabase("content_ports");
  await addSamples(db.id, itemsOn("content_ports", 3));
  await addPairs(db.id, [
    ...itemsOn("content_ports", 2),
    {
      question: "Which ports are there, with a CTE?",
      sql: "WITH p AS (SELECT name FROM ports) SELECT name FROM p",
      rejected: "SELECT 1",
    },
  ]);
});

describe("the code-comment template", () => {
  for (const format of EXPORT_FORMAT_NAMES) {
    it(`${format}: the prompt does not end in SELECT and every answer is the whole SQL as reviewed`, async () => {
      const done = await exportToFile({ format, template: "code-comment" }, out(`${format}-code.jsonl`));
      expect(done.status).toBe("done");
      const rows = readLines(out(`${format}-code.jsonl`));
      expect(rows.length).toBe(3);
      for (const row of rows) {
        const { user, answers } = lineText(format, row);
        expect(user).toContain("-- Question:");
        expect(user).not.toMatch(SELECT_AT_END);
        for (const answer of answers) {
          expect(answer).toMatch(/^(SELECT|WITH)\b/);
          expect(`${user}\n${answer}`).not.toMatch(/\bSELECT\s+SELECT\b/i); // what a model would learn to write
        }
      }
    });
  }
});

describe("the system instruction", () => {
  const system = PROMPT_TEMPLATES["sense-style"].system;
  for (const format of EXPORT_FORMAT_NAMES) {
    it(`${format}: sits in the trainer's system slot, not in the user's turn`, async () => {
      await exportToFile({ format }, out(`${format}-system.jsonl`));
      for (const row of readLines(out(`${format}-system.jsonl`))) {
        const text = lineText(format, row);
        if (format === "trl-dpo") {
          expect(text.user.startsWith(`${system}\n\n`)).toBe(true); // the standard DPO prompt is one string: the system text leads it
          continue;
        }
        expect(text.system).toBe(system);
        expect(text.user).not.toContain(system);
        expect(text.user).toContain("Question:");
      }
    });
  }

  it("is mapped as the system column in the LLaMA-Factory entries of the Alpaca formats", async () => {
    for (const format of ["alpaca", "llamafactory-alpaca-preference"] as const) {
      const entries = EXPORT_FORMATS[format].datasetInfo("f.jsonl") as { columns: Record<string, string> };
      expect(entries.columns.system).toBe("system");
    }
  });
});
