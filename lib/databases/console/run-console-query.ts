import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { describeTruncation } from "@/lib/databases/console/describe-truncation";
import { toDisplayValue, type DisplayValue } from "@/lib/sql/display-value";
import type { ExecErrorKind } from "@/lib/sql/exec/exec-types";
import { interactiveLimits, runOnDatabase } from "@/lib/sql/run-on-database";

export const consoleQueryInputSchema = z.object({
  database: z.string().trim().min(1, "choose a database"),
  sql: z.string().max(100_000, "the SQL is longer than 100,000 characters"),
});

export type ConsoleQueryResult =
  | {
      ok: true;
      columns: string[];
      rows: DisplayValue[][];
      rowCount: number;
      truncated: boolean;
      truncation: string | null;
      elapsedMs: number;
      maxRows: number;
    }
  | { ok: false; kind: ExecErrorKind; message: string; elapsedMs: number };

/** Runs SQL typed in the console on a registered database, through the sandbox, within the caps, until `signal` aborts. */
export async function runConsoleQuery(
  input: z.infer<typeof consoleQueryInputSchema>,
  signal?: AbortSignal,
): Promise<ConsoleQueryResult> {
  const db = await prisma.targetDatabase.findUnique({ where: { name: input.database } });
  if (!db) throw notFound(`No database named "${input.database}".`);
  if (db.fileStatus !== "ok" || !db.filePath)
    throw invalidInput(`${db.name} has no database file to run SQL on (${db.fileStatus}).`);
  // a signal: the client went away or cancelled, and the query's process is stopped
  const result = await runOnDatabase(db.filePath, input.sql, { signal });
  // the file vanished since it was registered: say so without its server path
  if (!result.ok && result.kind === "missing_database")
    return {
      ...result,
      message: `The database file of ${db.name} is missing; an admin can register it again.`,
    };
  if (!result.ok) return result;
  const { columns, rowCount, truncated, elapsedMs } = result;
  return {
    ok: true,
    columns,
    rows: result.rows.map((row) => row.map(toDisplayValue)),
    rowCount,
    truncated,
    truncation: describeTruncation(result),
    elapsedMs,
    maxRows: interactiveLimits().maxRows,
  };
}
