// Why a console result holds fewer rows than the query returns, in words.
import type { ExecSuccess } from "@/lib/sql/exec/exec-types";

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** Null when the result is whole; otherwise which cap cut it and how many rows are shown. */
export function describeTruncation(
  result: Pick<ExecSuccess, "truncated" | "truncatedBy" | "maxRows" | "maxBytes" | "rowCount">,
): string | null {
  if (!result.truncated) return null;
  const shown =
    result.rowCount === 0
      ? "no rows are shown"
      : `only the first ${result.rowCount} ${result.rowCount === 1 ? "row is" : "rows are"} shown`;
  if (result.truncatedBy === "bytes") {
    const size = result.maxBytes === undefined ? "the most a result may hold" : megabytes(result.maxBytes);
    return result.rowCount === 0
      ? `The first row alone is larger than ${size}; ${shown}.`
      : `The result is larger than ${size}; ${shown}.`;
  }
  return `The query returns more than ${result.maxRows ?? result.rowCount} rows; ${shown}.`;
}
