// The SQL text as the official Spider runner executes it: exec_eval.postprocess, parse.remove_distinct
// (sqlparse tokens, ported), replace_cur_year; and its test for whether row order matters.

const W = "[\\p{L}\\p{N}_]"; // Python's Unicode \w
const D = "\\p{Nd}"; // Python's Unicode \d
const B = `(?!${W})`; // \b after a word character
// Python's Unicode \s (JS's \s lacks \x1c-\x1f and \x85 and adds \ufeff)
const SP = "\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_WS = new RegExp(`^[${SP}]+$`, "u");
type Kind = "ws" | "nl" | "comment" | "punct" | "kw" | "ddl" | "word" | "other";
// sqlparse 0.4 keywords.SQL_REGEX, in order (first match at the position wins)
const LEXER: Array<[RegExp, Kind]> = (
  [
    ["(--|# )\\+[^\\n]*?(\\r\\n|\\r|\\n|$)", "other"],
    ["/\\*\\+[^]*?\\*/", "other"],
    ["(--|# )[^\\n]*?(\\r\\n|\\r|\\n|$)", "comment"],
    ["/\\*[^]*?\\*/", "other"],
    ["(\\r\\n|\\r|\\n)", "nl"],
    [`[${SP}]`, "ws"],
    [":=", "other"],
    ["::", "punct"],
    ["\\*", "other"],
    ["`(``|[^`])*`", "other"],
    ["´(´´|[^´])*´", "other"],
    [`((?<![^${SP}])\\$(?:[_A-ZÀ-Üİı]${W}*)?\\$)[^]*?\\1`, "other"],
    ["\\?", "other"],
    [`%(\\(${W}+\\))?s`, "other"],
    [`(?<!${W})[$:?]${W}+`, "other"],
    [`\\\\${W}+`, "other"],
    [`(NOT[${SP}]+)?(IN)${B}`, "other"],
    [`(CASE|IN|VALUES|USING|FROM|AS)${B}`, "kw"],
    [`(@|##|#)[A-ZÀ-Üİı]${W}+`, "other"],
    [`[A-ZÀ-Üİı]${W}*(?=[${SP}]*\\.)`, "other"],
    [`(?<=\\.)[A-ZÀ-Üİı]${W}*`, "other"],
    [`[A-ZÀ-Üİı]${W}*(?=\\()`, "other"],
    [`-?0x[${D}A-F]+`, "other"],
    [`-?${D}+(\\.${D}+)?E-?${D}+`, "other"],
    [`(?![_A-ZÀ-Üİı])-?(${D}+(\\.${D}*)|\\.${D}+)(?![_A-ZÀ-Üİı])`, "other"],
    [`(?![_A-ZÀ-Üİı])-?${D}+(?![_A-ZÀ-Üİı])`, "other"],
    ["'(''|\\\\\\\\|\\\\'|[^'])*'", "other"],
    ['"(""|\\\\\\\\|\\\\"|[^"])*"', "other"],
    ['(""|"[^\\n]*?[^\\\\]")', "other"],
    [`(?<![\\p{L}\\p{N}_\\])])(\\[[^\\]\\[]+\\])`, "other"],
    [
      `((LEFT[${SP}]+|RIGHT[${SP}]+|FULL[${SP}]+)?(INNER[${SP}]+|OUTER[${SP}]+|STRAIGHT[${SP}]+)?|(CROSS[${SP}]+|NATURAL[${SP}]+)?)?JOIN${B}`,
      "kw",
    ],
    [`END([${SP}]+IF|[${SP}]+LOOP|[${SP}]+WHILE)?${B}`, "kw"],
    [`NOT[${SP}]+NULL${B}`, "kw"],
    [`NULLS[${SP}]+(FIRST|LAST)${B}`, "kw"],
    [`UNION[${SP}]+ALL${B}`, "kw"],
    [`CREATE([${SP}]+OR[${SP}]+REPLACE)?${B}`, "ddl"],
    [`DOUBLE[${SP}]+PRECISION${B}`, "other"],
    [`GROUP[${SP}]+BY${B}`, "kw"],
    [`ORDER[${SP}]+BY${B}`, "kw"],
    [`HANDLER[${SP}]+FOR${B}`, "kw"],
    [`(LATERAL[${SP}]+VIEW[${SP}]+)(EXPLODE|INLINE|PARSE_URL_TUPLE|POSEXPLODE|STACK)${B}`, "kw"],
    [`(AT|WITH')[${SP}]+TIME[${SP}]+ZONE[${SP}]+'[^']+'`, "other"],
    [`(NOT[${SP}]+)?(LIKE|ILIKE|RLIKE)${B}`, "other"],
    [`(NOT[${SP}]+)?(REGEXP)${B}`, "other"],
    [`[0-9_A-ZÀ-Üİı][_$#\\p{L}\\p{N}]*`, "word"],
    ["[;:()\\[\\],\\.]", "punct"],
    ["[<>=~!]+", "other"],
    ["[+/@#%^&|^-]+", "other"],
  ] as const
).map(([source, kind]) => [new RegExp(source, "iuy"), kind]);

