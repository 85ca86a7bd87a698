import "server-only";
import { fork, type ChildProcess, type ForkOptions } from "node:child_process";
import os from "node:os";

// Operating-system caps for a child process that runs untrusted SQL: better-sqlite3 is built with
// SQLITE_DEFAULT_MEMSTATUS=0, which makes `PRAGMA hard_heap_limit` a no-op, so the caps come from the
// kernel. A POSIX shell sets them and then becomes the Node process (exec), so IPC and extra pipes
// reach it unchanged. Without /bin/sh (Windows) the process runs uncapped.
// - memoryMb: RLIMIT_DATA (`ulimit -d`) caps the heap, SQLite's and JavaScript's together; JavaScript's
//   own heap is capped at half of it (--max-old-space-size), so SQLite gets SQLITE_NOMEM first;
// - fileMb: RLIMIT_FSIZE (`ulimit -f`) caps the size of every file the process writes (the write
//   past it fails: Node ignores SIGXFSZ).
// The child also runs at a lower CPU priority than the server (ten niceness steps below it, on every platform): a
// query or a build that spins for its whole time limit then takes only the CPU the server leaves,
// so pages, health checks and the runner keep answering while it runs (bench:hostile measures it).

export const CHILD_NICENESS = 10;

export type ProcessCaps = { memoryMb: number; fileMb: number };

const capsApply = process.platform !== "win32";

/** Forks `script` (from source through tsx, or compiled: lib/util/child-entry.ts) under the caps. */
export function forkCapped(
  script: string,
  args: string[],
  caps: ProcessCaps,
  options: ForkOptions,
  nodeArgs: string[],
): ChildProcess {
  const allNodeArgs = [`--max-old-space-size=${Math.max(64, Math.floor(caps.memoryMb / 2))}`, ...nodeArgs];
  const shell = `ulimit -d ${caps.memoryMb * 1024} 2>/dev/null; ulimit -f ${caps.fileMb * 2048} 2>/dev/null; exec "$0" "$@"`;
  const child = fork(script, args, {
    ...options,
    ...(capsApply
      ? { execPath: "/bin/sh", execArgv: ["-c", shell, process.execPath, ...allNodeArgs] }
      : { execArgv: allNodeArgs }),
  });
  // the shell keeps its process id when it becomes Node (exec), so the priority set here stays
  if (child.pid !== undefined) {
    try {
      os.setPriority(child.pid, Math.min(19, os.getPriority() + CHILD_NICENESS));
    } catch {
      // the child already ended (its exit is reported through its events)
    }
  }
  return child;
}
