// A child process that builds one synthesized database and exits, started by materializeInChild
// (lib/synthesis/strong/materialize-in-child.ts): model-written statements never run in the app's
// process, so a statement that computes for long or asks for much memory is stopped (the parent
// kills this process at its time limit; the kernel caps its memory and file sizes: see
// lib/util/capped-fork.ts, as SQLite's own heap limit is a no-op in this driver build). It takes one
// request, runs materializeDatabase (lib/synthesis/strong/materialize-database.ts), answers, exits.
import { materializeDatabase } from "@/lib/synthesis/strong/materialize-database";

process.once("message", (request: { file: string; statements: string[] }) => {
  let result: ReturnType<typeof materializeDatabase>;
  try {
    result = materializeDatabase(request.file, request.statements);
  } catch (error) {
    result = { ok: false, error: (error as Error).message };
  }
  process.send?.(result, () => process.exit(0));
});
