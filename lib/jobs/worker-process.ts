import "server-only";
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { env, inheritedEnv } from "@/lib/env";

/**
 * A job runner in a process of its own: the program of `npm run worker`, with this process's
 * environment plus `extraEnv` (the app's embedded runner, and tests that kill or crowd runners).
 */
export function spawnWorkerProcess(extraEnv: Record<string, string>, stdio: StdioOptions): ChildProcess {
  return spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(env.projectRoot, "lib", "entries", "worker.ts"),
    ],
    {
      cwd: env.projectRoot,
      env: { ...inheritedEnv(), ...extraEnv },
      stdio,
    },
  );
}
