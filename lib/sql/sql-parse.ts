// A small recursive-descent parser for the SELECT subset of Spider-style SQL. It keeps only what
// the Spider hardness rules read, in the shape of the official parser's output (process_sql.py):
// select units with their aggregate, table units, condition lists [cond, "and"|"or", cond, ...]
// (parenthesized groups flattened), GROUP BY / ORDER BY units, LIMIT, INTERSECT/UNION/EXCEPT.
import { isTerminated, SqlParseError, tokenizeSql, TokenCursor, type SqlToken } from "@/lib/sql/sql-tokens";

export { SqlParseError };

export const AGGREGATES = new Set(["max", "min", "count", "sum", "avg"]);

/** One condition: NOT written before its operator, the operator, how many of its values are subqueries. */
export type CondUnit = { not: boolean; op: string; nested: number };
export type Condition = (CondUnit | "and" | "or")[];
export type TableUnit = { kind: "table"; name: string } | { kind: "sql"; query: SelectQuery };
export type SetOp = "intersect" | "union" | "except";

export type SelectQuery = {
  distinct: boolean;
  select: { agg: boolean }[]; // per item: written as an aggregate call
  from: { tableUnits: TableUnit[]; conds: Condition };
  where: Condition;
  groupBy: { agg: boolean }[];
  having: Condition;
  orderBy: { aggs: number }[] | null; // per item: aggregated operands (at most two, as the official val_unit)
  limit: boolean;
  compound: { op: SetOp; query: SelectQuery } | null;
};

type Expr = { startsWithAgg: boolean; aggOperands: number; subquery: boolean; literal: boolean; operands: number };
type Primary = { agg: boolean; subquery: boolean; literal: boolean };

const RESERVED = new Set(
  ("select from where group order by having limit offset union intersect except join inner left right outer cross " +
    "natural on using as and or not in is like between exists case when then else end asc desc distinct all")
    .split(" "),
);
const CALLABLE = new Set(["left", "right", "like"]); // keywords that are also function names
const COMPARISONS = new Set(["=", "==", "!=", "<>", "<", ">", "<=", ">="]);
const BINARY = new Set(["+", "-", "*", "/", "%", "||", "&", "|"]);
const LIKE_OPS = new Set(["like", "glob", "regexp", "match"]);
const SET_OPS = new Set<string>(["intersect", "union", "except"]);
const JOIN_WORDS = new Set(["natural", "left", "right", "full", "inner", "cross", "outer"]);

class Parser extends TokenCursor {
  /** Whether the condition just parsed ended with a column-like value (see parseCondition). */
  private columnValued = false;

  constructor(toks: SqlToken[]) {
    super(toks, RESERVED);
  }

  private optionalAlias(): void {
    if (this.accept("as")) {
      const t = this.tok();
      if (t?.kind === "string" && isTerminated(t)) this.pos++;
      else this.name();
    } else if (this.isName()) this.pos++;
  }

  parseStatement(): SelectQuery {
    if (!this.toks.length) this.fail("empty SQL");
    const query = this.parseCompound();
    if (this.pos < this.toks.length) this.fail("unexpected token");
    return query;
  }

  /** A SELECT, possibly parenthesized, with any INTERSECT/UNION/EXCEPT chained on the right. */
  private parseCompound(): SelectQuery {
    let query: SelectQuery;
    if (this.accept("(")) {
      query = this.parseCompound();
      this.expect(")");
    } else query = this.parseSelect();
    if (SET_OPS.has(this.peek())) {
      const op = this.peek() as SetOp;
      this.pos++;
      this.accept("all");
      let last = query;
      while (last.compound) last = last.compound.query;
      last.compound = { op, query: this.parseCompound() };
    }
    return query;
  }

  private parseSelect(): SelectQuery {
    this.expect("select");
    const distinct = this.accept("distinct");
    if (!distinct) this.accept("all");
    const from = { tableUnits: [], conds: [] };
    const q: SelectQuery = { distinct, select: [], from, where: [], groupBy: [], having: [], orderBy: null, limit: false, compound: null };
    do {
      if (this.accept("*")) q.select.push({ agg: false });
      else {
        q.select.push({ agg: this.parseScalar().startsWithAgg });
        this.optionalAlias();
      }
    } while (this.accept(","));
    if (this.accept("from")) this.parseFrom(q.from.tableUnits, q.from.conds);
    if (this.accept("where")) q.where = this.parseCondition();
    if (this.accept("group")) {
      this.expect("by");
      do q.groupBy.push({ agg: this.parseScalar().startsWithAgg });
      while (this.accept(","));
    }
    if (this.accept("having")) q.having = this.parseCondition();
    if (this.accept("order")) {
      this.expect("by");
      q.orderBy = [];
      do {
        q.orderBy.push({ aggs: Math.min(2, this.parseScalar().aggOperands) });
        if (!this.accept("asc")) this.accept("desc");
        if (this.accept("nulls") && !this.accept("first")) this.expect("last");
      } while (this.accept(","));
    }
    if (this.accept("limit")) {
      q.limit = true;
      this.parseExpr();
      if (this.accept("offset") || this.accept(",")) this.parseExpr();
    }
    return q;
  }

  private parseFrom(units: TableUnit[], conds: Condition): void {
    this.parseTableUnit(units, conds);
    for (;;) {
      if (this.accept(",")) this.parseTableUnit(units, conds);
      else if (this.peek() === "join" || JOIN_WORDS.has(this.peek())) {
        while (JOIN_WORDS.has(this.peek())) this.pos++;
        this.expect("join");
        this.parseTableUnit(units, conds);
      } else break;
      if (this.accept("on")) {
        const on = this.parseCondition();
        if (conds.length) conds.push("and");
        conds.push(...on);
      } else if (this.accept("using")) {
        this.expect("(");
        do this.name();
        while (this.accept(","));
        this.expect(")");
      }
    }
  }