/** Words the statement splitter reacts to (all sqlparse keywords). */
const SPLIT_WORDS = new Set(["BEGIN", "DECLARE", "IF", "FOR", "WHILE"]);

function* sqlparseTokens(sql: string): Generator<{ value: string; kind: Kind }> {
  let pos = 0;
  while (pos < sql.length) {
    let token: { value: string; kind: Kind } | null = null;
    for (const [regex, kind] of LEXER) {
      regex.lastIndex = pos;
      const m = regex.exec(sql);
      if (!m) continue;
      const isKeyword = kind === "word" && SPLIT_WORDS.has(m[0].toUpperCase());
      if (m[0] === "") continue;
      token = { value: m[0], kind: isKeyword ? "kw" : kind };
      break;
    }
    token ??= { value: String.fromCodePoint(sql.codePointAt(pos)!), kind: "other" };
    yield token;
    pos += token.value.length;
  }
}

/** The tokens of sqlparse.parse(sql)[0]: the first statement, as sqlparse's StatementSplitter cuts it. */
function firstStatementTokens(sql: string): string[] {
  const tokens: string[] = [];
  let level = 0;
  let consumeWs = false;
  let isCreate = false;
  let beginDepth = 0;
  for (const { value, kind } of sqlparseTokens(sql)) {
    if (consumeWs && kind !== "ws" && kind !== "comment") return tokens;
    const word = value.toUpperCase();
    if (kind === "punct" && value === "(") level += 1;
    else if (kind === "punct" && value === ")") level -= 1;
    else if (kind === "ddl" && word.startsWith("CREATE")) isCreate = true;
    else if (kind === "kw") {
      if (word === "DECLARE" && isCreate && beginDepth === 0) level += 1;
      else if (word === "BEGIN") {
        beginDepth += 1;
        if (isCreate) level += 1;
      } else if (word === "END") {
        beginDepth = Math.max(0, beginDepth - 1);
        level -= 1;
      } else if (["IF", "FOR", "WHILE", "CASE"].includes(word) && isCreate && beginDepth > 0) level += 1;
      else if (["END IF", "END FOR", "END WHILE"].includes(word)) level -= 1;
    }
    tokens.push(value);
    if (level <= 0 && kind === "punct" && value === ";") consumeWs = true;
  }
  return tokens.every((t) => PY_WS.test(t)) ? [] : tokens;
}

/**
 * test-suite's parse.remove_distinct: "".join of sqlparse.parse(s)[0].flatten() without the tokens
 * whose value.lower() == "distinct". Quoted text, comments and longer words stay; only the first
 * statement survives (the official crashes on empty SQL; here the SQL comes back unchanged).
 */
export function removeDistinctTokens(sql: string): string {
  // sqlparse's flatten-and-join gives back its input: with no "distinct" and no ";" nothing changes
  if (!/distinct/i.test(sql) && !sql.includes(";")) return sql;
  const tokens = firstStatementTokens(sql);
  if (tokens.length === 0) return sql;
  return tokens.filter((t) => t.toLowerCase() !== "distinct").join("");
}

const CUR_YEAR = new RegExp(`YEAR[${SP}]*\\([${SP}]*CURDATE[${SP}]*\\([${SP}]*\\)[${SP}]*\\)[${SP}]*`, "giu");

const orderMattersByGold = new Map<string, boolean>();

/**
 * The SQL the official Spider runner executes (without --keep_distinct): exec_eval.postprocess
 * ('> =' -> '>=' etc.), then remove_distinct, then replace_cur_year (YEAR(CURDATE()) -> 2020).
 */
export function stripDistinctForSpider(sql: string): string {
  const fixed = sql.replace(/> =/g, ">=").replace(/< =/g, "<=").replace(/! =/g, "!=");
  return removeDistinctTokens(fixed).replace(CUR_YEAR, "2020");
}

/** order_matters = 'order by' in g_str.lower(), g_str being the postprocessed, distinct-stripped gold. */
export function spiderOrderMatters(goldSql: string): boolean {
  // asked once per candidate with the same gold: remember the last answers (the rewrite is not cheap)
  const known = orderMattersByGold.get(goldSql);
  if (known !== undefined) return known;
  const ordered = stripDistinctForSpider(goldSql).toLowerCase().includes("order by");
  if (orderMattersByGold.size >= 4_096) orderMattersByGold.clear();
  orderMattersByGold.set(goldSql, ordered);
  return ordered;
}
