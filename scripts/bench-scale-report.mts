// Part of `npm run bench:scale`: the table (rows = what, columns = store sizes, cells p50 / p95 ms).
import { percentile } from "./bench-app.mjs";
import type { Cell, Results } from "./bench-scale-measure.mjs";

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** "p50 / p95", with how many answered and what went wrong when something did. */
export function formatCell(cell: Cell | undefined): string {
  if (!cell) return "—";
  if ("text" in cell) return cell.text;
  const { times, timeouts, failures, n } = cell.series;
  const notes = [...(timeouts ? [`${timeouts} timed out`] : []), ...(failures ? [`${failures} failed`] : [])];
  const head = times.length ? `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}` : "no answer";
  return notes.length || n < 10 ? `${head} (n=${n}${notes.length ? `, ${notes.join(", ")}` : ""})` : head;
}

const label = (size: number) =>
  size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1_000 ? `${size / 1_000}k` : String(size);

/** The table in Markdown, one column per size, rows in the order they were first measured. */
export function formatTable(bySize: Map<number, Results>): string {
  const sizes = [...bySize.keys()];
  const rowNames: string[] = [];
  for (const results of bySize.values())
    for (const name of results.keys()) if (!rowNames.includes(name)) rowNames.push(name);
  const lines = [
    `| what (p50 / p95) | ${sizes.map(label).join(" | ")} |`,
    `|---|${sizes.map(() => "---").join("|")}|`,
  ];
  for (const name of rowNames)
    lines.push(`| ${name} | ${sizes.map((s) => formatCell(bySize.get(s)!.get(name))).join(" | ")} |`);
  return lines.join("\n");
}
