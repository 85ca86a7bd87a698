import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spiderHardness } from "@/lib/sql/spider-hardness";

// The official evaluator (evaluation.py, eval_hardness) puts Spider dev's 1034 gold queries at
// easy 248, medium 446, hard 174, extra 166.
const devFile = path.resolve(__dirname, "../../../shared/data/spider/dev.json");
const exists = fs.existsSync(devFile);

describe.skipIf(!exists)(
  `Spider dev hardness distribution (reads ${devFile}; skipped when it is missing)`,
  () => {
    it("matches the official evaluator: easy 248, medium 446, hard 174, extra 166", () => {
      const dev = JSON.parse(fs.readFileSync(devFile, "utf8")) as { query: string }[];
      expect(dev).toHaveLength(1034);
      const counts: Record<string, number> = { easy: 0, medium: 0, hard: 0, extra: 0 };
      for (const d of dev) {
        const hardness = spiderHardness(d.query);
        counts[hardness] = (counts[hardness] ?? 0) + 1;
      }
      expect(counts).toEqual({ easy: 248, medium: 446, hard: 174, extra: 166 });
    });
  },
);