  private parseTableUnit(units: TableUnit[], conds: Condition): void {
    if (this.peek() === "(" && (this.peek(1) === "select" || (this.peek(1) === "(" && this.peek(2) === "select"))) {
      this.pos++;
      units.push({ kind: "sql", query: this.parseCompound() });
      this.expect(")");
      this.optionalAlias();
    } else if (this.accept("(")) {
      this.parseFrom(units, conds); // a parenthesized join: its tables count as this FROM's
      this.expect(")");
    } else {
      const name = this.tok()?.text ?? "";
      this.name();
      if (this.accept(".")) this.name();
      units.push({ kind: "table", name: name.toLowerCase() });
      this.optionalAlias();
    }
  }

  /**
   * Conditions joined by AND/OR; parenthesized groups are flattened into the list. As in the
   * official parser (parse_value), a value that is neither a literal nor a subquery (a column,
   * NULL, an expression) runs up to the next AND, so an "OR …" right after it is not recorded.
   */
  private parseCondition(): Condition {
    const list: Condition = [...this.parseConditionAtom()];
    let swallowing = this.columnValued;
    while (this.peek() === "and" || this.peek() === "or") {
      const connector = this.peek() as "and" | "or";
      this.pos++;
      const atom = this.parseConditionAtom();
      if (swallowing && connector === "or") continue;
      list.push(connector, ...atom);
      swallowing = this.columnValued;
    }
    this.columnValued = false;
    return list;
  }

  private parseConditionAtom(): Condition {
    if (this.peek() === "(" && this.peek(1) !== "select") {
      const start = this.pos;
      try {
        this.pos++;
        const inner = this.parseCondition();
        this.expect(")");
        this.columnValued = false;
        // "(a + b) > 3": the parentheses held an operand, not a group of conditions
        if (!this.startsPredicateTail()) return inner;
      } catch (e) {
        if (!(e instanceof SqlParseError)) throw e;
      }
      this.pos = start;
    }
    return [this.parsePredicate()];
  }

  private startsPredicateTail(): boolean {
    const w = this.peek();
    return COMPARISONS.has(w) || BINARY.has(w) || LIKE_OPS.has(w) || ["not", "in", "is", "between"].includes(w);
  }

  private parsePredicate(): CondUnit {
    this.columnValued = false;
    const nested = (e: Expr) => {
      this.columnValued = !e.literal && !e.subquery;
      return e.subquery ? 1 : 0;
    };
    let not = this.accept("not");
    if (this.accept("exists")) return { not, op: "exists", nested: nested(this.parseExpr()) };
    this.parseExpr();
    if (this.accept("not")) not = true;
    const op = this.peek();
    if (COMPARISONS.has(op) || op === "in") {
      this.pos++;
      return { not, op: op === "in" ? "in" : op, nested: nested(this.parseExpr()) };
    }
    if (op === "between") {
      this.pos++;
      const low = this.parseExpr();
      this.expect("and");
      return { not, op, nested: nested(low) + nested(this.parseExpr()) };
    }
    if (LIKE_OPS.has(op)) {
      this.pos++;
      const value = this.parseExpr();
      if (this.accept("escape")) this.parseExpr();
      return { not, op: op === "like" ? "like" : op, nested: nested(value) };
    }
    if (op === "is") {
      this.pos++;
      this.accept("not"); // IS NOT NULL: the NOT belongs to IS, not to the condition
      if (this.accept("distinct")) this.expect("from");
      return { not, op, nested: nested(this.parseExpr()) };
    }
    if (not) this.fail("expected an operator after NOT");
    this.columnValued = false;
    return { not, op: "value", nested: 0 }; // a bare boolean operand
  }

  /** An item of SELECT / GROUP BY / ORDER BY: an expression, possibly compared ("count(*) >= 5"); the first one counts. */
  private parseScalar(): Expr {
    const first = this.parseExpr();
    while (COMPARISONS.has(this.peek())) {
      this.pos++;
      this.parseExpr();
    }
    return first;
  }

  /** Operands chained by arithmetic operators (no precedence: only the shape matters here). */
  private parseExpr(): Expr {
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
    return { startsWithAgg, aggOperands, subquery: subquery && operands === 1, literal: literal && operands === 1, operands };
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
        this.parseCompound();
        this.expect(")");
        return { ...plain, subquery: true };
      }
      const inner = this.parseExpr();
      let items = 1;
      for (; this.accept(","); items++) this.parseExpr();
      this.expect(")");
      // a list "(1, 2)" stands as a literal: the official parser has no notion of it
      return { agg: items === 1 && inner.operands === 1 && inner.aggOperands === 1, subquery: items === 1 && inner.subquery, literal: items > 1 || inner.literal };
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
        this.parseExpr();
        if (fn === "cast" && this.accept("as")) while (this.peek() !== ")" && this.pos < this.toks.length) this.pos++;
      } while (this.accept(","));
    }
    this.expect(")");
  }

  private parseCase(): Primary {
    this.expect("case");
    if (this.peek() !== "when") this.parseExpr();
    if (this.peek() !== "when") this.fail('expected "WHEN"');
    while (this.accept("when")) {
      this.parseCondition();
      this.expect("then");
      this.parseExpr();
    }
    if (this.accept("else")) this.parseExpr();
    this.expect("end");
    return { agg: false, subquery: false, literal: false };
  }
}

/** Parses one SELECT statement (with any INTERSECT/UNION/EXCEPT). Throws SqlParseError otherwise. */
export function parseSelectSql(sql: string): SelectQuery {
  return new Parser(tokenizeSql(sql)).parseStatement();
}
