// A child process that builds one synthesized database and exits: model-written statements never
// run in the app's process, so a statement that computes for long or asks for much memory is stopped
// (the parent kills this process at its time limit; SQLite's heap is capped here).
import Database from "better-sqlite3";
import { materializeDatabase } from "@/lib/synthesis/strong/materialize-database";

const HEAP_LIMIT_BYTES = 256 * 1024 * 1024;

process.once("message", (request: { file: string; statements: string[] }) => {
  const probe = new Database(":memory:");
  probe.pragma(`hard_heap_limit = ${HEAP_LIMIT_BYTES}`); // process-wide: applies to the build below
  probe.close();
  let result: ReturnType<typeof materializeDatabase>;
  try {
    result = materializeDatabase(request.file, request.statements);
  } catch (error) {
    result = { ok: false, error: (error as Error).message };
  }
  process.send?.(result, () => process.exit(0));
});
