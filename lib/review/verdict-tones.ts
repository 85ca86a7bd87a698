// How a candidate's verdict is drawn, in one place for every page that shows one (overview panels,
// a task's candidates, a pair's rejected side): a wrong answer red, a correct one green, an answer
// that did not run (error, timeout, no SQL in it) amber, anything else neutral. Pure: client
// components import it.

export type VerdictTone = "green" | "red" | "amber" | "neutral";

/** The tone of a verdict: correct | wrong_result (any wrong_*) | error | timeout | unparsable | swapped | unknown. */
export function verdictTone(verdict: string | null | undefined): VerdictTone {
  if (verdict === "correct") return "green";
  if (verdict?.startsWith("wrong")) return "red";
  if (verdict === "error" || verdict === "timeout" || verdict === "unparsable") return "amber";
  return "neutral";
}

/** Tailwind classes per tone: a badge (text on a tint) and a swatch (a bar or legend square). */
export const verdictToneClasses: Record<VerdictTone, { badge: string; swatch: string }> = {
  green: { badge: "bg-emerald-100 text-emerald-800", swatch: "bg-emerald-600" },
  red: { badge: "bg-red-100 text-red-800", swatch: "bg-red-600" },
  amber: { badge: "bg-amber-100 text-amber-900", swatch: "bg-amber-500" },
  neutral: { badge: "bg-slate-100 text-slate-700", swatch: "bg-slate-400" },
};

/** A verdict in words: "wrong_result" -> "wrong result"; none -> "unknown". */
export const verdictLabel = (verdict: string | null | undefined) =>
  verdict ? verdict.replace(/_/g, " ") : "unknown";
