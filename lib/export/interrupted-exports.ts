import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { exportsDir } from "@/lib/export/run-export";
import { findOwnerTag, isOwnerGone } from "@/lib/store/owner-process";

// At start-up: exports whose process was killed (a `sense export`, or the app before exports ran as
// jobs) are failed and their temporary files (`.<name>.<owner>.<uuid>.partial`, see export-sink.ts)
// removed. An export of a process that still runs (a CLI export next to the app) is left to finish,
// and a dashboard export on the job queue is left to the queue: another attempt writes it again.

const isPartial = (name: string) => name.startsWith(".") && name.endsWith(".partial");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Removes the .partial files in `dir` that `which` picks by name. */
function removePartialsWhere(dir: string, which: (name: string) => boolean): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir))
    if (isPartial(name) && which(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Removes the .partial files in `dir` whose writing process has ended (on this machine). */
export const removeDeadPartials = (dir: string) =>
  removePartialsWhere(dir, (name) => isOwnerGone(findOwnerTag(name), { ownIsStale: false }));

/** Removes the .partial files `owner` left in `dir` (all of them when owner is null). */
function removePartials(dir: string, owner: string | null): void {
  const mine = owner ? new RegExp(`\\.${escapeRegExp(owner)}\\.[0-9a-f-]{36}\\.partial$`) : null;
  removePartialsWhere(dir, (name) => !mine || mine.test(name));
}

/** Fails the running exports of processes that are gone and removes what they left; how many. */
export async function failInterruptedExports(): Promise<number> {
  const running = await prisma.export.findMany({
    where: { status: "running", jobId: null },
    select: { id: true, filePath: true, ownerProcess: true },
  });
  let failed = 0;
  for (const row of running) {
    const fromCli = row.filePath !== null && path.isAbsolute(row.filePath);
    // rows from before owners were recorded: the dashboard's ran in the app, which is starting now
    const gone = row.ownerProcess ? isOwnerGone(row.ownerProcess, { ownIsStale: true }) : !fromCli;
    if (!gone) continue;
    const error = fromCli
      ? "The `sense export` process stopped while this export was running (it was killed, or the machine restarted); its partial files were removed. Run it again."
      : "The app stopped while this export was running (it was killed, or the machine restarted); its partial files were removed. Start it again.";
    const { count } = await prisma.export.updateMany({
      where: { id: row.id, status: "running" },
      data: { status: "failed", error, finishedAt: new Date() },
    });
    if (count === 0) continue;
    failed++;
    if (fromCli) removePartials(row.filePath!, row.ownerProcess);
    else fs.rmSync(path.join(exportsDir(), row.id), { recursive: true, force: true }); // nothing of it was put in place
  }
  await removeOrphanedPartials();
  return failed;
}

/** Partial files in the exports folder of exports that no longer run (left by a kill before this clean-up existed). */
async function removeOrphanedPartials(): Promise<void> {
  const root = exportsDir();
  if (!fs.existsSync(root)) return;
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const running = new Set(
    (await prisma.export.findMany({ where: { status: "running" }, select: { id: true } })).map((r) => r.id),
  );
  for (const id of folders) {
    if (running.has(id)) continue;
    const dir = path.join(root, id);
    removePartials(dir, null);
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}
