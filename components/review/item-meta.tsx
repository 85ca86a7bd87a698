/** The line above a queue item: where it comes from (database, difficulty, origin, model, job). */
export function ItemMeta({
  database,
  difficulty,
  origin,
  model,
  jobId,
}: {
  database: string;
  difficulty: string | null;
  origin: string | null;
  model: string | null;
  jobId: string | null;
}) {
  return (
    <div className="mb-1 flex flex-wrap gap-2 text-xs text-slate-500">
      <span>{database}</span>
      <span>· {difficulty ?? "no difficulty"}</span>
      {origin ? <span>· {origin}</span> : null}
      {model ? <span>· {model}</span> : null}
      {jobId ? <span className="font-mono">· job {jobId.slice(-8)}</span> : null}
    </div>
  );
}
