// A small SQL tokenizer for display: keywords, strings, numbers and comments get their own colour.
const KEYWORDS = new Set(
  (
    "select from where and or not in is null as join inner left right outer full cross on group by order having " +
    "limit offset distinct union all intersect except case when then else end asc desc like between exists with " +
    "count sum avg min max cast insert update delete create table values set into"
  ).split(" "),
);

export type SqlToken = { text: string; className?: string };

const TOKEN = /(--[^\n]*)|('(?:[^']|'')*')|("(?:[^"]|"")*"|`[^`]*`)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|(\s+|.)/g;

export function highlightSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  for (const m of sql.matchAll(TOKEN)) {
    const [text, comment, str, quoted, num, word] = m;
    if (comment) tokens.push({ text, className: "text-slate-400 italic" });
    else if (str) tokens.push({ text, className: "text-emerald-300" });
    else if (quoted) tokens.push({ text, className: "text-sky-200" });
    else if (num) tokens.push({ text, className: "text-amber-300" });
    else if (word && KEYWORDS.has(word.toLowerCase())) tokens.push({ text, className: "text-fuchsia-300 font-semibold" });
    else tokens.push({ text });
  }
  return tokens;
}
