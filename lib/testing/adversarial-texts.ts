// Model answers shaped to make a backtracking reader slow: long runs of what its patterns look for
// without what would end them. Used by the readers' tests and by npm run bench:extract.

/** A deterministic mix of the characters the readers look for (same text for the same size). */
function mixOfSpecials(size: number): string {
  const alphabet = "{}[]`;\n \t\"'\\xsql";
  let state = 0x9e3779b9;
  let out = "";
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

/** [shape, text] pairs of about `size` characters each; none of them holds a SELECT. */
export function adversarialTexts(size: number): [string, string][] {
  const half = Math.floor(size / 2);
  return [
    ["open braces", "{".repeat(size)],
    ["open brackets", "[".repeat(size)],
    ["a fence followed by spaces", "```" + " ".repeat(size)],
    ["a json fence followed by spaces and tabs", "```" + " \t".repeat(half)],
    ["fences with no newline", "```x".repeat(Math.floor(size / 4))],
    ["empty fences", "```\n".repeat(Math.floor(size / 4))],
    ["backticks", "`".repeat(size)],
    ["braces opened then closed", "{".repeat(half) + "}".repeat(half)],
    ["brackets nested deep", "[".repeat(half) + "]".repeat(half)],
    ["objects nested deep", '{"a":'.repeat(Math.floor(size / 10)) + "1" + "}".repeat(Math.floor(size / 10))],
    [
      "semicolons in a string of an INSERT",
      "```sql\nCREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('" + ";".repeat(size) + "x');\n```",
    ],
    ["semicolons then a word", ";".repeat(size) + "x"],
    ["a brace then spaces", "{" + " ".repeat(size) + "x"],
    ["a mix of the special characters", mixOfSpecials(size)],
  ];
}
