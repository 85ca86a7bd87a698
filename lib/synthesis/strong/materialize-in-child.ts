import "server-only";
import { env } from "@/lib/env";
import { forkCapped } from "@/lib/util/capped-fork";
import { childEntry } from "@/lib/util/child-entry";

export type MaterializeResult = { ok: true; rows: number } | { ok: false; error: string };

// The kernel caps the build (SQLite's own heap limit is a no-op in this driver build): 256 MiB of
// memory, and no file past 128 MiB (the database stops at 64 MiB, its journal beside it).
const CAPS = { memoryMb: 256, fileMb: 128 };

/** Builds a database from checked statements in a child process that is killed past `timeoutMs`. */
export function materializeInChild(
  file: string,
  statements: string[],
  timeoutMs = 30_000,
): Promise<MaterializeResult> {
  return new Promise((resolve) => {
    const { script, nodeArgs } = childEntry(env.projectRoot, "lib/entries/materialize-child.ts");
    const child = forkCapped(
      script,
      [],
      CAPS,
      { cwd: env.projectRoot, serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] },
      nodeArgs,
    );
    let settled = false;
    const finish = (result: MaterializeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill("SIGKILL");
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: `building the database took longer than ${timeoutMs / 1000} s and was stopped`,
        }),
      timeoutMs,
    );
    child.on("message", (result: MaterializeResult) => finish(result));
    // "close", not "exit": a busy parent can see the exit before the message the child sent just before
    // it; "close" comes once the IPC channel is drained too, so a result sent is never lost
    child.on("close", (code, signal) =>
      finish({ ok: false, error: `the process building the database stopped (${signal ?? `exit ${code}`})` }),
    );
    child.on("error", (error) =>
      finish({ ok: false, error: `the process building the database could not start: ${error.message}` }),
    );
    child.send({ file, statements });
  });
}
