import { SqlRunsPre } from "@/components/sql/sql-runs-pre";
import { highlightSql } from "@/lib/sql/highlight-sql";

/**
 * SQL shown read-only, highlighted by the editor's SQLite grammar. For server components: the
 * parser stays on the server. Client components use LazySqlBlock (lazy-sql-block.tsx).
 */
export function SqlBlock({ sql, label }: { sql: string; label?: string }) {
  return <SqlRunsPre runs={highlightSql(sql)} label={label} />;
}
