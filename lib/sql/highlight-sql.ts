// SQL split into highlighted runs for read-only display, by the editor's own language: the SQLite
// dialect of @codemirror/lang-sql parses it (its Lezer parser, no editor) and @lezer/highlight's
// highlightCode names each run's kind through a tag highlighter. The same highlighter colours the
// editor (components/sql/sql-editor-setup.ts), so a query reads alike in both.
import { SQLite } from "@codemirror/lang-sql";
import { highlightCode, tagHighlighter, tags } from "@lezer/highlight";

/** What a run of SQL is, for its colour (components/sql/sql-token-classes.ts). */
export type SqlRunKind = "keyword" | "string" | "quoted" | "number" | "comment" | "type" | "builtin";
export type SqlRun = { text: string; kind?: SqlRunKind };

/** Lezer tags → our kinds; a tag with modifiers falls back to its base tag's kind. */
export const sqlRunHighlighter = tagHighlighter([
  { tag: tags.keyword, class: "keyword" },
  { tag: tags.string, class: "string" },
  { tag: tags.special(tags.string), class: "quoted" }, // "name", `name`
  { tag: [tags.number, tags.bool, tags.null], class: "number" },
  { tag: tags.comment, class: "comment" },
  { tag: tags.typeName, class: "type" },
  { tag: tags.standard(tags.name), class: "builtin" },
]);

/** The runs of `sql` in order (their texts join back to `sql`); neighbours of one kind are merged ('it''s' is one string). */
export function highlightSql(sql: string): SqlRun[] {
  const runs: SqlRun[] = [];
  const put = (text: string, kind: string) => {
    const last = runs.at(-1);
    if (last && (last.kind ?? "") === kind) last.text += text;
    else runs.push(kind ? { text, kind: kind as SqlRunKind } : { text });
  };
  highlightCode(sql, SQLite.language.parser.parse(sql), sqlRunHighlighter, put, () => put("\n", ""));
  return runs;
}
