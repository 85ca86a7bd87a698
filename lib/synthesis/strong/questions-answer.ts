// The question + SQL pairs a strong model wrote for one database, read from its answer with zod.
import { z } from "zod";
import { lastFencedBlock, parseModelJson } from "@/lib/llm/text-spans";

export const writtenQuestionSchema = z.object({
  question: z.string().trim().min(5, "question is too short").max(2_000),
  sql: z
    .string()
    .trim()
    .min(1, "sql is empty")
    .max(20_000)
    .transform((s) => s.replace(/;\s*$/, "").trim()),
  evidence: z.string().trim().max(2_000).optional(),
});

export type WrittenQuestion = z.infer<typeof writtenQuestionSchema>;
export type QuestionsAnswer =
  | { ok: true; questions: WrittenQuestion[]; invalid: { index: number; reason: string }[] }
  | { ok: false; reason: string };

function jsonText(answer: string): string | null {
  // the last ``` block with no language or json (a linear scan: lib/llm/text-spans.ts)
  const fenced = lastFencedBlock(answer, (lang) => !lang || lang.toLowerCase() === "json");
  if (fenced) return fenced;
  const start = answer.search(/[[{]/);
  return start === -1
    ? null
    : answer.slice(start, Math.max(answer.lastIndexOf("]"), answer.lastIndexOf("}")) + 1);
}

/** Reads a JSON array of {question, sql} (or {"questions": [...]}); entries that do not fit are listed with why. */
export function parseQuestionsAnswer(answer: string): QuestionsAnswer {
  const text = jsonText(answer);
  if (!text)
    return { ok: false, reason: 'no JSON found in the answer (expected [{"question": …, "sql": …}])' };
  const json = parseModelJson(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  const parsed = json.value;
  const list = Array.isArray(parsed) ? parsed : (parsed as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) return { ok: false, reason: "the JSON is not an array of {question, sql}" };
  const questions: WrittenQuestion[] = [];
  const invalid: { index: number; reason: string }[] = [];
  list.forEach((entry, index) => {
    const result = writtenQuestionSchema.safeParse(entry);
    if (result.success) questions.push(result.data);
    else
      invalid.push({
        index,
        reason: result.error.issues.map((i) => `${i.path.join(".") || "entry"}: ${i.message}`).join("; "),
      });
  });
  if (!questions.length)
    return {
      ok: false,
      reason: `none of the ${list.length} entries is a valid {question, sql}${invalid[0] ? ` (first: ${invalid[0].reason})` : ""}`,
    };
  return { ok: true, questions, invalid };
}
