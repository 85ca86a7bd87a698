import { SqlRunsPre } from "@/components/sql/sql-runs-pre";
import { highlightSql } from "@/lib/sql/highlight-sql";

/**
 * SQL shown read-only, highlighted by the editor's SQLite grammar, for server components: the
 * grammar stays on the server. Client components get the runs from the server (highlightSql in
 * the data they fetch, as the review item does) and render SqlRunsPre, so no page loads the grammar.
 */
export function SqlBlock({ sql, label }: { sql: string; label?: string }) {
  return <SqlRunsPre runs={highlightSql(sql)} label={label} />;
}
