// Spider hardness (easy / medium / hard / extra) by the published rules of the official evaluator
// (evaluation.py: count_component1, count_component2, count_others, eval_hardness), applied to the
// outermost query only; with INTERSECT/UNION/EXCEPT that is the left-hand SELECT.
import { parseSelectSql, type CondUnit, type Condition, type SelectQuery } from "@/lib/sql/sql-parse";

export { SqlParseError } from "@/lib/sql/sql-parse";
export type SpiderHardness = "easy" | "medium" | "hard" | "extra";

const units = (c: Condition): CondUnit[] => c.filter((x): x is CondUnit => typeof x !== "string");
const connectors = (c: Condition): ("and" | "or")[] =>
  c.filter((x): x is "and" | "or" => typeof x === "string");

/** The condition units of FROM (ON), WHERE and HAVING, as the official code concatenates them. */
const allUnits = (q: SelectQuery) => [...units(q.from.conds), ...units(q.where), ...units(q.having)];

/** WHERE, GROUP BY, ORDER BY, LIMIT, one per extra table unit, one per OR, one per LIKE. */
export function componentOne(q: SelectQuery): number {
  let count = 0;
  if (q.where.length) count++;
  if (q.groupBy.length) count++;
  if (q.orderBy) count++;
  if (q.limit) count++;
  if (q.from.tableUnits.length > 0) count += q.from.tableUnits.length - 1;
  count += [...connectors(q.from.conds), ...connectors(q.where), ...connectors(q.having)].filter(
    (c) => c === "or",
  ).length;
  count += allUnits(q).filter((u) => u.op === "like").length;
  return count;
}

/** Subqueries that are condition values (ON / WHERE / HAVING), plus one for INTERSECT/UNION/EXCEPT. */
export function componentTwo(q: SelectQuery): number {
  return allUnits(q).reduce((n, u) => n + u.nested, 0) + (q.compound ? 1 : 0);
}

/**
 * Aggregates (more than one), select items (more than one), WHERE conditions (more than one),
 * GROUP BY items (more than one). The aggregate count follows the official count_agg, which
 * tests the first field of each unit: for WHERE condition units that is the NOT flag, and for
 * HAVING it runs over the whole list, where every "and"/"or" counts and a condition counts
 * when negated. FROM subqueries and nested queries are not looked into.
 */
export function countOthers(q: SelectQuery): number {
  const aggregates =
    q.select.filter((s) => s.agg).length +
    units(q.where).filter((u) => u.not).length +
    q.groupBy.filter((g) => g.agg).length +
    (q.orderBy ?? []).reduce((n, o) => n + o.aggs, 0) +
    connectors(q.having).length +
    units(q.having).filter((u) => u.not).length;
  let count = 0;
  if (aggregates > 1) count++;
  if (q.select.length > 1) count++;
  if (q.where.length > 1) count++; // the list holds connectors too: more than one condition
  if (q.groupBy.length > 1) count++;
  return count;
}

/** eval_hardness's thresholds over the three counts. */
export function hardnessFromCounts(c1: number, c2: number, others: number): SpiderHardness {
  if (c1 <= 1 && others === 0 && c2 === 0) return "easy";
  if ((others <= 2 && c1 <= 1 && c2 === 0) || (c1 <= 2 && others < 2 && c2 === 0)) return "medium";
  if (
    (others > 2 && c1 <= 2 && c2 === 0) ||
    (c1 > 2 && c1 <= 3 && others <= 2 && c2 === 0) ||
    (c1 <= 1 && others === 0 && c2 <= 1)
  ) {
    return "hard";
  }
  return "extra";
}

/** The Spider hardness of a SQL query. Throws SqlParseError when it is not a SELECT it can parse. */
export function spiderHardness(sql: string): SpiderHardness {
  const q = parseSelectSql(sql);
  return hardnessFromCounts(componentOne(q), componentTwo(q), countOthers(q));
}
