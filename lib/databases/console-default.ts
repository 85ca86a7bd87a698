// Which database the SQL console opens on when the address names none. Client-safe (pure).

type ConsoleChoice = {
  name: string;
  source: string;
  fileStatus: string;
  createdAt: string;
  job: { status: string } | null;
};

/** Whether a strong job's database may still be half made: its job has not finished (or is gone). */
const unfinishedSynthesis = (d: ConsoleChoice) => d.source === "synthesized" && d.job?.status !== "done";

/**
 * The most recently added database that has a file and was imported, uploaded or registered (not
 * one a strong job synthesized); else the newest synthesized one whose job is done; else any with
 * a file. A cancelled strong job's databases never become the default.
 */
export function consoleDefaultDatabase<D extends ConsoleChoice>(databases: readonly D[]): D | undefined {
  const runnable = databases.filter((d) => d.fileStatus === "ok");
  const newest = (list: D[]) =>
    [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name))[0];
  return (
    newest(runnable.filter((d) => d.source !== "synthesized")) ??
    newest(runnable.filter((d) => !unfinishedSynthesis(d))) ??
    newest(runnable)
  );
}
