import "server-only";
import crypto from "node:crypto";
import os from "node:os";

// Work that a process does outside a job lease (an import, an export, an upload's temporary
// file) carries a tag naming that process: "<host>-<pid>", the host as 8 hex digits of its name's
// sha256. At start-up, work whose process is gone (killed, or the machine restarted) is cleaned
// up; work of a process that still runs (a CLI export next to the app) is left alone, and so is
// work tagged by another host, which this one cannot look at.

const hostTag = crypto.createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);

/** The tag of this process. */
export function ownerProcessTag(): string {
  return `${hostTag}-${process.pid}`;
}

/** The tag found in a text (a file name), or null. */
export function findOwnerTag(text: string): string | null {
  return /\b([0-9a-f]{8}-\d+)\b/.exec(text)?.[1] ?? null;
}

/**
 * Whether the process of a tag has ended. `ownIsStale`: this process is starting up and has
 * begun nothing yet, so its own pid on a row is a previous run's (a container's pid 1 again).
 */
export function isOwnerGone(tag: string | null, options: { ownIsStale: boolean }): boolean {
  const match = tag ? /^([0-9a-f]{8})-(\d+)$/.exec(tag) : null;
  if (!match || match[1] !== hostTag) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return options.ownIsStale;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH"; // EPERM: it exists, as another user's
  }
}
