// The words for a query stopped at one of the sandbox's limits, shared by the pool and its processes.
import type { ExecFailure, ResourceCaps } from "@/lib/sql/exec/exec-types";

/** Failures of the engine itself (not of the SQL, kind "engine"): worth trying again. */
export const ENGINE_STOPPED = "The execution process stopped unexpectedly.";
export const ENGINE_NOT_STARTING = "The SQL execution process could not start; see the server log.";

export function engineFailure(message: string, elapsedMs: number): ExecFailure {
  return { ok: false, kind: "engine", message, elapsedMs };
}

export function timeoutFailure(timeoutMs: number, elapsedMs: number): ExecFailure {
  return {
    ok: false,
    kind: "timeout",
    message: `The query ran longer than ${timeoutMs} ms and was stopped.`,
    elapsedMs,
  };
}

export function cancelledFailure(elapsedMs: number): ExecFailure {
  return { ok: false, kind: "cancelled", message: "The query was cancelled and stopped.", elapsedMs };
}

export function memoryFailure(caps: ResourceCaps, elapsedMs: number): ExecFailure {
  return {
    ok: false,
    kind: "limit",
    message: `The query needed more than ${caps.memoryMb} MB of memory and was stopped.`,
    elapsedMs,
  };
}

export function tempDiskFailure(caps: ResourceCaps, elapsedMs: number): ExecFailure {
  return {
    ok: false,
    kind: "limit",
    message: `The query needed more than ${caps.tempMb} MB of temporary disk space and was stopped.`,
    elapsedMs,
  };
}

/**
 * An error thrown while a query ran, as the limit it hit, or null when it is the SQL's own error.
 * On a read-only connection SQLite writes only temporary files (sorts, DISTINCT, GROUP BY, CTEs), so
 * a failed write there is the per-file size cap (RLIMIT_FSIZE) or a full disk.
 */
export function limitFailure(error: unknown, caps: ResourceCaps, elapsedMs: number): ExecFailure | null {
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_NOMEM") return memoryFailure(caps, elapsedMs);
  if (
    error instanceof RangeError &&
    /allocation failed|invalid string length|longer than/i.test(error.message)
  )
    return memoryFailure(caps, elapsedMs);
  if (code === "SQLITE_FULL" || code === "SQLITE_IOERR_WRITE" || code === "SQLITE_IOERR_TRUNCATE")
    return tempDiskFailure(caps, elapsedMs);
  return null;
}
