// A small recursive-descent parser for the SELECT subset of Spider-style SQL. It keeps only what
// the Spider hardness rules read, in the shape of the official parser's output (process_sql.py):
// select units with their aggregate, table units, condition lists [cond, "and"|"or", cond, ...]
// (parenthesized groups flattened), GROUP BY / ORDER BY units, LIMIT, INTERSECT/UNION/EXCEPT.
import {
  BINARY,
  COMPARISONS,
  ExpressionCursor,
  SqlParseError,
  tokenizeSql,
  type Expr,
} from "@/lib/sql/sql-tokens";

export { SqlParseError };

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

const LIKE_OPS = new Set(["like", "glob", "regexp", "match"]);
const SET_OPS = new Set<string>(["intersect", "union", "except"]);
const JOIN_WORDS = new Set(["natural", "left", "right", "full", "inner", "cross", "outer"]);

class Parser extends ExpressionCursor {
  /** Whether the condition just parsed ended with a column-like value (see parseCondition). */
  private columnValued = false;
  /** Positions of "(" known not to open a group of conditions. */
  private readonly notGroups = new Set<number>();

  parseStatement(): SelectQuery {
    if (!this.toks.length) this.fail("empty SQL");
    const query = this.parseCompound();
    if (this.pos < this.toks.length) this.fail("unexpected token");
    return query;
  }

  /** A SELECT, possibly parenthesized, with any INTERSECT/UNION/EXCEPT chained on the right. */
  private parseCompound(): SelectQuery {
    return this.nest(() => this.parseCompoundLevel());
  }

  protected parseSubquery(): SelectQuery {
    return this.parseCompound();
  }

  private parseCompoundLevel(): SelectQuery {
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
    const q: SelectQuery = {
      distinct,
      select: [],
      from,
      where: [],
      groupBy: [],
      having: [],
      orderBy: null,
      limit: false,
      compound: null,
    };
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
    if (
      this.peek() === "(" &&
      (this.peek(1) === "select" || (this.peek(1) === "(" && this.peek(2) === "select"))
    ) {
      this.pos++;
      units.push({ kind: "sql", query: this.parseCompound() });
      this.expect(")");
      this.optionalAlias();
    } else if (this.accept("(")) {
      this.nest(() => this.parseFrom(units, conds)); // a parenthesized join: its tables count as this FROM's
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
  protected parseCondition(): Condition {
    return this.nest(() => this.parseConditionLevel());
  }

  private parseConditionLevel(): Condition {
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

  /**
   * One condition, or a parenthesized group of them. "(" may also open an operand ("(a + b) > 3"):
   * the group is tried first, and a start that did not give a group is remembered, so that nested
   * parentheses are not retried over and over (which would take exponential time).
   */
  private parseConditionAtom(): Condition {
    if (this.peek() === "(" && this.peek(1) !== "select" && !this.notGroups.has(this.pos)) {
      const start = this.pos;
      try {
        this.pos++;
        const inner = this.parseCondition();
        this.expect(")");
        this.columnValued = false;
        if (!this.startsPredicateTail()) return inner;
      } catch (e) {
        if (!(e instanceof SqlParseError) || this.tooDeep) throw e;
      }
      this.notGroups.add(start);
      this.pos = start;
    }
    return [this.parsePredicate()];
  }

  private startsPredicateTail(): boolean {
    const w = this.peek();
    return (
      COMPARISONS.has(w) ||
      BINARY.has(w) ||
      LIKE_OPS.has(w) ||
      ["not", "in", "is", "between", "isnull", "notnull"].includes(w)
    );
  }

  private parsePredicate(): CondUnit {
    this.columnValued = false;
    const not = this.accept("not");
    if (this.accept("exists")) return { not, op: "exists", nested: this.valueNested(this.parseExpr()) };
    this.parseExpr();
    return this.parsePredicateTail(not) ?? { not, op: "value", nested: 0 }; // a bare boolean operand
  }

  /** How many subqueries a condition's value is (0 or 1); notes whether it is column-like. */
  private valueNested(e: Expr): number {
    this.columnValued = !e.literal && !e.subquery;
    return e.subquery ? 1 : 0;
  }

  /** What follows a condition's left operand: [NOT] an operator and its value(s); null when no operator follows. */
  private parsePredicateTail(leadingNot: boolean): CondUnit | null {
    const negated = this.accept("not");
    const not = leadingNot || negated;
    const op = this.peek();
    if (COMPARISONS.has(op) || op === "in") {
      this.pos++;
      return { not, op, nested: this.valueNested(this.parseExpr()) };
    }
    if (op === "between") {
      this.pos++;
      const low = this.valueNested(this.parseExpr());
      this.expect("and");
      return { not, op, nested: low + this.valueNested(this.parseExpr()) };
    }
    if (LIKE_OPS.has(op)) {
      this.pos++;
      const value = this.parseExpr();
      if (this.accept("escape")) this.parseExpr();
      return { not, op, nested: this.valueNested(value) };
    }
    if (op === "is") {
      this.pos++;
      this.accept("not"); // IS NOT NULL: the NOT belongs to IS, not to the condition
      if (this.accept("distinct")) this.expect("from");
      return { not, op, nested: this.valueNested(this.parseExpr()) };
    }
    this.columnValued = false;
    if (op === "isnull" || op === "notnull" || (negated && op === "null")) {
      this.pos++; // SQLite's postfix null tests; as with IS NOT NULL, "NOT NULL" is no negation
      return { not: leadingNot, op: "is", nested: 0 };
    }
    if (negated) this.fail("expected an operator after NOT");
    return null;
  }

  protected readConditionRest(): boolean {
    if (!this.startsPredicateTail() && this.peek() !== "and" && this.peek() !== "or") return false;
    this.parsePredicateTail(false);
    while (this.accept("and") || this.accept("or")) this.parsePredicate();
    return true;
  }
}

/** Parses one SELECT statement (with any INTERSECT/UNION/EXCEPT). Throws SqlParseError otherwise. */
export function parseSelectSql(sql: string): SelectQuery {
  return new Parser(tokenizeSql(sql)).parseStatement();
}
