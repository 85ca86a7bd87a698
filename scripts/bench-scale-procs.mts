// Part of `npm run bench:scale`: the processes it starts (the fill, `next start`, `npm run worker`),
// each in a process group of its own so that it is stopped with all its children, on success, on
// error and on Ctrl-C; and the resident memory of a process with its children, read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const running = new Set<ChildProcess>();

/** Stops one started process group (SIGTERM, then SIGKILL after a grace period). */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return void running.delete(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

export const stopAll = () => Promise.all([...running].map((c) => stopProcess(c)));

// last resort when the run itself dies: kill what is left, synchronously
process.on("exit", () => {
  for (const c of running)
    if (c.pid && c.exitCode === null)
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        /* gone */
      }
});

/** Starts a command in its own process group; its output goes to `logFile`. */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): ChildProcess {
  const log = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Runs a command to its end (or kills it at the deadline); its standard output as text. */
export function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; deadlineMs: number; logFile: string },
): Promise<string> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", fs.openSync(options.logFile, "a")],
  });
  running.add(child);
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const timer = setTimeout(() => void stopProcess(child), options.deadlineMs);
  return new Promise((resolve, reject) => {
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `bench-scale: ${path.basename(args[args.length - 2] ?? command)} stopped (${signal ?? `exit ${code}`}); see ${options.logFile}`,
          ),
        );
    });
  });
}

const node = process.execPath;
const tsxFlags = ["--conditions=react-server", "--import", "tsx"];
export const nodeScript = (file: string, args: string[] = []) => ({
  command: node,
  args: [...tsxFlags, file, ...args],
});

/** `next start` on the store of `env`; resolves once /api/health answers (or fails at the deadline). */
export async function startApp(
  root: string,
  env: NodeJS.ProcessEnv,
  port: number,
  logFile: string,
  deadlineMs: number,
) {
  const child = startProcess(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: root, env, logFile },
  );
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null)
      throw new Error(`bench-scale: the app stopped at start (exit ${child.exitCode}); see ${logFile}`);
    if (
      await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopProcess(child);
  throw new Error(
    `bench-scale: the app did not answer /api/health within ${deadlineMs / 1000} s; see ${logFile}`,
  );
}

/** `npm run worker` (the same command, without npm in between so that it stops with its group). */
export function startWorker(root: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const { command, args } = nodeScript(path.join(root, "lib", "entries", "worker.ts"));
  return startProcess(command, args, { cwd: root, env, logFile });
}

// the process and every descendant, from /proc
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* ended meanwhile */
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

const statusKb = (pid: number, field: string) => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

const isSqlChild = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("sql-exec-child");
  } catch {
    return false;
  }
};

/**
 * Watches the resident memory of a process and its children (sampled every 500 ms): the server's
 * own high-water mark (the largest process that is not a SQL execution child: `next start` may run
 * the server in a child of its own) and the highest sum over the whole tree, SQL children included.
 */
export function watchMemory(pid: number): {
  peakMb: () => { server: number; tree: number };
  stop: () => void;
} {
  let serverKb = 0;
  let treeKb = 0;
  const sample = () => {
    const tree = processTree(pid);
    treeKb = Math.max(
      treeKb,
      tree.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0),
    );
    serverKb = Math.max(serverKb, ...tree.filter((p) => !isSqlChild(p)).map((p) => statusKb(p, "VmHWM")));
  };
  const timer = setInterval(sample, 500);
  return {
    peakMb: () => (sample(), { server: serverKb / 1024, tree: treeKb / 1024 }),
    stop: () => clearInterval(timer),
  };
}
