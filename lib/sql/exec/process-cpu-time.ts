import fs from "node:fs";

// A child process's CPU time, read from /proc (Linux): user + system, in milliseconds. The time
// limit of a query counts the CPU its process used, so a query that waits for a core on a saturated
// machine (execution processes run at a lower priority than the server) is not stopped as runaway.

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux build these machines run

/** How often the pool has read a process's CPU time (a query's start and each check of its limit; tests wait on it). */
export const cpuTimeReads = { count: 0 };

/** The process's CPU time so far in ms, or null where /proc cannot tell (another system, a process gone). */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  cpuTimeReads.count++;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15 of the line
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
