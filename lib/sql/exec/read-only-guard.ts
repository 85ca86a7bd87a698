// Refuses, before execution, any SQL that is not a single statement that only reads.
// The connection is read-only as well (a second wall); this gives the clear message.

export class SqlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlRefusedError";
  }
}

const FORBIDDEN_WORDS = new Map([
  ["attach", "ATTACH is not allowed"],
  ["detach", "DETACH is not allowed"],
  ["pragma", "PRAGMA statements are not allowed"],
  ["load_extension", "load_extension is not allowed"],
]);

/** The SQL's code with comments removed and quoted text blanked out, and how many statements it holds. */
function codeOutsideQuotes(sql: string): { code: string; statements: number } {
  let code = "";
  let statements = 1;
  let pendingSemicolon = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      code += " ";
      continue;
    }
    if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 1;
      code += " ";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      while (j < sql.length && !(sql[j] === close && sql[j + 1] !== close)) j += sql[j] === close ? 2 : 1;
      if (pendingSemicolon) {
        statements++;
        pendingSemicolon = false;
      }
      code += ch === "'" ? " '' " : " _q ";
      i = j;
      continue;
    }
    if (ch === ";") {
      pendingSemicolon = true;
      continue;
    }
    if (pendingSemicolon && !/\s/.test(ch)) {
      statements++;
      pendingSemicolon = false;
    }
    code += ch;
  }
  return { code, statements };
}

/** Throws SqlRefusedError naming the problem unless `sql` is one SELECT/WITH/VALUES statement. */
export function assertReadOnlySql(sql: string): void {
  const { code, statements } = codeOutsideQuotes(sql);
  if (!code.trim()) throw new SqlRefusedError("The SQL is empty.");
  if (statements > 1) throw new SqlRefusedError("Only one statement can run at a time.");
  for (const word of code.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []) {
    const reason = FORBIDDEN_WORDS.get(word);
    if (reason) throw new SqlRefusedError(`${reason}: only queries that read can run.`);
  }
  const first = /^[\s(]*([a-z]+)/i.exec(code)?.[1]?.toLowerCase();
  if (first !== "select" && first !== "with" && first !== "values") {
    throw new SqlRefusedError(`Only queries that read can run (SELECT or WITH); this statement starts with ${first?.toUpperCase() ?? "something else"}.`);
  }
}
