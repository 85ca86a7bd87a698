import type { ResultDifference } from "@/lib/review/result-diff";

const rowsText = (rows: unknown[][]) =>
  rows.map((r) => `(${r.map((v) => (v === null ? "NULL" : String(v))).join(", ")})`);

/** What differs between the two sides of a pair, in words and rows. */
export function ResultDifferenceView({ difference }: { difference: ResultDifference }) {
  const box = "rounded-lg border p-3 text-sm";
  switch (difference.kind) {
    case "both_failed":
      return (
        <p className={`${box} border-red-200 bg-red-50`} aria-label="Difference">
          Both sides fail to run.
        </p>
      );
    case "chosen_failed":
      return (
        <p className={`${box} border-red-200 bg-red-50`} aria-label="Difference">
          The chosen side fails to run; the rejected side returns rows. Swap them, or edit the chosen side.
        </p>
      );
    case "rejected_failed":
      return (
        <p className={`${box} border-amber-200 bg-amber-50`} aria-label="Difference">
          Error vs rows: the rejected SQL fails ({difference.message}); the chosen SQL returns rows.
        </p>
      );
    case "same_rows":
      return (
        <p className={`${box} border-amber-300 bg-amber-50`} aria-label="Difference">
          Both sides return the same rows (as compared here): this pair may not teach anything.
        </p>
      );
    case "rows_differ":
      return (
        <div className={`${box} border-slate-200 bg-white`} aria-label="Difference">
          <p>
            {difference.columnsDiffer ? "The sides return different numbers of columns. " : ""}
            <span className="font-medium text-emerald-800">
              {difference.missingCount} row(s) only in chosen
            </span>{" "}
            (missing from rejected),{" "}
            <span className="font-medium text-red-800">{difference.extraCount} row(s) only in rejected</span>{" "}
            (extra).
            {difference.partial ? " Compared on the first rows only." : ""}
          </p>
          <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2 font-mono text-xs">
            <ul aria-label="Rows missing from rejected">
              {rowsText(difference.missing).map((r, i) => (
                <li key={i} className="text-emerald-800">
                  − {r}
                </li>
              ))}
            </ul>
            <ul aria-label="Rows extra in rejected">
              {rowsText(difference.extra).map((r, i) => (
                <li key={i} className="text-red-800">
                  + {r}
                </li>
              ))}
            </ul>
          </div>
        </div>
      );
  }
}
