import type { ExecErrorKind } from "@/lib/sql/exec/exec-types";

const LABELS: Record<ExecErrorKind, string> = {
  timeout: "Timed out",
  refused: "Refused",
  syntax: "Syntax error",
  limit: "Error",
  error: "Error",
  missing_database: "Error",
  cancelled: "Cancelled",
  engine: "Error",
};

/** How a failed run is introduced: "Syntax error: near …", "Refused: …". */
export function failureLabel(kind: ExecErrorKind): string {
  return LABELS[kind];
}
