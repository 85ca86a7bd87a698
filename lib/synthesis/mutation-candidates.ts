import "server-only";
import type { ExecOptions, ExecPool } from "@/lib/sql/exec/exec-pool";
import type { JudgeFailure, Metric } from "@/lib/sql/exec/exec-types";
import { generateMutants, type Mutant } from "@/lib/synthesis/sql-mutations";
import type { ErrorClass } from "@/lib/sql/label-checks/label-flags";

export type MutationOutcome = {
  kept: (Mutant & { errorClass: ErrorClass | null })[]; // execute, and to a result that differs from the gold's (how: its class)
  dropped: { mutant: Mutant; reason: "same result" | "error" }[];
  goldError: JudgeFailure | null;
};

/**
 * Wrong answers for a task without a model: mutants of its gold SQL that run and give another
 * result, judged by the execution engine with the chosen benchmark semantics.
 */
export async function mutationCandidates(
  pool: ExecPool,
  task: { dbFile: string; goldSql: string },
  options: { metric: Metric; maxMutants?: number; keep?: number } & ExecOptions,
): Promise<MutationOutcome> {
  const mutants = generateMutants(task.goldSql, options.maxMutants ?? 24);
  if (!mutants.length) return { kept: [], dropped: [], goldError: null };
  const [judged] = await pool.judge(
    [{ ...task, candidates: mutants.map((m) => m.sql) }],
    options.metric,
    options,
  );
  if (!judged || judged.goldError)
    return {
      kept: [],
      dropped: [],
      goldError: judged?.goldError ?? { kind: "not_judged", message: "not judged" },
    };
  const kept: MutationOutcome["kept"] = [];
  const dropped: MutationOutcome["dropped"] = [];
  mutants.forEach((mutant, i) => {
    const verdict = judged.verdicts[i];
    if (!verdict || verdict.predError) dropped.push({ mutant, reason: "error" });
    else if (verdict.match) dropped.push({ mutant, reason: "same result" });
    else if (kept.length < (options.keep ?? Infinity))
      kept.push({ ...mutant, errorClass: verdict.mismatch ?? null });
  });
  return { kept, dropped, goldError: null };
}
