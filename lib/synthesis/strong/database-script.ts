// The database a strong model wrote: its SQL script read from the answer, split into statements,
// and checked against what a new database may hold (tables, indexes, rows given as VALUES).
import { env } from "@/lib/env";
import { fencedBlocks, parseModelJson, withoutTrailingSemicolons } from "@/lib/llm/text-spans";
import { tokenizeSql, type SqlToken } from "@/lib/sql/sql-tokens";
import { tableShape } from "@/lib/synthesis/strong/script-table-shape";

export type DatabaseScript =
  { ok: true; statements: string[]; tables: number; inserts: number } | { ok: false; reason: string };

const MAX_SCRIPT_CHARS = 4 * 1024 * 1024;
const MAX_STATEMENTS = 20_000;
const REFUSED_WORDS = new Set([
  "select",
  "with",
  "attach",
  "detach",
  "pragma",
  "load_extension",
  "trigger",
  "vacuum",
]);

/** The SQL of the answer: every ```sql block in order, a JSON {"sql": …}, or the bare text. */
function scriptText(text: string): string | null {
  // linear scans (lib/llm/text-spans.ts): a backtracking pattern over model text can take minutes
  const blocks = fencedBlocks(text, (lang) => !lang || /^(sql|sqlite)$/i.test(lang));
  if (blocks.length) return blocks.map((b) => b.body).join(";\n");
  const json = text.trim();
  if (json.startsWith("{") && json.endsWith("}")) {
    const read = parseModelJson(json);
    if (!read.ok) return null;
    const parsed = read.value as { sql?: unknown; statements?: unknown };
    if (typeof parsed.sql === "string") return parsed.sql;
    if (Array.isArray(parsed.statements) && parsed.statements.every((s) => typeof s === "string"))
      return parsed.statements.join(";\n");
  }
  return /^\s*create\b/i.test(text) ? text : null;
}

const preview = (sql: string) => (sql.length > 80 ? `${sql.slice(0, 77)}…` : sql).replace(/\s+/g, " ");

export type ScriptCaps = { maxTables: number; maxColumns: number };
const envCaps = (): ScriptCaps => ({ maxTables: env.SENSE_MAX_TABLES, maxColumns: env.SENSE_MAX_COLUMNS });

/**
 * Splits and checks the script; the reason of a refusal names the statement and what is wrong.
 * A synthesized database holds no generated columns (they compute on every read) and stays within
 * the schema caps that registration applies (SENSE_MAX_TABLES, SENSE_MAX_COLUMNS).
 */
export function parseDatabaseScript(answer: string, caps: ScriptCaps = envCaps()): DatabaseScript {
  const text = scriptText(answer);
  if (text === null)
    return {
      ok: false,
      reason: "no SQL found in the answer (expected CREATE TABLE and INSERT statements in a ```sql block)",
    };
  if (text.length > MAX_SCRIPT_CHARS)
    return { ok: false, reason: `the script is longer than ${MAX_SCRIPT_CHARS} characters` };
  const tokens = tokenizeSql(text);
  const statements: string[] = [];
  let start = 0;
  let current: SqlToken[] = [];
  let tables = 0;
  let inserts = 0;
  const close = (end: number): string | null => {
    const sql = withoutTrailingSemicolons(text.slice(start, end).trim()).trim();
    start = end + 1;
    const statementTokens = current;
    current = [];
    const words = statementTokens.filter((t) => t.kind === "word").map((t) => t.text.toLowerCase());
    if (!words.length) return null;
    const n = statements.length + 1;
    const refused = words.find((w) => REFUSED_WORDS.has(w));
    if (refused)
      return `statement ${n} (${preview(sql)}) uses ${refused.toUpperCase()}, which a new database may not`;
    const [first, second, third] = words;
    if (first === "create" && second === "table") {
      if (/^create\s+table\s+(if\s+not\s+exists\s+)?("[^"]*"|\S+)\s+as\b/i.test(sql))
        return `statement ${n} (${preview(sql)}): CREATE TABLE … AS is not allowed`;
      const shape = tableShape(statementTokens);
      if (shape.generated !== null)
        return `statement ${n} (${preview(sql)}) declares the generated column ${shape.generated}, which a synthesized database may not hold (it would be computed on every read)`;
      if (shape.columns > caps.maxColumns)
        return `statement ${n} (${preview(sql)}) declares ${shape.columns} columns; a table may have at most ${caps.maxColumns} (SENSE_MAX_COLUMNS)`;
      tables++;
    } else if (first === "create" && (second === "index" || (second === "unique" && third === "index"))) {
      // indexes are fine
    } else if (first === "insert" && second === "into" && words.includes("values")) {
      inserts++;
    } else {
      return `statement ${n} (${preview(sql)}) is not CREATE TABLE, CREATE INDEX or INSERT … VALUES`;
    }
    statements.push(sql);
    return statements.length > MAX_STATEMENTS
      ? `the script has more than ${MAX_STATEMENTS} statements`
      : null;
  };
  for (const token of tokens) {
    if (token.kind === "symbol" && token.text === ";") {
      const problem = close(token.pos);
      if (problem) return { ok: false, reason: problem };
    } else current.push(token);
  }
  const problem = close(text.length);
  if (problem) return { ok: false, reason: problem };
  if (!tables) return { ok: false, reason: "the script creates no table" };
  if (tables > caps.maxTables)
    return {
      ok: false,
      reason: `the script creates ${tables} tables; a database may have at most ${caps.maxTables} (SENSE_MAX_TABLES)`,
    };
  if (!inserts) return { ok: false, reason: "the script inserts no rows" };
  return { ok: true, statements, tables, inserts };
}
