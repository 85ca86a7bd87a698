import { z } from "zod";

export type ExtractedSql = { ok: true; sql: string; from: "fenced" | "json" | "bare" } | { ok: false; reason: string };

const jsonAnswerSchema = z.object({ sql: z.string().trim().min(1) }).passthrough();
const STARTS_LIKE_SQL = /^\s*(with|select)\b/i;

function tidy(sql: string): string {
  return sql.trim().replace(/;\s*$/, "").trim();
}

/**
 * The SQL in a model's answer: a ```sql fenced block (the last one wins), a JSON object with an
 * "sql" field, or the whole answer when it is bare SQL. Anything else is unparsable, with a reason;
 * callers keep the raw text either way.
 */
export function extractSql(text: string): ExtractedSql {
  const fenced = [...text.matchAll(/```[ \t]*([a-zA-Z]*)[ \t]*\n([\s\S]*?)```/g)].filter((m) => !m[1] || /^(sql|sqlite)$/i.test(m[1]));
  const lastFenced = fenced.at(-1)?.[2];
  if (lastFenced && STARTS_LIKE_SQL.test(lastFenced)) return { ok: true, sql: tidy(lastFenced), from: "fenced" };
  const jsonText = /\{[\s\S]*\}/.exec(text)?.[0];
  if (jsonText) {
    try {
      const parsed = jsonAnswerSchema.safeParse(JSON.parse(jsonText));
      if (parsed.success && STARTS_LIKE_SQL.test(parsed.data.sql)) return { ok: true, sql: tidy(parsed.data.sql), from: "json" };
    } catch {
      // not JSON after all; fall through
    }
  }
  if (STARTS_LIKE_SQL.test(text) && !text.includes("```")) return { ok: true, sql: tidy(text), from: "bare" };
  if (!text.trim()) return { ok: false, reason: "the answer is empty" };
  return { ok: false, reason: lastFenced ? "the code block does not hold a SELECT query" : "no SQL found (no ```sql block, JSON with \"sql\", or bare SELECT)" };
}
