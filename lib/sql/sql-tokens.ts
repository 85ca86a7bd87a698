// A small, lenient SQL tokenizer shared by normalization, templates and the Spider parser, and
// the cursor the parser (sql-parse.ts) reads tokens with, down to values (ExpressionCursor).
// Comments and white space are dropped; literals and quoted identifiers keep their exact text.

/** word: keyword or bare identifier; number; string: '…'; quoted: "…", `…` or […]; symbol: anything else. */
export type SqlTokenKind = "word" | "number" | "string" | "quoted" | "symbol";
export type SqlToken = { kind: SqlTokenKind; text: string; pos: number };

const SYMBOLS = ["<>", "!=", ">=", "<=", "==", "||", "<<", ">>"];
const NUMBER = /^(?:0x[\da-f]+|(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)/i;
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

/** How deep parentheses, subqueries and condition groups may nest before parsing gives up. */
export const MAX_NESTING = 100;

/** A position in a token list, for recursive-descent parsers. Words are compared lower-cased. */
export class TokenCursor {
  protected pos = 0;
  protected readonly words: string[];
  private depth = 0;
  /** Set once nesting went too deep: the error then ends parsing, with no other reading tried. */
  protected tooDeep = false;

  constructor(
    protected readonly toks: SqlToken[],
    private readonly reserved: ReadonlySet<string>,
  ) {
    this.words = toks.map((t) =>
      t.kind === "word" ? t.text.toLowerCase() : t.kind === "symbol" ? t.text : "",
    );
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
  /** Runs one level of a recursive rule; too deep a nesting is a SqlParseError, not a stack overflow. */
  protected nest<T>(read: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.tooDeep = true;
      this.fail(`nested more than ${MAX_NESTING} levels deep`);
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
  protected expect(word: string): void {
    if (!this.accept(word)) this.fail(`expected "${word.toUpperCase()}"`);
  }
  /** A bare word that is not reserved, or a closed quoted identifier. */
  protected isName(k = 0): boolean {
    const t = this.tok(k);
    return (
      !!t &&
      ((t.kind === "word" && !this.reserved.has(this.peek(k))) || (t.kind === "quoted" && isTerminated(t)))
    );
  }
  protected name(): void {
    if (!this.isName()) this.fail("expected a name");
    this.pos++;
  }
}

/** The shape of a value expression, as far as the hardness rules care. */
export type Expr = {
  startsWithAgg: boolean;
  aggOperands: number;
  subquery: boolean;
  literal: boolean;
  operands: number;
};
type Primary = { agg: boolean; subquery: boolean; literal: boolean };

export const RESERVED = new Set(
  (
    "select from where group order by having limit offset union intersect except join inner left right outer cross " +
    "natural on using as and or not in is like between exists case when then else end asc desc distinct all"
  ).split(" "),
);
const CALLABLE = new Set(["left", "right", "like"]); // keywords that are also function names
export const COMPARISONS = new Set(["=", "==", "!=", "<>", "<", ">", "<=", ">="]);
export const BINARY = new Set(["+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>"]);
export const AGGREGATES = new Set(["max", "min", "count", "sum", "avg"]);

/**
 * Reads values: literals, names, T1.col, calls (aggregates among them), CASE, arithmetic, aliases.
 * Subqueries and conditions inside values are left to the statement parser (sql-parse.ts).
 */
export abstract class ExpressionCursor extends TokenCursor {
  constructor(toks: SqlToken[]) {
    super(toks, RESERVED);
  }

  /** A SELECT (with any INTERSECT/UNION/EXCEPT), the cursor being at its first token. */
  protected abstract parseSubquery(): unknown;
  /** A condition list: a AND b OR c … */
  protected abstract parseCondition(): unknown;
  /** After an operand: when an operator of a condition or AND/OR follows, reads the condition's rest and says so. */
  protected abstract readConditionRest(): boolean;

  protected optionalAlias(): void {
    if (this.accept("as")) {
      const t = this.tok();
      if (t?.kind === "string" && isTerminated(t)) this.pos++;
      else this.name();
    } else if (this.isName()) this.pos++;
  }

  /**
   * A value that may itself be a condition, as inside parentheses and function arguments
   * ("sum(a = 1)", "iif(a > 1, 1, 0)"). The rules never look into it: it is just a value.
   */
  protected parseOperand(): Expr {
    const first = this.parseExpr();
    return this.readConditionRest()
      ? { startsWithAgg: false, aggOperands: 0, subquery: false, literal: false, operands: 2 }
      : first;
  }

  /** An item of SELECT / GROUP BY / ORDER BY: an expression, possibly a condition ("count(*) >= 5"); its first operand counts. */
  protected parseScalar(): Expr {
    const first = this.parseExpr();
    this.readConditionRest();
    return first;
  }

  /** Operands chained by arithmetic operators (no precedence: only the shape matters here). */
  protected parseExpr(): Expr {
    return this.nest(() => this.parseExprLevel());
  }

  private parseExprLevel(): Expr {
    const startsWithAgg = AGGREGATES.has(this.peek()) && this.peek(1) === "(";
    let aggOperands = 0;
    let operands = 0;
    let subquery = false;
    let literal = false;
    for (;;) {
      operands++;
      while (this.peek() === "-" || this.peek() === "+" || this.peek() === "~") this.pos++;
      const operand = this.parsePrimary();
      if (operand.agg) aggOperands++;
      subquery = operand.subquery;
      literal = operand.literal;
      if (this.accept("collate")) this.name();
      if (!BINARY.has(this.peek())) break;
      this.pos++;
    }
    return {
      startsWithAgg,
      aggOperands,
      subquery: subquery && operands === 1,
      literal: literal && operands === 1,
      operands,
    };
  }

  private parsePrimary(): Primary {
    const t = this.tok();
    const w = this.peek();
    const plain = { agg: false, subquery: false, literal: false };
    if (!t) this.fail("expected a value");
    if (t.kind === "number" || ((t.kind === "string" || t.kind === "quoted") && isTerminated(t))) {
      this.pos++;
      if (t.kind === "quoted" && this.accept(".")) {
        if (!this.accept("*")) this.name();
        return plain;
      }
      return { ...plain, literal: t.kind !== "quoted" || t.text.startsWith('"') }; // Spider writes "…" for strings
    }
    if (w === "*" || w === "?") {
      this.pos++;
      return plain;
    }
    if (w === "(") {
      this.pos++;
      if (this.peek() === "select") {
        this.parseSubquery();
        this.expect(")");
        return { ...plain, subquery: true };
      }
      if (this.accept(")")) return { ...plain, literal: true }; // the empty list of "IN ()"
      const inner = this.parseOperand();
      let items = 1;
      for (; this.accept(","); items++) this.parseOperand();
      this.expect(")");
      // a list "(1, 2)" stands as a literal: the official parser has no notion of it
      return {
        agg: items === 1 && inner.operands === 1 && inner.aggOperands === 1,
        subquery: items === 1 && inner.subquery,
        literal: items > 1 || inner.literal,
      };
    }
    if (t.kind !== "word") this.fail("unexpected symbol");
    if (w === "case") return this.parseCase();
    if (w === "null") {
      this.pos++;
      return plain;
    }
    if (RESERVED.has(w) && !(CALLABLE.has(w) && this.peek(1) === "(")) this.fail("expected a value");
    this.pos++;
    if (this.accept("(")) {
      this.parseCallArgs(w);
      this.skipWindow();
      return { ...plain, agg: AGGREGATES.has(w) };
    }
    if (this.accept(".") && !this.accept("*")) this.name();
    return plain;
  }

  private parseCallArgs(fn: string): void {
    if (this.accept(")")) return;
    if (!this.accept("*")) {
      this.accept("distinct");
      do {
        this.parseOperand();
        if (fn === "cast" && this.accept("as")) this.skipToClose(); // the type name, e.g. DECIMAL(10, 2)
      } while (this.accept(","));
    }
    this.expect(")");
  }

  /** FILTER (…) and OVER (…) / OVER name after a call: read past, the rules have no use for them. */
  private skipWindow(): void {
    for (;;) {
      if ((this.peek() === "over" || this.peek() === "filter") && this.peek(1) === "(") {
        this.pos += 2;
        this.skipToClose();
        this.expect(")");
      } else if (this.peek() === "over" && this.isName(1)) this.pos += 2;
      else return;
    }
  }

  /** Moves up to the ")" that closes the current parenthesis, over any nested ones. */
  private skipToClose(): void {
    for (let open = 0; open > 0 || this.peek() !== ")"; this.pos++) {
      if (!this.tok()) this.fail("unclosed parenthesis");
      if (this.peek() === "(") open++;
      else if (this.peek() === ")") open--;
    }
  }

  private parseCase(): Primary {
    this.expect("case");
    if (this.peek() !== "when") this.parseExpr();
    if (this.peek() !== "when") this.fail('expected "WHEN"');
    while (this.accept("when")) {
      this.parseCondition();
      this.expect("then");
      this.parseOperand();
    }
    if (this.accept("else")) this.parseOperand();
    this.expect("end");
    return { agg: false, subquery: false, literal: false };
  }
}
