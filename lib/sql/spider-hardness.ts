// Spider hardness (easy / medium / hard / extra) by the published rules of the official evaluator:
// count_component1, count_component2 and count_others, then eval_hardness's thresholds. The counts
// follow the official code's behaviour, quirks included (noted below).
import { readSqlShape, type Condition, type ConditionList, type SqlShape } from "@/lib/sql/spider-sql-shape";

export { SqlParseError } from "@/lib/sql/spider-sql-shape";
export type SpiderHardness = "easy" | "medium" | "hard" | "extra";

const conditions = (list: ConditionList): Condition[] => list.filter((c): c is Condition => typeof c !== "string");
const connectors = (list: ConditionList) => list.filter((c) => typeof c === "string");

function componentOne(s: SqlShape): number {
  let count = 0;
  if (s.where.length) count++;
  if (s.groupBy.length) count++;
  if (s.hasOrderBy) count++;
  if (s.hasLimit) count++;
  if (s.tableUnits > 0) count += s.tableUnits - 1;
  count += [...connectors(s.fromConds), ...connectors(s.where), ...connectors(s.having)].filter((c) => c === "or").length;
  count += [...conditions(s.fromConds), ...conditions(s.where), ...conditions(s.having)].filter((c) => c.like).length;
  return count;
}

function componentTwo(s: SqlShape): number {
  const nested = [...conditions(s.fromConds), ...conditions(s.where), ...conditions(s.having)].reduce((n, c) => n + c.nested, 0);
  return nested + (s.iue ? 1 : 0);
}

function others(s: SqlShape): number {
  // Quirk of the official count_agg: for WHERE conditions it tests the NOT flag, and for HAVING it
  // iterates over conditions and connectors, where each "and"/"or" counts and a condition counts
  // only when negated.
  const aggs =
    s.selectAggs.filter(Boolean).length +
    conditions(s.where).filter((c) => c.not).length +
    s.groupBy.filter(Boolean).length +
    s.orderByAggs +
    connectors(s.having).length +
    conditions(s.having).filter((c) => c.not).length;
  let count = 0;
  if (aggs > 1) count++;
  if (s.selectAggs.length > 1) count++;
  if (s.where.length > 1) count++;
  if (s.groupBy.length > 1) count++;
  return count;
}

/** The Spider hardness of a gold SQL. Throws SqlParseError when the SQL is not a SELECT it can read. */
export function spiderHardness(sql: string): SpiderHardness {
  const shape = readSqlShape(sql);
  const c1 = componentOne(shape);
  const c2 = componentTwo(shape);
  const o = others(shape);
  if (c1 <= 1 && o === 0 && c2 === 0) return "easy";
  if ((o <= 2 && c1 <= 1 && c2 === 0) || (c1 <= 2 && o < 2 && c2 === 0)) return "medium";
  if ((o > 2 && c1 <= 2 && c2 === 0) || (c1 > 2 && c1 <= 3 && o <= 2 && c2 === 0) || (c1 <= 1 && o === 0 && c2 <= 1)) return "hard";
  return "extra";
}
