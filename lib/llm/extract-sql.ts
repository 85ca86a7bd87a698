import { z } from "zod";
import { lastFencedBlock, outermostSpan, parseModelJson } from "@/lib/llm/text-spans";

export type ExtractedSql =
  { ok: true; sql: string; from: "fenced" | "json" | "bare" } | { ok: false; reason: string };

/** The longest SQL taken from an answer (Spider's and BIRD's longest gold SQL are under 2,000 characters). */
export const MAX_EXTRACTED_SQL_CHARS = 20_000;

const jsonAnswerSchema = z.object({ sql: z.string().trim().min(1) }).passthrough();
const STARTS_LIKE_SQL = /^\s*(with|select)\b/i; // anchored: tried at the start only

function tidy(sql: string): string {
  const trimmed = sql.trim();
  return (trimmed.endsWith(";") ? trimmed.slice(0, -1) : trimmed).trim();
}

function found(raw: string, from: "fenced" | "json" | "bare"): ExtractedSql {
  const sql = tidy(raw);
  if (sql.length > MAX_EXTRACTED_SQL_CHARS) {
    return {
      ok: false,
      reason: `the SQL is ${sql.length.toLocaleString("en")} characters long; at most ${MAX_EXTRACTED_SQL_CHARS.toLocaleString("en")} are taken`,
    };
  }
  return { ok: true, sql, from };
}

/**
 * The SQL in a model's answer: a ```sql fenced block (the last one wins), a JSON object with an
 * "sql" field, or the whole answer when it is bare SQL. Anything else is unparsable, with a reason;
 * callers keep the raw text either way. Time linear in the answer's length (lib/llm/text-spans.ts).
 */
export function extractSql(text: string): ExtractedSql {
  const lastFenced = lastFencedBlock(text, (lang) => !lang || /^(sql|sqlite)$/i.test(lang));
  if (lastFenced && STARTS_LIKE_SQL.test(lastFenced)) return found(lastFenced, "fenced");
  const jsonText = outermostSpan(text, "{", "}");
  const json = jsonText ? parseModelJson(jsonText) : null;
  if (json?.ok) {
    const parsed = jsonAnswerSchema.safeParse(json.value);
    if (parsed.success && STARTS_LIKE_SQL.test(parsed.data.sql)) return found(parsed.data.sql, "json");
  }
  if (STARTS_LIKE_SQL.test(text) && !text.includes("```")) return found(text, "bare");
  if (!text.trim()) return { ok: false, reason: "the answer is empty" };
  return {
    ok: false,
    reason: lastFenced
      ? "the code block does not hold a SELECT query"
      : 'no SQL found (no ```sql block, JSON with "sql", or bare SELECT)',
  };
}
