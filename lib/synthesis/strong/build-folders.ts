import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The temporary folders strong builds make their database files in, named for the process that
// made them (sense-strong-<host>-<pid>-XXXXXX), so that what a runner killed mid-build (kill -9)
// leaves behind can be told from what a live runner is using, and removed.

const PREFIX = "sense-strong-";
const OLD_STYLE = /^sense-strong-[A-Za-z0-9]{6}$/; // made before folders carried their pid
const OLD_STYLE_AGE_MS = 60 * 60 * 1000; // a build lasts seconds; an hour-old folder of that kind is a leftover

const host = () => os.hostname().replace(/[^A-Za-z0-9.]/g, "_");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

/** Runs `build` with a fresh folder of this process, removed afterwards whatever happens. */
export async function withBuildFolder<T>(build: (dir: string) => Promise<T>): Promise<T> {
  cleanBuildLeftoversOnce();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${host()}-${process.pid}-`));
  try {
    return await build(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Removes the build folders of this host whose process is gone (and old-style ones past an hour).
 * Safe while other runners build: their folders name a live process. Returns the folders removed.
 * Called by the first build of every process; start-up may call it too.
 */
export function cleanBuildLeftovers(tmpDir = os.tmpdir()): string[] {
  const removed: string[] = [];
  const mine = new RegExp(`^${PREFIX}${host().replace(/\./g, "\\.")}-(\\d+)-[A-Za-z0-9]{6}$`);
  let names: string[];
  try {
    names = fs.readdirSync(tmpDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmpDir, name);
    const pid = mine.exec(name)?.[1];
    const leftover = pid
      ? !isAlive(Number(pid))
      : OLD_STYLE.test(name) && Date.now() - safeMtime(dir) > OLD_STYLE_AGE_MS;
    if (!leftover) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

const safeMtime = (dir: string) => {
  try {
    return fs.statSync(dir).mtimeMs;
  } catch {
    return Date.now();
  }
};

let cleaned = false;
function cleanBuildLeftoversOnce(): void {
  if (cleaned) return;
  cleaned = true;
  const removed = cleanBuildLeftovers();
  if (removed.length)
    console.log(
      `[strong] removed ${removed.length} build folder(s) left by stopped runners: ${removed.join(", ")}`,
    );
}
