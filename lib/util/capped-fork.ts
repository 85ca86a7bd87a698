import "server-only";
import { fork, type ChildProcess, type ForkOptions } from "node:child_process";

// Operating-system caps for a child process that runs untrusted SQL: better-sqlite3 is built with
// SQLITE_DEFAULT_MEMSTATUS=0, which makes `PRAGMA hard_heap_limit` a no-op, so the caps come from the
// kernel. A POSIX shell sets them and then becomes the Node process (exec), so IPC and extra pipes
// reach it unchanged. Without /bin/sh (Windows) the process runs uncapped.
// - memoryMb: RLIMIT_DATA (`ulimit -d`) caps the heap, SQLite's and JavaScript's together; JavaScript's
//   own heap is capped at half of it (--max-old-space-size), so SQLite gets SQLITE_NOMEM first;
// - fileMb: RLIMIT_FSIZE (`ulimit -f`) caps the size of every file the process writes (the write
//   past it fails: Node ignores SIGXFSZ).

export type ProcessCaps = { memoryMb: number; fileMb: number };

export const capsApply = process.platform !== "win32";

/** Forks `script` (run from source through tsx) under the caps. */
export function forkCapped(script: string, args: string[], caps: ProcessCaps, options: ForkOptions, nodeArgs: string[]): ChildProcess {
  const allNodeArgs = [`--max-old-space-size=${Math.max(64, Math.floor(caps.memoryMb / 2))}`, ...nodeArgs];
  const shell = `ulimit -d ${caps.memoryMb * 1024} 2>/dev/null; ulimit -f ${caps.fileMb * 2048} 2>/dev/null; exec "$0" "$@"`;
  return fork(script, args, {
    ...options,
    ...(capsApply ? { execPath: "/bin/sh", execArgv: ["-c", shell, process.execPath, ...allNodeArgs] } : { execArgv: allNodeArgs }),
  });
}
