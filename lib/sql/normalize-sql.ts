// SQL normalization for cache keys and dedup: the same query gives the same key however it was
// typed. Tokens are joined by single spaces; code is lower-cased; literals are kept exactly.

type Token = { kind: "word" | "number" | "string" | "quoted" | "symbol"; text: string };

const SYMBOLS = ["<>", "!=", ">=", "<=", "==", "||"];

/** Splits SQL into tokens, dropping comments and white space. */
export function tokenizeSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === "-" && sql[i + 1] === "-") while (i < sql.length && sql[i] !== "\n") i++;
    else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === "`" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      while (j < sql.length && !(sql[j] === close && sql[j + 1] !== close)) j += sql[j] === close ? 2 : 1;
      tokens.push({ kind: ch === "'" ? "string" : "quoted", text: sql.slice(i, j + 1) });
      i = j + 1;
    } else {
      const number = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(sql.slice(i));
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i));
      const symbol = SYMBOLS.find((s) => sql.startsWith(s, i)) ?? ch;
      const [kind, text] = number ? (["number", number[0]] as const) : word ? (["word", word[0]] as const) : (["symbol", symbol] as const);
      tokens.push({ kind, text });
      i += text.length;
    }
  }
  while (tokens.at(-1)?.text === ";") tokens.pop();
  return tokens;
}

const codeText = (t: Token) => (t.kind === "word" || t.kind === "number" ? t.text.toLowerCase() : t.text);

/** Lower-cases code, collapses white space, drops comments and a trailing semicolon; literals stay exact. */
export function normalizeSql(sql: string): string {
  return tokenizeSql(sql).map(codeText).join(" ");
}

/** Like normalizeSql, with every string and number literal replaced by "?" (a query template). */
export function sqlTemplate(sql: string): string {
  return tokenizeSql(sql)
    .map((t) => (t.kind === "string" || t.kind === "number" ? "?" : codeText(t)))
    .join(" ")
    .replace(/- \?/g, "?");
}
