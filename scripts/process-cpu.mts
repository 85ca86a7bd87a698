// CPU time of this process's descendants, read from /proc (Linux): for benches that need to say
// where a machine's cores went (the model server, the SQL engine children) beside their own.
import fs from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Stat = { pid: number; ppid: number; name: string; cpuMs: number };

function readStat(pid: string): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")"); // the command name may hold spaces and parentheses
    const fields = text.slice(close + 2).split(" ");
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      name: text.slice(text.indexOf("(") + 1, close),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return null; // ended meanwhile, or not Linux
  }
}

/** CPU ms used so far by each live descendant of this process, by pid. */
export function descendantsCpu(): Map<number, Stat> {
  const all = fs.existsSync("/proc")
    ? fs
        .readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .map(readStat)
        .filter((s): s is Stat => s !== null)
    : [];
  const mine = new Map<number, Stat>();
  const parents = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of all) {
      if (!parents.has(s.ppid) || mine.has(s.pid)) continue;
      mine.set(s.pid, s);
      parents.add(s.pid);
      grew = true;
    }
  }
  return mine;
}

/** CPU ms each descendant used between two readings (processes that ended meanwhile are not counted). */
export function cpuBetween(before: Map<number, Stat>, after: Map<number, Stat>): Map<number, number> {
  const used = new Map<number, number>();
  for (const [pid, s] of after) used.set(pid, s.cpuMs - (before.get(pid)?.cpuMs ?? 0));
  return used;
}
