// Preference pairs from a weak model's judged answers to one task (SENSE's weak data): chosen is
// the gold SQL (or a correct answer, when asked and there is one), rejected is each distinct wrong
// answer, deduplicated by normalized SQL, at most `maxPairs` per task.
import { normalizeSql } from "@/lib/sql/normalize-sql";
import type { JudgeFailure } from "@/lib/sql/exec/exec-types";

export type CandidateVerdictKind = "correct" | "wrong_result" | "error" | "timeout" | "unparsable";

/** `degenerate`: the label checks found it says nothing about the question (lib/sql/label-checks/). */
export type JudgedCandidate = {
  index: number;
  sql: string | null;
  verdict: CandidateVerdictKind;
  degenerate?: boolean;
  flagged?: boolean; // any label-check flag: a correct answer so flagged is chosen only when no other is
};
export type PlannedPair = {
  chosenSql: string;
  chosenSource: "gold" | "candidate";
  chosenIndex: number | null;
  rejectedIndex: number;
  rejectedSql: string;
};

/** Wrong answers: a result that differs, an error or a timeout. Unparsable answers hold no SQL to train on. */
const REJECTABLE = new Set<CandidateVerdictKind>(["wrong_result", "error", "timeout"]);

/** The verdict of a candidate from the execution engine's answer for it. */
export function verdictKind(verdict: {
  match: boolean;
  predError: JudgeFailure | null;
}): CandidateVerdictKind {
  if (verdict.match) return "correct";
  if (verdict.predError === null) return "wrong_result";
  return verdict.predError.kind === "timeout" ? "timeout" : "error";
}

export function planPreferencePairs(
  goldSql: string,
  candidates: JudgedCandidate[],
  options: { chosen: "gold" | "correct-candidate"; maxPairs: number },
): PlannedPair[] {
  const usable = (c: JudgedCandidate) => c.verdict === "correct" && c.sql && !c.degenerate;
  const correct = candidates.find((c) => usable(c) && !c.flagged) ?? candidates.find(usable);
  const useCandidate = options.chosen === "correct-candidate" && correct;
  const chosenSql = useCandidate ? correct.sql! : goldSql;
  const seen = new Set([normalizeSql(goldSql), normalizeSql(chosenSql)]);
  const pairs: PlannedPair[] = [];
  for (const candidate of candidates) {
    if (pairs.length >= options.maxPairs) break;
    if (!candidate.sql || !REJECTABLE.has(candidate.verdict) || candidate.degenerate) continue; // a degenerate answer teaches nothing
    const key = normalizeSql(candidate.sql);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({
      chosenSql,
      chosenSource: useCandidate ? "candidate" : "gold",
      chosenIndex: useCandidate ? correct.index : null,
      rejectedIndex: candidate.index,
      rejectedSql: candidate.sql,
    });
  }
  return pairs;
}
