import "server-only";
import type { ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { env } from "@/lib/env";
import { forkCapped } from "@/lib/util/capped-fork";
import { childEntry } from "@/lib/util/child-entry";
import type { JudgeProgress, JudgeReport, ResourceCaps, RunResponse } from "@/lib/sql/exec/exec-types";

// One execution child process (lib/entries/sql-exec-child.ts), started under operating-system caps
// that SQLite's own heap limit cannot give here: better-sqlite3 is built with SQLITE_DEFAULT_MEMSTATUS=0, which turns
// `PRAGMA hard_heap_limit` into a no-op (measured: a 64 MB limit let a query take 1.1 GB).
// - memory: RLIMIT_DATA (`ulimit -d`) caps the process's heap, SQLite's and JavaScript's together;
//   JavaScript's own heap is capped below it (--max-old-space-size), so SQLite gets SQLITE_NOMEM, a
//   catchable error, and a result too big for the JavaScript heap ends the process (SIGABRT);
// - temporary disk: RLIMIT_FSIZE (`ulimit -f`) caps the size of every file the process writes, and
//   SQLite writes only temporary files here (sorts, DISTINCT, GROUP BY, materialized CTEs): the write
//   past the cap fails (Node ignores SIGXFSZ) and SQLite reports an I/O error. Temporary files are
//   deleted by SQLite as they are opened, so a killed process leaves none behind.
// lib/util/capped-fork.ts sets the caps (a POSIX shell that then becomes the Node process).

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

export type ExecProcessEvents = {
  ready(): void;
  response(message: RunResponse): void;
  progress(progress: JudgeProgress): void;
  /** The process is gone and everything it wrote has been read. */
  gone(info: ExitInfo): void;
};

/** The process, and the pipes it holds open (the pool unrefs them while it has no work). */
export type ExecProcess = { child: ChildProcess; pipes: (Socket | null)[]; kill(): void };

const MAX_LOGGED = 2_000; // characters of a process's stderr passed on to the server log (a JavaScript heap overflow prints pages)

export function startExecProcess(caps: ResourceCaps, events: ExecProcessEvents): ExecProcess {
  // tsx's CommonJS hook starts in a third of the time of its ESM loader (measured 0.3-0.5 s against
  // 1.0-2.2 s on the loaded 2-core machine), and every process killed at a limit is started again;
  // the compiled CLI starts it from its own build instead (lib/util/child-entry.ts)
  const { script, nodeArgs } = childEntry(env.projectRoot, "lib/entries/sql-exec-child.ts");
  const child = forkCapped(
    script,
    [String(caps.memoryMb), String(caps.tempMb)],
    { memoryMb: caps.memoryMb, fileMb: caps.tempMb },
    {
      // inherits the environment; tsx finds tsconfig.json from the working folder or TSX_TSCONFIG_PATH (bin/sense.mjs)
      cwd: env.projectRoot,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "pipe", "ipc", "pipe", "pipe"],
    },
    nodeArgs,
  );
  let logged = 0;
  let heapReport = false; // V8's report of a JavaScript heap overflow: pages of GC figures and native frames
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => {
    const lines = text.split("\n").filter((line) => {
      if (line.startsWith("<--- Last few GCs --->")) heapReport = true;
      return line.trim() && (!heapReport || line.startsWith("FATAL ERROR"));
    });
    for (const line of lines) {
      if (logged >= MAX_LOGGED) return;
      logged += line.length;
      process.stderr.write(
        `[exec ${child.pid}] ${line}\n${logged >= MAX_LOGGED ? `[exec ${child.pid}] (the rest of this process's output is not shown)\n` : ""}`,
      );
    }
  });
  const stdio = child.stdio as unknown as (Socket | null | undefined)[];
  const progress = stdio[4] ?? null;
  const watchdog = stdio[5] ?? null;
  readLines(progress, (line) => events.progress({ report: JSON.parse(line) as JudgeReport }));
  readLines(watchdog, (line) => {
    const [id, task, candidate, at, cpu] = line.slice(1).split(" ").map(Number) as [
      number,
      number,
      number,
      number,
      number | undefined,
    ];
    events.progress({ started: { id, task, candidate, at, ...(Number.isFinite(cpu) ? { cpu } : {}) } });
  });
  child.on("message", (message: RunResponse | { ready: true }) => {
    if ("ready" in message) events.ready();
    else events.response(message);
  });
  let gone = false;
  const onGone = (info: ExitInfo) => {
    if (gone) return;
    gone = true;
    events.gone(info);
  };
  // "close" comes after the exit and after the progress pipe has been read to its end
  child.on("close", (code: number | null, signal: NodeJS.Signals | null) => onGone({ code, signal }));
  child.on("error", (error) => onGone({ code: null, signal: null, error })); // e.g. the process could not be started at all
  return {
    child,
    pipes: [progress, watchdog, child.stderr as Socket | null],
    kill: () => child.kill("SIGKILL"),
  };
}

/** Calls `take` with each line the pipe brings. */
function readLines(pipe: Socket | null, take: (line: string) => void): void {
  if (!pipe) return;
  let partial = "";
  pipe.setEncoding("utf8");
  pipe.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line) take(line);
  });
  pipe.on("error", () => undefined); // a broken pipe ends with the process, which is reported
}

/** Whether a process that ended by itself while running a query ran out of memory (V8 aborts then). */
export function ranOutOfMemory(info: ExitInfo): boolean {
  return info.signal === "SIGABRT" || info.code === 134;
}
