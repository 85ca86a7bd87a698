// npm run bench:extract [-- SIZE] — how long the readers of model text take on adversarial answers
// (lib/testing/adversarial-texts.ts) of 200,000 characters and of SIZE (default 4 MiB, the most the
// model client reads of a reply), and, for comparison, the backtracking pattern they replaced.
import { extractSql } from "../lib/llm/extract-sql";
import { parseDatabaseScript } from "../lib/synthesis/strong/database-script";
import { parseDomainList } from "../lib/synthesis/strong/domain-list";
import { parseQuestionsAnswer } from "../lib/synthesis/strong/questions-answer";
import { adversarialTexts } from "../lib/testing/adversarial-texts";

const readers = { extractSql, parseQuestionsAnswer, parseDatabaseScript, parseDomainList } as const;
const big = Number(process.argv[2] ?? 4 * 1024 * 1024);

const ms = (fn: () => unknown) => {
  const started = performance.now();
  fn();
  return performance.now() - started;
};

for (const size of [200_000, big]) {
  console.log(`\nanswers of ${size.toLocaleString("en")} characters: ms per reader (slowest shape first)`);
  const rows = adversarialTexts(size).map(([shape, text]) => ({
    shape,
    times: Object.values(readers).map((read) => ms(() => read(text))),
  }));
  rows.sort((a, b) => Math.max(...b.times) - Math.max(...a.times));
  console.log(
    `${"shape".padEnd(44)} ${Object.keys(readers)
      .map((n) => n.padStart(22))
      .join("")}`,
  );
  for (const row of rows)
    console.log(`${row.shape.padEnd(44)} ${row.times.map((t) => t.toFixed(1).padStart(22)).join("")}`);
  const worst = Math.max(...rows.flatMap((r) => r.times));
  console.log(`slowest: ${worst.toFixed(1)} ms = ${(size / 1e6 / (worst / 1000)).toFixed(0)} M characters/s`);
}

console.log("\nthe pattern extractSql used before, /\\{[\\s\\S]*\\}/, on open braces (quadratic):");
for (const n of [10_000, 20_000, 40_000])
  console.log(
    `  ${n.toLocaleString("en").padStart(7)} characters: ${ms(() => /\{[\s\S]*\}/.exec("{".repeat(n))).toFixed(0)} ms`,
  );
