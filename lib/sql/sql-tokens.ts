// A small, lenient SQL tokenizer shared by normalization, templates and the Spider parser.
// Comments and white space are dropped; literals and quoted identifiers keep their exact text.

/** word: keyword or bare identifier; number; string: '…'; quoted: "…", `…` or […]; symbol: anything else. */
export type SqlTokenKind = "word" | "number" | "string" | "quoted" | "symbol";
export type SqlToken = { kind: SqlTokenKind; text: string; pos: number };

const SYMBOLS = ["<>", "!=", ">=", "<=", "==", "||"];
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;
const WORD = /^[\p{L}_][\p{L}\p{N}_$]*/u;

/** End index (exclusive) of a quoted run starting at `start`; a doubled closing quote is an escape. */
function quotedEnd(sql: string, start: number, close: string): number {
  let j = start + 1;
  while (j < sql.length) {
    if (sql[j] === close) {
      if (close !== "]" && sql[j + 1] === close) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length; // unterminated: runs to the end (lenient; the parser rejects it)
}

/** Splits SQL into tokens, dropping comments, white space and trailing semicolons. Never throws. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === "`" || ch === "[") {
      const end = quotedEnd(sql, i, ch === "[" ? "]" : ch);
      tokens.push({ kind: ch === "'" ? "string" : "quoted", text: sql.slice(i, end), pos: i });
      i = end;
    } else {
      const rest = sql.slice(i, i + 200);
      const number = NUMBER.exec(rest);
      const word = number ? null : WORD.exec(rest);
      const text = number?.[0] ?? word?.[0] ?? SYMBOLS.find((s) => sql.startsWith(s, i)) ?? ch;
      tokens.push({ kind: number ? "number" : word ? "word" : "symbol", text, pos: i });
      i += text.length;
    }
  }
  while (tokens.at(-1)?.text === ";") tokens.pop();
  return tokens;
}

/** True when a quoted token was closed (the tokenizer lets an unterminated one run to the end). */
export function isTerminated(token: SqlToken): boolean {
  const open = token.text[0];
  const close = open === "[" ? "]" : open;
  if (token.text.length < 2 || token.text.at(-1) !== close) return false;
  if (close === "]") return true;
  // an odd run of closing quotes at the end means the last one closes the literal
  let run = 0;
  for (let j = token.text.length - 1; j > 0 && token.text[j] === close; j--) run++;
  return run % 2 === 1;
}

export class SqlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlParseError";
  }
}

/** A position in a token list, for recursive-descent parsers. Words are compared lower-cased. */
export class TokenCursor {
  protected pos = 0;
  protected readonly words: string[];

  constructor(
    protected readonly toks: SqlToken[],
    private readonly reserved: ReadonlySet<string>,
  ) {
    this.words = toks.map((t) => (t.kind === "word" ? t.text.toLowerCase() : t.kind === "symbol" ? t.text : ""));
  }

  protected peek(k = 0): string {
    return this.words[this.pos + k] ?? "";
  }
  protected tok(k = 0): SqlToken | undefined {
    return this.toks[this.pos + k];
  }
  protected accept(word: string): boolean {
    if (this.peek() !== word) return false;
    this.pos++;
    return true;
  }
  protected fail(what: string): never {
    const t = this.tok();
    throw new SqlParseError(t ? `${what} at "${t.text}" (offset ${t.pos})` : `${what} at end of SQL`);
  }
  protected expect(word: string): void {
    if (!this.accept(word)) this.fail(`expected "${word.toUpperCase()}"`);
  }
  /** A bare word that is not reserved, or a closed quoted identifier. */
  protected isName(k = 0): boolean {
    const t = this.tok(k);
    return !!t && ((t.kind === "word" && !this.reserved.has(this.peek(k))) || (t.kind === "quoted" && isTerminated(t)));
  }
  protected name(): void {
    if (!this.isName()) this.fail("expected a name");
    this.pos++;
  }
}
